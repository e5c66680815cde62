//! What the question log tells the editors: `/stats` and `/unanswered` (similar questions
//! grouped), shared by the admin commands and the `newsdesk stats` / `newsdesk unanswered` CLI.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::texts::Text;
use crate::nlu::{Lang, Lexicon};
use crate::store::{Store, UnansweredQuestion};

/// How many of the latest unanswered questions are looked at.
pub const SCAN: i64 = 500;
/// How many groups are shown.
pub const SHOWN: usize = 15;

/// Questions that are alike, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct UnansweredGroup {
    /// The newest question of the group, as asked.
    pub example: String,
    pub count: usize,
    pub refused: usize,
    pub voted_down: usize,
    pub escalated: usize,
    /// Other wordings in the group (distinct, newest first).
    pub variants: Vec<String>,
    pub last_asked: DateTime<Utc>,
}

/// The words that carry a question's meaning, lower-cased, without function words; a question
/// of function words only is its own key, so it groups only with the same question. Function
/// words are the lexicon's, in either language, also when written as slang ("gimana").
fn key_words(text: &str, lx: &Lexicon) -> BTreeSet<String> {
    let stop = |w: &str| lx.is_function(w) || lx.deslang(w).iter().all(|f| lx.is_function(f));
    let lower = text.to_lowercase();
    let words: BTreeSet<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !stop(w))
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return BTreeSet::from([format!("={}", plain(text))]);
    }
    words
}

/// Lower-case words only: "KURS EURO?" and "kurs euro" are the same wording.
fn plain(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn alike(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let all = a.union(b).count();
    shared * 2 >= all
}

/// Groups questions (given newest first) whose key words mostly overlap; at most `max` groups,
/// newest first.
pub fn group_unanswered(
    questions: &[UnansweredQuestion],
    max: usize,
    lx: &Lexicon,
) -> Vec<UnansweredGroup> {
    let mut groups: Vec<(BTreeSet<String>, UnansweredGroup)> = Vec::new();
    for q in questions {
        let words = key_words(&q.text, lx);
        let slot = groups.iter().position(|(key, _)| alike(key, &words));
        let group = match slot {
            Some(i) => &mut groups[i].1,
            None => {
                groups.push((
                    words,
                    UnansweredGroup {
                        example: q.text.clone(),
                        count: 0,
                        refused: 0,
                        voted_down: 0,
                        escalated: 0,
                        variants: Vec::new(),
                        last_asked: q.asked_at,
                    },
                ));
                &mut groups.last_mut().expect("just pushed").1
            }
        };
        group.count += 1;
        group.refused += usize::from(q.refused);
        group.voted_down += usize::from(q.voted_down);
        group.escalated += usize::from(q.escalated);
        let wording = plain(&q.text);
        let same = |s: &String| plain(s) == wording;
        if !same(&group.example) && !group.variants.iter().any(same) {
            group.variants.push(q.text.clone());
        }
    }
    groups.into_iter().take(max).map(|(_, g)| g).collect()
}

/// The `/stats` text, from the store.
pub async fn stats_report(store: &Store, lang: Lang) -> anyhow::Result<String> {
    let mut tx = store.begin_read().await?;
    let stats = tx.stats(Utc::now()).await?;
    tx.rollback().await?;
    Ok(Text::Stats { stats: &stats }.render(lang))
}

/// The `/unanswered` text, from the store.
pub async fn unanswered_report(store: &Store, lang: Lang, lx: &Lexicon) -> anyhow::Result<String> {
    let mut tx = store.begin_read().await?;
    let questions = tx.unanswered_questions(SCAN).await?;
    tx.rollback().await?;
    let groups = group_unanswered(&questions, SHOWN, lx);
    Ok(Text::Unanswered { groups: &groups }.render(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, refused: bool, voted_down: bool) -> UnansweredQuestion {
        UnansweredQuestion {
            text: text.into(),
            refused,
            voted_down,
            escalated: false,
            asked_at: Utc::now(),
        }
    }

    #[test]
    fn differently_worded_questions_on_one_subject_are_grouped() {
        let groups = group_unanswered(
            &[
                q("Berapa kurs euro hari ini?", true, false),
                q("kurs euro berapa?", true, false),
                q("Kapan Instagram dibeli Facebook?", false, true),
                q("BERAPA KURS EURO HARI INI??", true, false),
            ],
            10,
            &Lexicon::builtin(),
        );
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].example, "Berapa kurs euro hari ini?");
        assert_eq!(groups[0].count, 3);
        assert_eq!(groups[0].refused, 3);
        assert_eq!(groups[0].variants, vec!["kurs euro berapa?".to_string()]);
        assert_eq!(groups[1].voted_down, 1);
    }

    #[test]
    fn questions_of_only_function_words_group_only_when_identical() {
        let groups = group_unanswered(
            &[q("apa?", true, false), q("siapa?", true, false)],
            10,
            &Lexicon::builtin(),
        );
        assert_eq!(groups.len(), 2);
    }
}
