//! The `[answer]` section: the answer-or-refuse model of the answering engine, its weights fitted
//! on the tuning set by `scripts/fit_answer.py`.

use serde::Deserialize;

use super::{SettingsError, fraction, required};

/// The `[answer]` section: the answer-or-refuse model of the answering engine (its weights
/// fitted on the tuning set by `scripts/fit_answer.py`).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerSettings {
    pub decision: crate::nlu::DecisionModel,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnswerLayer {
    threshold: Option<f32>,
    bias: Option<f32>,
    weights: Option<crate::nlu::Features>,
}

impl AnswerLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: AnswerLayer) -> AnswerLayer {
        AnswerLayer {
            threshold: over.threshold.or(self.threshold),
            bias: over.bias.or(self.bias),
            weights: over.weights.or(self.weights),
        }
    }

    /// The threshold is a probability in 0..1; bias and weights are required.
    pub(super) fn resolve(self) -> Result<AnswerSettings, SettingsError> {
        let threshold = fraction(self.threshold.map(f64::from), "answer.threshold")? as f32;
        Ok(AnswerSettings {
            decision: crate::nlu::DecisionModel {
                threshold,
                bias: required(self.bias, "answer.bias")?,
                weights: required(self.weights, "answer.weights")?,
            },
        })
    }
}
