//! The lists that tell a question asking what a thing is and a passage defining one.

use super::Lexicon;

impl Lexicon {
    /// The frames of a question asking what a thing is, as (words before, words after) the
    /// thing named, longest first within each language's file.
    pub fn definition_frames(&self) -> &[(Vec<String>, Vec<String>)] {
        &self.definition_frames
    }

    /// Whether a report defines a thing with this word ("adalah", "yaitu", "alias").
    pub fn is_definition_cue(&self, w: &str) -> bool {
        self.definition_cues.contains(w)
    }
}
