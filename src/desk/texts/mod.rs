//! The one catalogue of everything the desk says, in Indonesian and English.
//!
//! Handlers never write user-facing words themselves: they pick a [`Text`] and render it in the
//! chat's language, so a wording change or a new language touches only this module. (Answers to
//! questions come from the answering engine and its configured intents, not from here.)
//! The catalogue is split by who is spoken to (`reader`, `admin`, `handoff`, `web`, and `buttons`
//! for labels and toasts); each variant is rendered in exactly one file, with both languages
//! written side by side so neither lags.

mod admin;
mod buttons;
mod handoff;
mod menu;
mod reader;
mod web;

use chrono::{DateTime, FixedOffset};

use super::insights::UnansweredGroup;
use super::{Command, Media};
use crate::content::Article;
use crate::nlu::Lang;
use crate::store::{Stats, TicketSummary};

/// A reader's question and what the bot answered, as shown to staff when a ticket opens.
pub struct Exchange<'a> {
    pub question: &'a str,
    pub answer: &'a str,
    pub answered: bool,
}

/// Everything the desk can say (besides answers).
pub enum Text<'a> {
    // --- reader: commands -------------------------------------------------------------------
    Start {
        name: &'a str,
        articles: &'a [Article],
        has_suggestions: bool,
    },
    Help {
        admin: bool,
        /// A support chat is configured, so `/human` reaches a person.
        human: bool,
    },
    LangChoose,
    LangSet,
    LangUnknown {
        given: &'a str,
    },
    Articles {
        articles: &'a [Article],
        with_ids: bool,
    },
    Subscribed,
    AlreadySubscribed,
    Unsubscribed,
    WasNotSubscribed,
    AskWhat,
    UnknownCommand {
        name: &'a str,
    },
    // --- reader: awkward input --------------------------------------------------------------
    Unsupported {
        what: Media,
    },
    TooLong {
        limit: usize,
    },
    NothingToAnswer,
    DocumentFromReader,
    /// A chat sent more than the flood limit at once: the rest wait unanswered.
    SlowDown,
    /// A message could not be handled for a long while (the store kept failing).
    Trouble,
    OfferHuman,
    /// "Type /human…", under a refusal when a person is available.
    HumanHint,
    /// A bare number typed where no button has that number.
    NoSuchButton {
        number: &'a str,
    },
    /// A refusal while the archive holds no article at all.
    NoArticles,
    // --- answers the desk builds from an article --------------------------------------------
    About {
        title: &'a str,
        date: Option<&'a str>,
        /// The lead paragraph, already in quotation marks.
        lead: &'a str,
        paragraphs: usize,
    },
    FollowUp {
        title: &'a str,
        date: Option<&'a str>,
        /// The paragraph, already in quotation marks.
        quote: &'a str,
    },
    // --- groups -----------------------------------------------------------------------------
    GroupGreeting,
    GroupOnlyPrivate,
    // --- buttons and toasts -----------------------------------------------------------------
    ButtonMore,
    ButtonHuman,
    ButtonLangId,
    ButtonLangEn,
    ButtonPublish,
    ButtonCancel,
    ButtonRemove,
    ButtonKeep,
    ToastThanks,
    ToastStale,
    ToastUnknownButton,
    ToastNoMore,
    ToastLangSet,
    ToastNotAdmin,
    // --- suggested questions (asked on the reader's behalf, so phrased as a reader would) ---
    SuggestIndicator {
        name: &'a str,
    },
    SuggestAbout {
        subject: &'a str,
    },
    SuggestAuthor {
        subject: &'a str,
    },
    SuggestWhen {
        subject: &'a str,
    },
    SuggestLatestAbout,
    SuggestLatestAuthor,
    SuggestLatestWhen,
    // --- handoff ----------------------------------------------------------------------------
    TicketOpened {
        id: i64,
    },
    TicketAlreadyOpen {
        id: i64,
    },
    NoSupport,
    TicketForStaff {
        id: i64,
        name: &'a str,
        username: Option<&'a str>,
        reader_lang: Lang,
        history: &'a [Exchange<'a>],
    },
    RelayToStaff {
        id: i64,
        text: &'a str,
    },
    StaffToReader {
        text: &'a str,
    },
    ClosedByStaffForReader {
        id: i64,
    },
    ClosedByStaffForStaff {
        id: i64,
    },
    ClosedByReaderForReader {
        id: i64,
    },
    ClosedByReaderForStaff {
        id: i64,
    },
    NothingToCancel,
    NotATicketMessage,
    TicketAlreadyClosed {
        id: i64,
    },
    OpenTickets {
        tickets: &'a [TicketSummary],
    },
    ReaderUnreachable {
        id: i64,
    },
    StaffUnreachable {
        id: i64,
    },
    // --- admin ------------------------------------------------------------------------------
    /// An admin command (a report) from someone else.
    NotAdmin,
    /// An admin action that would change something, from someone else: nothing was changed.
    NotAdminUnchanged,
    DocumentTooBig {
        size: u64,
        limit: usize,
    },
    DocumentMissing,
    AddWhat,
    PageRefused {
        reason: &'a str,
    },
    Preview {
        article: &'a crate::content::ParsedArticle,
        replaces: Option<&'a Article>,
    },
    Published {
        id: i64,
        title: &'a str,
        subscribers: usize,
    },
    PublishedUnchanged {
        id: i64,
    },
    DraftCancelled,
    RemoveWhat,
    RemoveConfirm {
        id: i64,
        title: &'a str,
    },
    Removed {
        id: i64,
        title: &'a str,
    },
    RemoveKept,
    ArticleNotFound {
        id: i64,
    },
    Stats {
        stats: &'a Stats,
    },
    Unanswered {
        groups: &'a [UnansweredGroup],
    },
    NewArticle {
        title: &'a str,
        hint: Option<&'a str>,
        /// The article's web address, linked in the notice.
        url: Option<&'a str>,
    },
    // --- content from the web (see `web.rs`) ---------------------------------------------------
    ButtonReadMore,
    FeedsList {
        feeds: &'a [crate::store::Feed],
    },
    FeedAddWhat,
    FeedAdded {
        id: i64,
        url: &'a str,
        review: bool,
    },
    FeedAlreadyThere {
        id: i64,
        review: bool,
    },
    FeedRemoveWhat,
    FeedRemoved {
        id: i64,
        url: &'a str,
    },
    FeedNotFound {
        id: i64,
    },
    /// Several articles from one feed round, in one notice.
    NewArticles {
        articles: &'a [&'a Article],
    },
    // --- the command menus (see `menu.rs`) -----------------------------------------------------
    /// A command's line in the menu `setMyCommands` registers.
    CommandMenu {
        command: Command,
    },
}

