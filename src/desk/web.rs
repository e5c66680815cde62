//! Content from the web, on the desk's side: an admin's URL becomes the usual publishing preview,
//! `/feeds`, `/feed_add URL` and `/feed_remove ID` manage the feeds, and what the feed poller
//! imports is announced to subscribers (one message each per round) or sent to the admins for
//! review. Those, which answer no input, are queued through a [`Push`] in the poller's transaction.

use chrono::{DateTime, Utc};

use super::callback::Action;
use super::service::{Content, build_content, lang_slot};
use super::texts::Text;
use super::turn::Turn;
use super::{Button, ChatKind, Desk, Event, Input, Push, Reply, suggest};
use crate::content::{self, Article};
use crate::nlu::Lang;
use crate::store::{FeedAdded, OutboxHold, Tx};
use crate::web;

/// A page an admin sent as a URL, fetched before the turn (a fetch can take seconds and must not
/// hold the desk): its article as text, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedPage {
    pub url: String,
    pub article: Result<Vec<u8>, String>,
}

impl Desk {
    /// Lets admins publish pages by sending their URL.
    pub fn with_fetcher(mut self, fetcher: crate::web::Fetcher) -> Desk {
        self.fetcher = Some(fetcher);
        self
    }

    /// When `input` is an admin's private message that is only a web address, fetches the page.
    pub(super) async fn fetch_for_admin(&self, input: &Input) -> Option<FetchedPage> {
        let fetcher = self.fetcher.as_ref()?;
        let Event::Text { text, .. } = &input.event else {
            return None;
        };
        if input.place.kind != ChatKind::Private
            || !self.is_admin(input.sender.as_ref())
            || !web::is_web_address(text)
        {
            return None;
        }
        let url = text.trim().to_string();
        let article = web::fetch_article(fetcher, &url)
            .await
            .map(|article| web::article_text(&article))
            .map_err(|e| e.to_string());
        Some(FetchedPage { url, article })
    }

    /// The admin's fetched page: the preview with Terbitkan/Batal, or why it cannot be published.
    pub(super) async fn on_fetched_page(
        &self,
        t: &mut Turn<'_>,
        page: FetchedPage,
    ) -> anyhow::Result<()> {
        match page.article {
            Ok(text) => self.preview(t, &text).await,
            Err(reason) => {
                t.say(Text::PageRefused { reason: &reason });
                Ok(())
            }
        }
    }

