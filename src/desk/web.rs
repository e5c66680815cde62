//! Content from the web, on the desk's side: an admin's URL becomes the usual publishing preview,
//! `/feeds`, `/feed_add URL` and `/feed_remove ID` manage the feeds, and what the feed poller
//! imports is announced to subscribers (one message each per round) or sent to the admins for
//! review. Replies nobody asked for leave through [`Desk::push`].

use chrono::Utc;

use super::callback::Action;
use super::texts::Text;
use super::turn::Turn;
use super::{Button, ChatKind, Desk, Event, Input, Reply, suggest};
use crate::content::{self, Article};
use crate::nlu::Lang;
use crate::store::FeedAdded;
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
        if self.refuse_non_admin(t) {
            return Ok(());
        }
        let feeds = t.tx.feeds().await?;
        t.say(Text::FeedsList { feeds: &feeds });
        Ok(())
    }

    /// `/feed_add URL [review]`: adds a feed; its first poll comes with the poller's next round.
    pub(super) async fn on_feed_add(&self, t: &mut Turn<'_>, args: &str) -> anyhow::Result<()> {
        if self.refuse_non_admin(t) {
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
        if self.refuse_non_admin(t) {
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

    /// The notices for articles the poller stored: one message per subscriber, naming every
    /// article with its link. Call after [`Desk::reload_content`].
    pub async fn announce(&self, article_ids: &[i64]) -> anyhow::Result<Vec<Reply>> {
        let content = self.content();
        let articles: Vec<&Article> = article_ids
            .iter()
            .filter_map(|id| content.articles.iter().find(|a| a.id == *id))
            .collect();
        if articles.is_empty() {
            return Ok(Vec::new());
        }
        let subscribers = {
            let mut tx = self.store.begin_read().await?;
            let list = tx.subscribers().await?;
            tx.rollback().await?;
            list
        };
        // The same notice for every subscriber of a language: made once per language.
        let notice = |lang: Lang| match articles.as_slice() {
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
            let lang = sub
                .language
                .as_deref()
                .and_then(|l| l.parse().ok())
                .unwrap_or(Lang::Id);
            let text = notices[super::service::lang_slot(lang)]
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
            "announced {} new articles to {} subscribers",
            articles.len(),
            replies.len()
        );
        Ok(replies)
    }

    /// Previews of review-mode feed items, one draft per admin and item, in each admin's private
    /// chat, with the usual Terbitkan/Batal.
    pub async fn review_previews(&self, texts: &[Vec<u8>]) -> anyhow::Result<Vec<Reply>> {
        if texts.is_empty() || self.settings.admins.is_empty() {
            return Ok(Vec::new());
        }
        let content = self.content();
        let lang = Lang::Id;
        let now = Utc::now();
        let mut replies = Vec::new();
        // Like a turn: one writer at a time, in-process.
        let _gate = self.lock_gate().await;
        let mut tx = self.store.begin_write().await?;
        for raw in texts {
            let Ok(parsed) = content::parse(raw) else {
                continue;
            };
            let replaces = content.articles.iter().find(|a| replaces(a, &parsed));
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
        tx.commit().await?;
        Ok(replies)
    }

    /// Hands replies nobody asked for (feed announcements, review previews) to the adapter that
    /// took [`Desk::take_pushed`]; without one they are logged and dropped.
    pub fn push(&self, replies: Vec<Reply>) {
        if self.pushed_tx.send(replies).is_err() {
            log::warn!("no adapter is delivering pushed messages; dropped");
        }
    }

    /// The receiving end of [`Desk::push`]; the first caller gets it.
    pub fn take_pushed(&self) -> Option<tokio::sync::mpsc::UnboundedReceiver<Vec<Reply>>> {
        self.pushed_rx
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }
}

/// Whether a stored article is the one `parsed` would replace (see `Store::import`).
pub(super) fn replaces(stored: &Article, parsed: &content::ParsedArticle) -> bool {
    (stored.parsed.title == parsed.title && stored.parsed.source == parsed.source)
        || (parsed.url.is_some() && stored.parsed.url == parsed.url)
}