impl Text<'_> {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Start { .. }
            | Text::Help { .. }
            | Text::LangChoose { .. }
            | Text::LangSet { .. }
            | Text::LangUnknown { .. }
            | Text::Articles { .. }
            | Text::Subscribed { .. }
            | Text::AlreadySubscribed { .. }
            | Text::Unsubscribed { .. }
            | Text::WasNotSubscribed { .. }
            | Text::AskWhat { .. }
            | Text::UnknownCommand { .. }
            | Text::Unsupported { .. }
            | Text::TooLong { .. }
            | Text::NothingToAnswer { .. }
            | Text::DocumentFromReader { .. }
            | Text::SlowDown
            | Text::Trouble
            | Text::OfferHuman { .. }
            | Text::HumanHint
            | Text::NoSuchButton { .. }
            | Text::NoArticles
            | Text::About { .. }
            | Text::FollowUp { .. }
            | Text::GroupGreeting { .. }
            | Text::GroupOnlyPrivate { .. } => reader::render(self, lang),
            Text::ButtonMore { .. }
            | Text::ButtonHuman { .. }
            | Text::ButtonLangId { .. }
            | Text::ButtonLangEn { .. }
            | Text::ButtonPublish { .. }
            | Text::ButtonCancel { .. }
            | Text::ButtonRemove { .. }
            | Text::ButtonKeep { .. }
            | Text::ToastThanks { .. }
            | Text::ToastStale { .. }
            | Text::ToastUnknownButton { .. }
            | Text::ToastNoMore { .. }
            | Text::ToastLangSet { .. }
            | Text::ToastNotAdmin { .. }
            | Text::SuggestIndicator { .. }
            | Text::SuggestAbout { .. }
            | Text::SuggestAuthor { .. }
            | Text::SuggestWhen { .. }
            | Text::SuggestLatestAbout
            | Text::SuggestLatestAuthor
            | Text::SuggestLatestWhen => buttons::render(self, lang),
            Text::TicketOpened { .. }
            | Text::TicketAlreadyOpen { .. }
            | Text::NoSupport { .. }
            | Text::TicketForStaff { .. }
            | Text::RelayToStaff { .. }
            | Text::StaffToReader { .. }
            | Text::ClosedByStaffForReader { .. }
            | Text::ClosedByStaffForStaff { .. }
            | Text::ClosedByReaderForReader { .. }
            | Text::ClosedByReaderForStaff { .. }
            | Text::NothingToCancel { .. }
            | Text::NotATicketMessage { .. }
            | Text::TicketAlreadyClosed { .. }
            | Text::OpenTickets { .. }
            | Text::ReaderUnreachable { .. }
            | Text::StaffUnreachable { .. } => handoff::render(self, lang),
            Text::NotAdmin { .. }
            | Text::NotAdminUnchanged
            | Text::DocumentTooBig { .. }
            | Text::DocumentMissing { .. }
            | Text::AddWhat { .. }
            | Text::PageRefused { .. }
            | Text::Preview { .. }
            | Text::Published { .. }
            | Text::PublishedUnchanged { .. }
            | Text::DraftCancelled { .. }
            | Text::RemoveWhat { .. }
            | Text::RemoveConfirm { .. }
            | Text::Removed { .. }
            | Text::RemoveKept { .. }
            | Text::ArticleNotFound { .. }
            | Text::Stats { .. }
            | Text::Unanswered { .. }
            | Text::NewArticle { .. } => admin::render(self, lang),
            Text::ButtonReadMore
            | Text::FeedsList { .. }
            | Text::FeedAddWhat
            | Text::FeedAdded { .. }
            | Text::FeedAlreadyThere { .. }
            | Text::FeedRemoveWhat
            | Text::FeedRemoved { .. }
            | Text::FeedNotFound { .. }
            | Text::NewArticles { .. } => web::render(self, lang),
            Text::CommandMenu { .. } => menu::render(self, lang),
        }
    }
}

