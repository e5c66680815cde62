//! The paragraph ranker's boosted trees: gradient-boosted regression trees over a candidate's
//! measured [`Features`], the weighted sum of them and the question's answer type, fitted on the
//! tuning sets by `scripts/fit_passage_trees.py` and shipped as `config/passage_trees.json`.
//!
//! The weighted sum weighs each feature alone; the trees learn what counts only together (a value
//! near the question's words decides a "berapa" question more than a "siapa" one; the lead's
//! restating words count less when a later paragraph holds the figure).

use serde::Deserialize;

use super::model::Features;
use crate::nlu::query::AnswerType;

/// What one input of the trees reads for a candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Input {
    /// One of the measured features, by its place in [`Features::as_array`].
    Feature(usize),
    /// The weighted sum of `[passage]`.
    Key,
    /// The weighted sum less the best candidate's (0 for the best).
    KeyGap,
    /// The candidate's place when ranked by the weighted sum (0 for the best, the first of equals
    /// first).
    KeyRank,
    /// How many candidates the article has.
    Candidates,
    /// The paragraph's number in its article.
    Paragraph,
    /// 1 when the question asks for this kind of value.
    Type(AnswerType),
}

/// One split of a tree: `inputs[input] <= threshold` goes to `left`, else to `right`; a child
/// at 0 or above is a node (in [`Trees::nodes`]), below 0 the leaf `!child`. The threshold is the
/// largest `f32` not above the fitted (`f64`) one, so comparing an `f32` input to it decides as
/// the fit did.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    threshold: f32,
    input: u16,
    left: i32,
    right: i32,
}

/// The fitted trees and what their inputs read. Every tree's nodes and leaves sit in one vector
/// each (a tree's root is a node or, for a tree of one leaf, a leaf): a question walks about a
/// hundred small trees per candidate paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Trees {
    inputs: Vec<Input>,
    roots: Vec<i32>,
    nodes: Vec<Node>,
    leaves: Vec<f64>,
    /// The answer types the trees were fitted on: for another, the weighted sum ranks alone.
    types: Vec<AnswerType>,
}

#[derive(Deserialize)]
struct File {
    inputs: Vec<String>,
    trees: Vec<TreeFile>,
}

#[derive(Deserialize)]
struct TreeFile {
    split: Vec<(usize, f64, i32, i32)>,
    leaf: Vec<f64>,
}

/// The names `scripts/fit_passage_trees.py` gives the measured features, in [`Features`]' order.
const FEATURE_NAMES: [&str; 23] = [
    "word",
    "word_share",
    "local",
    "near",
    "both",
    "unexplained",
    "date",
    "extreme",
    "carried",
    "lead",
    "position",
    "typed",
    "share",
    "rare",
    "focus",
    "focus_near",
    "echo",
    "echo_before",
    "tight",
    "untitled_typed",
    "cause",
    "labelled",
    "echo_asked",
];

fn answer_type(name: &str) -> Option<AnswerType> {
    Some(match name {
        "Date" => AnswerType::Date,
        "Number" => AnswerType::Number,
        "Person" => AnswerType::Person,
        "Reason" => AnswerType::Reason,
        "YesNo" => AnswerType::YesNo,
        "Place" => AnswerType::Place,
        "Manner" => AnswerType::Manner,
        "Any" => AnswerType::Any,
        _ => return None,
    })
}

impl Trees {
    /// The shipped `config/passage_trees.json`.
    pub fn builtin() -> Trees {
        Trees::from_json(include_str!("../../../config/passage_trees.json"))
            .expect("config/passage_trees.json holds valid trees")
    }

