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

/// One split of a tree, filed under the input it reads: a candidate whose input is above
/// `threshold` goes right, so none of the leaves left of the split can be where it ends (`keep`
/// clears their bits in the tree's leaf mask). The threshold is the largest `f32` not above the
/// fitted (`f64`) one, so comparing an `f32` input to it decides as the fit did.
///
/// Walking each tree node by node cost about 40 instructions a tree; clearing the leaves each
/// input rules out (QuickScorer, Lucchese et al. 2015) touches only the splits a candidate goes
/// right at, and the leaf a candidate ends at is the leftmost its mask keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Split {
    threshold: f32,
    /// A byte, so that it indexes the [`MOST_TREES`] masks with no bounds check.
    tree: u8,
    keep: u64,
}

/// The most trees [`Split::tree`] can name.
const MOST_TREES: usize = 256;

/// The fitted trees and what their inputs read: a question scores a hundred small trees per
/// candidate paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Trees {
    /// Each input read by a split, with its splits' range in `splits`.
    inputs: Vec<(Input, u32, u32)>,
    /// Every split, by input and, within one input, by threshold (thresholds are never NaN: JSON
    /// has none), so an input's scan stops at the first threshold it is not above.
    splits: Vec<Split>,
    /// Where each tree's leaves start in `leaves`; a tree's leaves run left to right.
    first_leaf: Vec<u32>,
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
        if file.trees.len() > MOST_TREES {
            return Err("more trees than a split can name".to_string());
        }
        let mut by_input: Vec<Vec<Split>> = vec![Vec::new(); inputs.len()];
        let (mut first_leaf, mut leaves) = (Vec::new(), Vec::new());
        for (t, tree) in file.trees.iter().enumerate() {
            if tree.leaf.is_empty() || (tree.split.is_empty() && tree.leaf.len() != 1) {
                return Err("a tree without its leaves".to_string());
            }
            first_leaf.push(leaves.len() as u32);
            let root = if tree.split.is_empty() { -1 } else { 0 };
            let mut seen = vec![false; tree.split.len() + tree.leaf.len()];
            let (mut found, mut order) = (Vec::new(), Vec::new());
            lay_out(tree, root, &mut seen, &mut found, &mut order)?;
            leaves.extend(order);
            for (input, threshold, keep) in found {
                if input >= inputs.len() {
                    return Err("a split points outside its tree".to_string());
                }
                by_input[input].push(Split {
                    threshold: at_most(threshold),
                    tree: t as u8,
                    keep,
                });
            }
        }
        let mut splits = Vec::new();
        let inputs = inputs
            .into_iter()
            .zip(by_input)
            .filter(|(_, found)| !found.is_empty())
            .map(|(input, mut found)| {
                found.sort_by(|a, b| a.threshold.total_cmp(&b.threshold));
                let start = splits.len() as u32;
                splits.extend(found);
                (input, start, splits.len() as u32)
            })
            .collect();
        Ok(Trees {
            inputs,
            splits,
            first_leaf,
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
        // The inputs alike for every candidate rule their leaves out once.
        let mut alike = [u64::MAX; MOST_TREES];
        for &(input, start, end) in &self.inputs {
            let value = match input {
                Input::Candidates => candidates.len() as f32,
                Input::Type(t) => f32::from(u8::from(t == asked)),
                _ => continue,
            };
            self.rule_out(start, end, value, &mut alike);
        }
        let mut reach = alike;
        let trees = self.first_leaf.len();
        let mut best: Option<(f64, usize)> = None;
        for (i, (features, key, paragraph)) in candidates.iter().enumerate() {
            let array = features.as_array();
            reach[..trees].copy_from_slice(&alike[..trees]);
            for &(input, start, end) in &self.inputs {
                let value = match input {
                    Input::Feature(k) => array[k],
                    Input::Key => *key,
                    Input::KeyGap => *key - top,
                    Input::KeyRank => candidates
                        .iter()
                        .enumerate()
                        .filter(|&(j, c)| c.1 > *key || (c.1 == *key && j < i))
                        .count() as f32,
                    Input::Paragraph => *paragraph as f32,
                    Input::Candidates | Input::Type(_) => continue,
                };
                self.rule_out(start, end, value, &mut reach);
            }
            // The leaves summed in tree order, as `f64`, as the fit summed them.
            let score: f64 = self
                .first_leaf
                .iter()
                .zip(&reach)
                .map(|(&first, &mask)| self.leaves[first as usize + mask.trailing_zeros() as usize])
                .sum();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// Clears, in `reach`, the leaves left of every split of one input that `value` goes right at
    /// (a NaN goes right everywhere, as `<=` is false for it).
    fn rule_out(&self, start: u32, end: u32, value: f32, reach: &mut [u64; MOST_TREES]) {
        for split in &self.splits[start as usize..end as usize] {
            if value <= split.threshold {
                break;
            }
            reach[usize::from(split.tree)] &= split.keep;
        }
    }
}

/// Walks `tree` from `at` (a split at 0 or above, else the leaf `!at`) left first, numbering its
/// leaves left to right as it adds them to `order`: each split found as (input, threshold, the
/// mask keeping all but the leaves left of it). Returns the leaves' span below `at`, counted from
/// the tree's first leaf.
fn lay_out(
    tree: &TreeFile,
    at: i32,
    seen: &mut [bool],
    found: &mut Vec<(usize, f64, u64)>,
    order: &mut Vec<f64>,
) -> Result<(u32, u32), String> {
    let splits = tree.split.len();
    let slot = match usize::try_from(at) {
        Ok(split) if split < splits => split,
        Ok(_) => splits + tree.leaf.len(),
        Err(_) => splits + (!at) as usize,
    };
    // Each split and leaf once: a cycle or a shared child is no tree.
    match seen.get_mut(slot) {
        Some(s) if !*s => *s = true,
        Some(_) => return Err("a split reaches a node twice".to_string()),
        None => return Err("a split points outside its tree".to_string()),
    }
    if at < 0 {
        let place = order.len() as u32;
        order.push(tree.leaf[(!at) as usize]);
        return Ok((place, place + 1));
    }
    let (input, threshold, left, right) = tree.split[at as usize];
    let (low, middle) = lay_out(tree, left, seen, found, order)?;
    let (_, high) = lay_out(tree, right, seen, found, order)?;
    if high > 64 {
        return Err("a tree of more than 64 leaves".to_string());
    }
    let left_of = (low..middle).fold(0u64, |m, b| m | 1 << b);
    found.push((input, threshold, !left_of));
    Ok((low, high))
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
        assert!(!trees.first_leaf.is_empty());
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

    /// The shipped trees walked node by node, as the fit reads them.
    fn walked(asked: AnswerType, candidates: &[(Features, f32, usize)]) -> Option<usize> {
        let file: File =
            serde_json::from_str(include_str!("../../../config/passage_trees.json")).unwrap();
        let top = candidates
            .iter()
            .map(|c| c.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let mut best: Option<(f64, usize)> = None;
        for (i, (features, key, paragraph)) in candidates.iter().enumerate() {
            let array = features.as_array();
            let rank = candidates
                .iter()
                .enumerate()
                .filter(|&(j, c)| c.1 > *key || (c.1 == *key && j < i))
                .count();
            let row: Vec<f32> = file
                .inputs
                .iter()
                .map(|name| match name.as_str() {
                    "key" => *key,
                    "key_gap" => *key - top,
                    "key_rank" => rank as f32,
                    "candidates" => candidates.len() as f32,
                    "paragraph" => *paragraph as f32,
                    _ => match name.strip_prefix("type_").and_then(answer_type) {
                        Some(t) => f32::from(u8::from(t == asked)),
                        None => array[FEATURE_NAMES.iter().position(|f| f == name).unwrap()],
                    },
                })
                .collect();
            let score: f64 = file
                .trees
                .iter()
                .map(|tree| {
                    let mut at = if tree.split.is_empty() { -1 } else { 0 };
                    while at >= 0 {
                        let (input, threshold, left, right) = tree.split[at as usize];
                        let right_of = f64::from(row[input]) > threshold || row[input].is_nan();
                        at = if right_of { right } else { left };
                    }
                    tree.leaf[(!at) as usize]
                })
                .sum();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }

    #[test]
    fn the_masks_rank_as_walking_the_fitted_trees_does() {
        let trees = Trees::builtin();
        let mut seed = 7u64;
        let mut draw = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 40) as f32 / (1u64 << 24) as f32
        };
        for round in 0..400 {
            let asked = [AnswerType::Number, AnswerType::Person, AnswerType::Date][round % 3];
            let candidates: Vec<(Features, f32, usize)> = (0..2 + round % 7)
                .map(|p| {
                    let values: serde_json::Map<String, serde_json::Value> = FEATURE_NAMES
                        .iter()
                        .map(|name| (name.to_string(), f64::from(draw() * 2.0).into()))
                        .collect();
                    let features = serde_json::from_value(values.into()).unwrap();
                    (features, draw() * 3.0 - 1.0, p)
                })
                .collect();
            assert_eq!(trees.best(asked, &candidates), walked(asked, &candidates));
        }
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
