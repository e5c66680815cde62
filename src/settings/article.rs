//! The `[article]` section: how much each step of the article choice weighs its evidence, fitted
//! on the tuning sets by `scripts/fit_article.py`.

use serde::Deserialize;

use super::{SettingsError, required};

/// The `[article]` section: which article of the archive answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSettings {
    pub weights: crate::nlu::ArticleWeights,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ArticleLayer {
    weights: Option<crate::nlu::ArticleWeights>,
}

impl ArticleLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: ArticleLayer) -> ArticleLayer {
        ArticleLayer {
            weights: over.weights.or(self.weights),
        }
    }

    /// The weights are required (every step named: a missing one is an error, not a zero).
    pub(super) fn resolve(self) -> Result<ArticleSettings, SettingsError> {
        Ok(ArticleSettings {
            weights: required(self.weights, "article.weights")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::file::parse_layer;
    use super::ArticleLayer;

    fn layer(text: &str) -> ArticleLayer {
        parse_layer(Path::new("test.toml"), text).unwrap().article
    }

    #[test]
    fn the_shipped_config_sets_every_article_weight_and_a_later_layer_replaces_them() {
        let shipped = layer(include_str!("../../config/default.toml"));
        let weights = shipped
            .overlay(ArticleLayer::default())
            .resolve()
            .unwrap()
            .weights;
        assert_eq!(weights, crate::nlu::ArticleWeights::builtin());
        let over = layer(
            "[article]\nweights = { salient = 1.0, clause = 0.0, figures = 0.0, numbers = 0.0, \
             condition = 0.0, date = 0.0, title_date = 0.0, whole_year = 0.0, \
             recency_tie = 0.0, latest = 0.0 }\n",
        );
        let shipped = layer(include_str!("../../config/default.toml"));
        let weights = shipped.overlay(over).resolve().unwrap().weights;
        assert_eq!(weights.salient, 1.0);
        assert_eq!(weights.date, 0.0);
    }

    #[test]
    fn an_article_weights_table_missing_a_step_is_an_error() {
        let text = "[article]\nweights = { salient = 1.0 }\n";
        assert!(parse_layer(Path::new("test.toml"), text).is_err());
    }
}