    /// Trees from the fitting script's JSON; every input must be one this module reads and every
    /// split must point inside its tree.
    pub fn from_json(text: &str) -> Result<Trees, String> {
        let file: File = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut types = Vec::new();
        let inputs = file
            .inputs
            .iter()
            .map(|name| {
                if let Some(k) = FEATURE_NAMES.iter().position(|f| f == name) {
                    return Ok(Input::Feature(k));
                }
                Ok(match name.as_str() {
                    "key" => Input::Key,
                    "key_gap" => Input::KeyGap,
                    "key_rank" => Input::KeyRank,
                    "candidates" => Input::Candidates,
                    "paragraph" => Input::Paragraph,
                    _ => {
                        let t = name
                            .strip_prefix("type_")
                            .and_then(answer_type)
                            .ok_or_else(|| format!("unknown input {name:?}"))?;
                        types.push(t);
                        Input::Type(t)
                    }
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let (mut roots, mut nodes, mut leaves) = (Vec::new(), Vec::new(), Vec::new());
        for tree in file.trees {
            let (first_node, first_leaf) = (nodes.len() as i32, leaves.len() as i32);
            let inside = |child: i32| {
                if child < 0 {
                    ((!child) as usize) < tree.leaf.len()
                } else {
                    (child as usize) < tree.split.len()
                }
            };
            // Children move from the tree's own numbering to the shared vectors'.
            let shift = |child: i32| {
                if child < 0 {
                    !((!child) + first_leaf)
                } else {
                    child + first_node
                }
            };
            for &(input, threshold, left, right) in &tree.split {
                if input >= inputs.len() || !inside(left) || !inside(right) {
                    return Err("a split points outside its tree".to_string());
                }
                nodes.push(Node {
                    threshold: at_most(threshold),
                    input: input as u16,
                    left: shift(left),
                    right: shift(right),
                });
            }
            if tree.leaf.is_empty() || (tree.split.is_empty() && tree.leaf.len() != 1) {
                return Err("a tree without its leaves".to_string());
            }
            roots.push(if tree.split.is_empty() {
                !first_leaf
            } else {
                first_node
            });
            leaves.extend(tree.leaf);
        }
        Ok(Trees {
            inputs,
            roots,
            nodes,
            leaves,
            types,
        })
    }

    /// Whether the trees rank questions of this answer type.
    pub fn ranks(&self, t: AnswerType) -> bool {
        self.types.contains(&t)
    }

    /// The candidate the trees rank first (the first of equals), given each candidate's features,
    /// weighted sum and paragraph number, in candidate order.
    pub fn best(&self, asked: AnswerType, candidates: &[(Features, f32, usize)]) -> Option<usize> {
        let top = candidates
            .iter()
            .map(|c| c.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let mut row = vec![0.0f32; self.inputs.len()];
        let mut best: Option<(f64, usize)> = None;
        for (i, (features, key, paragraph)) in candidates.iter().enumerate() {
            let array = features.as_array();
            for (slot, input) in row.iter_mut().zip(&self.inputs) {
                *slot = match *input {
                    Input::Feature(k) => array[k],
                    Input::Key => *key,
                    Input::KeyGap => *key - top,
                    Input::KeyRank => candidates
                        .iter()
                        .enumerate()
                        .filter(|&(j, c)| c.1 > *key || (c.1 == *key && j < i))
                        .count() as f32,
                    Input::Candidates => candidates.len() as f32,
                    Input::Paragraph => *paragraph as f32,
                    Input::Type(t) => f32::from(u8::from(t == asked)),
                };
            }
            let score = self.score(&row);
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }

    fn score(&self, row: &[f32]) -> f64 {
        self.roots
            .iter()
            .map(|&root| {
                let mut at = root;
                while at >= 0 {
                    let node = &self.nodes[at as usize];
                    at = if row[node.input as usize] <= node.threshold {
                        node.left
                    } else {
                        node.right
                    };
                }
                self.leaves[(!at) as usize]
            })
            .sum()
    }
}

/// The largest `f32` not above `threshold`: an `f32` is at most it exactly when it is at most
/// `threshold`.
fn at_most(threshold: f64) -> f32 {
    let near = threshold as f32;
    if f64::from(near) > threshold {
        near.next_down()
    } else {
        near
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(near: f32) -> Features {
        Features {
            near,
            ..Features::default()
        }
    }

    #[test]
    fn the_shipped_trees_load_and_rank_the_types_they_were_fitted_on() {
        let trees = Trees::builtin();
        assert!(!trees.roots.is_empty());
        assert!(trees.ranks(AnswerType::Number));
        assert!(!trees.ranks(AnswerType::YesNo));
    }

    #[test]
    fn a_split_sends_a_candidate_left_at_its_threshold_and_right_above_it() {
        let json = r#"{"inputs":["near","type_Number"],
            "trees":[{"split":[[0,0.5,-1,-2]],"leaf":[0.0,1.0]}]}"#;
        let trees = Trees::from_json(json).unwrap();
        let cands = [(features(0.5), 0.0, 0), (features(0.6), 0.0, 1)];
        assert_eq!(trees.best(AnswerType::Number, &cands), Some(1));
        // Equal scores: the first candidate wins.
        let cands = [(features(0.1), 0.0, 0), (features(0.2), 0.0, 1)];
        assert_eq!(trees.best(AnswerType::Number, &cands), Some(0));
    }

    #[test]
    fn the_derived_inputs_read_the_weighted_sum_and_the_answer_type() {
        // A tree preferring the candidate ranked second by the weighted sum, for a number only.
        let json = r#"{"inputs":["key_rank","type_Number"],
            "trees":[{"split":[[1,0.5,-1,1],[0,0.5,-2,-3]],"leaf":[0.0,0.0,1.0]}]}"#;
        let trees = Trees::from_json(json).unwrap();
        let cands = [(features(0.0), 2.0, 0), (features(0.0), 1.0, 3)];
        assert_eq!(trees.best(AnswerType::Number, &cands), Some(1));
        assert_eq!(trees.best(AnswerType::Person, &cands), Some(0));
    }

    #[test]
    fn a_threshold_between_two_f32_values_decides_as_in_f64() {
        let x = 0.1f32;
        let just_below = f64::from(x) - 1e-12;
        assert!(at_most(just_below) < x);
        assert_eq!(at_most(f64::from(x)), x);
        assert!(at_most(f64::from(x) + 1e-12) >= x);
    }

    #[test]
    fn trees_naming_an_unknown_input_or_pointing_outside_are_refused() {
        assert!(Trees::from_json(r#"{"inputs":["nope"],"trees":[]}"#).is_err());
        let outside = r#"{"inputs":["near"],"trees":[{"split":[[0,0.5,-1,-3]],"leaf":[0.0,1.0]}]}"#;
        assert!(Trees::from_json(outside).is_err());
        let input = r#"{"inputs":["near"],"trees":[{"split":[[4,0.5,-1,-2]],"leaf":[0.0,1.0]}]}"#;
        assert!(Trees::from_json(input).is_err());
    }
}
