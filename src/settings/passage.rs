//! The `[passage]` section: the paragraph ranker of the answering engine, its weights fitted on the
//! tuning sets by `scripts/fit_passage.py`.

use serde::Deserialize;

use super::{SettingsError, required};

/// The `[passage]` section: which paragraph of the chosen article answers.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageSettings {
    pub model: crate::nlu::PassageModel,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PassageLayer {
    weights: Option<crate::nlu::PassageFeatures>,
}

impl PassageLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: PassageLayer) -> PassageLayer {
        PassageLayer {
            weights: over.weights.or(self.weights),
        }
    }

    /// The weights are required (every feature named: a missing one is an error, not a zero).
    pub(super) fn resolve(self) -> Result<PassageSettings, SettingsError> {
        Ok(PassageSettings {
            model: crate::nlu::PassageModel {
                weights: required(self.weights, "passage.weights")?,
            },
        })
    }
}