    /// `/feeds`: the feeds with their state.
    pub(super) async fn on_feeds(&self, t: &mut Turn<'_>) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, true) {
            return Ok(());
        }
        let feeds = t.tx.feeds().await?;
        t.say(Text::FeedsList { feeds: &feeds });
        Ok(())
    }

    /// `/feed_add URL [review]`: adds a feed; its first poll comes with the poller's next round.
    pub(super) async fn on_feed_add(&self, t: &mut Turn<'_>, args: &str) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, true) {
            return Ok(());
        }
        let mut words = args.split_whitespace();
        let Some(url) = words.next().filter(|u| web::is_web_address(u)) else {
            t.say(Text::FeedAddWhat);
            return Ok(());
        };
        let review = words.any(|w| matches!(w, "review" | "--review" | "tinjau"));
        let text = match t.tx.add_feed(url, review).await? {
            FeedAdded::Added { id } => {
                log::info!("feed #{id} {url} added (review: {review})");
                Text::FeedAdded { id, url, review }
            }
            FeedAdded::AlreadyThere { id } => Text::FeedAlreadyThere { id, review },
        };
        t.say(text);
        Ok(())
    }

    /// `/feed_remove ID`.
    pub(super) async fn on_feed_remove(&self, t: &mut Turn<'_>, args: &str) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, true) {
            return Ok(());
        }
        let Ok(id) = args.trim().trim_start_matches('#').parse::<i64>() else {
            t.say(Text::FeedRemoveWhat);
            return Ok(());
        };
        let feed = t.tx.feed(id).await?;
        match feed {
            Some(feed) if t.tx.remove_feed(id).await? => {
                log::info!("feed #{id} {} removed", feed.url);
                t.say(Text::FeedRemoved { id, url: &feed.url });
            }
            _ => t.say(Text::FeedNotFound { id }),
        }
        Ok(())
    }

    /// Takes in what one round of the feed poller stored in `tx` (not yet committed): notices for
    /// the new articles to every subscriber (one message each, naming every article with its
    /// link), and for review-mode items a draft per admin with the usual preview, handed to
    /// `push` in the same transaction — so a crash loses neither the articles' notices nor the
    /// previews, and sends none for a round that did not commit. Returns whether the articles
    /// changed, for [`Desk::adopt`] once `tx` committed.
    pub async fn take_in_round(
        &self,
        tx: &mut Tx,
        round: Round,
        push: &dyn Push,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Adopt> {
        let changed = !(round.stored.is_empty() && round.removed.is_empty());
        // As when an admin publishes: the notices must not be read before the new articles are
        // answered from.
        let hold = if changed {
            Some(tx.hold_outbox()?)
        } else {
            None
        };
        let news: Vec<Article> = round
            .stored
            .iter()
            .filter(|s| s.news && !round.removed.contains(&s.article.id))
            .map(|s| s.article.clone())
            .collect();
        let mut replies = if news.is_empty() {
            Vec::new()
        } else {
            // The notices' hints are checked against the new articles alone, as when an admin
            // publishes: the whole index is rebuilt after the commit, off the runtime.
            let content = build_content(news, &self.intents, &self.lexicon);
            let news: Vec<&Article> = content.articles.iter().collect();
            announce(tx, &content, &news).await?
        };
        let current = self.content();
        replies.extend(
            self.review_previews(tx, &current.articles, &round.for_review, now)
                .await?,
        );
        push.settle(tx, &replies, now).await?;
        Ok(Adopt(hold))
    }

    /// Answers from what a round's committed transaction stored (see [`Desk::take_in_round`]):
    /// the index is rebuilt from the store, off the runtime, as after publishing.
    pub async fn adopt(&self, adopt: Adopt) -> anyhow::Result<()> {
        if let Some(hold) = adopt.0 {
            self.reload_then_release(hold).await?;
        }
        Ok(())
    }

    /// Previews of review-mode feed items, one draft per admin and item, in each admin's private
    /// chat, with the usual Terbitkan/Batal.
    async fn review_previews(
        &self,
        tx: &mut Tx,
        articles: &[Article],
        texts: &[Vec<u8>],
        now: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Reply>> {
        if texts.is_empty() || self.settings.admins.is_empty() {
            return Ok(Vec::new());
        }
        let lang = Lang::Id;
        let mut replies = Vec::new();
        for raw in texts {
            let Ok(parsed) = content::parse(raw) else {
                continue;
            };
            let replaces = articles.iter().find(|a| replaces(a, &parsed));
            for &admin in &self.settings.admins {
                let draft_id = tx
                    .create_draft(admin, admin, raw, &parsed.title, now)
                    .await?;
                let button = |text: Text<'_>, action: Action| {
                    Button::callback(text.render(lang), action.encode())
                };
                replies.push(Reply::Send {
                    chat_id: admin,
                    text: Text::Preview {
                        article: &parsed,
                        replaces,
                    }
                    .render(lang),
                    buttons: vec![vec![
                        button(Text::ButtonPublish, Action::Publish { draft_id }),
                        button(Text::ButtonCancel, Action::CancelDraft { draft_id }),
                    ]],
                    reply_to: None,
                    thread_id: None,
                    track: None,
                });
            }
        }
        Ok(replies)
    }
}

/// What one round of the feed poller stored, for [`Desk::take_in_round`].
#[derive(Debug, Clone, Default)]
pub struct Round {
    pub stored: Vec<Stored>,
    /// Articles retention removed.
    pub removed: Vec<i64>,
    /// Review-mode items: their article text, for the admins' previews.
    pub for_review: Vec<Vec<u8>>,
}

/// An article a feed item was stored as.
#[derive(Debug, Clone)]
pub struct Stored {
    pub article: Article,
    /// New to newsdesk, so announced; a corrected article is answerable but not news again.
    pub news: bool,
}

/// Whether a round changed the articles, so the index is rebuilt once it committed; then what
/// it queued is held until that is done.
pub struct Adopt(Option<OutboxHold>);

/// The notices for `news`: one message per subscriber, the same for every subscriber of a
/// language (made once per language).
async fn announce(tx: &mut Tx, content: &Content, news: &[&Article]) -> anyhow::Result<Vec<Reply>> {
    if news.is_empty() {
        return Ok(Vec::new());
    }
    let subscribers = tx.subscribers().await?;
    let notice = |lang: Lang| match news {
        [article] => Text::NewArticle {
            title: &article.parsed.title,
            hint: suggest::hint_for(&content.engine, article, lang).as_deref(),
            url: article.parsed.url.as_deref(),
        }
        .render(lang),
        several => Text::NewArticles { articles: several }.render(lang),
    };
    let mut notices: [Option<String>; 2] = [None, None];
    let mut replies = Vec::new();
    for sub in subscribers {
        let lang = sub.language.unwrap_or(Lang::Id);
        let text = notices[lang_slot(lang)]
            .get_or_insert_with(|| notice(lang))
            .clone();
        replies.push(Reply::Send {
            chat_id: sub.chat_id,
            text,
            buttons: Vec::new(),
            reply_to: None,
            thread_id: None,
            track: None,
        });
    }
    log::info!(
        "announcing {} new articles to {} subscribers",
        news.len(),
        replies.len()
    );
    Ok(replies)
}

/// Whether a stored article is the one `parsed` would replace (see `Store::import`).
pub(super) fn replaces(stored: &Article, parsed: &content::ParsedArticle) -> bool {
    (stored.parsed.title == parsed.title && stored.parsed.source == parsed.source)
        || (parsed.url.is_some() && stored.parsed.url == parsed.url)
}