/// Picks the wording for the language; both are always written together so neither lags.
fn pick(lang: Lang, id: &str, english: &str) -> String {
    if lang == Lang::En {
        english.to_string()
    } else {
        id.to_string()
    }
}

/// `Title (13 Januari 2021)`, or the title alone when the page had no date.
fn article_line(article: &Article, lang: Lang) -> String {
    match &article.parsed.published_at {
        Some(d) => format!("{} ({})", article.parsed.title, date(lang, d)),
        None => article.parsed.title.clone(),
    }
}

/// A calendar date written out: `13 Januari 2021` / `13 January 2021` (as the answers write it).
pub fn date(lang: Lang, at: &DateTime<FixedOffset>) -> String {
    crate::nlu::format::date(at, lang)
}

/// At most `max` characters, cut on a character boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_each_language() {
        let d = DateTime::parse_from_rfc3339("2021-01-13T18:35:00+07:00").unwrap();
        assert_eq!(date(Lang::Id, &d), "13 Januari 2021");
        assert_eq!(date(Lang::En, &d), "13 January 2021");
    }

    #[test]
    fn shortening_keeps_whole_characters() {
        assert_eq!(shorten("héllo wörld", 6), "héllo…");
        assert_eq!(shorten("short", 10), "short");
    }

    #[test]
    fn the_two_languages_differ_for_every_simple_text() {
        for text in [
            Text::LangSet,
            Text::NoSupport,
            Text::NotAdmin,
            Text::NotAdminUnchanged,
            Text::OfferHuman,
            Text::HumanHint,
            Text::NoArticles,
            Text::NothingToAnswer,
            Text::ButtonPublish,
            Text::ButtonCancel,
            Text::ToastStale,
        ] {
            assert_ne!(text.render(Lang::Id), text.render(Lang::En));
        }
    }

    #[test]
    fn publish_buttons_carry_the_required_labels() {
        assert_eq!(Text::ButtonPublish.render(Lang::Id), "Terbitkan");
        assert_eq!(Text::ButtonPublish.render(Lang::En), "Publish");
        assert_eq!(Text::ButtonCancel.render(Lang::Id), "Batal");
        assert_eq!(Text::ButtonCancel.render(Lang::En), "Cancel");
    }
}
