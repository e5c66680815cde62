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
    /// Whether the shipped boosted trees rank the paragraphs (off when unset).
    trees: Option<bool>,
}

impl PassageLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: PassageLayer) -> PassageLayer {
        PassageLayer {
            weights: over.weights.or(self.weights),
            trees: over.trees.or(self.trees),
        }
    }

    /// The weights are required (every feature named: a missing one is an error, not a zero).
    pub(super) fn resolve(self) -> Result<PassageSettings, SettingsError> {
        Ok(PassageSettings {
            model: crate::nlu::PassageModel::new(
                required(self.weights, "passage.weights")?,
                self.trees.unwrap_or(false),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::file::parse_layer;
    use super::PassageLayer;

    fn shipped() -> PassageLayer {
        let text = include_str!("../../config/default.toml");
        parse_layer(Path::new("default.toml"), text)
            .unwrap()
            .passage
    }

    #[test]
    fn the_shipped_config_ranks_paragraphs_by_the_trees_and_a_later_layer_can_switch_them_off() {
        let on = shipped()
            .overlay(PassageLayer::default())
            .resolve()
            .unwrap();
        assert!(on.model.trees.is_some());
        let off = parse_layer(Path::new("local.toml"), "[passage]\ntrees = false\n")
            .unwrap()
            .passage;
        let resolved = shipped().overlay(off).resolve().unwrap();
        assert!(resolved.model.trees.is_none());
        assert_eq!(resolved.model.weights, on.model.weights);
    }
}
