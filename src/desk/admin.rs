//! Admin actions: publishing a page (document or `/add`) through a preview, removing articles,
//! `/stats` and `/unanswered`. Everyone else is refused politely and nothing changes.

use chrono::{DateTime, Duration, Utc};

use super::callback::Action;
use super::command::Menu;
use super::service::build_content;
use super::texts::Text;
use super::turn::{After, Turn};
use super::{Desk, Input, Reply, insights, suggest};
use crate::content::{self, Article, MAX_INPUT_BYTES};
use crate::nlu::Lang;
use crate::store::{Draft, ImportOutcome, Tx};

/// A preview left unanswered this long no longer publishes.
const DRAFT_LIFETIME_HOURS: i64 = 24;

impl Desk {
    /// The commands only admins may use, for their own command menu (after [`Desk::commands`]).
    pub fn admin_commands(lang: Lang) -> Vec<(&'static str, String)> {
        super::service::menu(Menu::Admin, lang)
    }

    /// `true` (and a refusal) when the sender is not an admin. `changes`: the command would have
    /// changed something, so the refusal says nothing was; a report just says it is for admins.
    pub(super) fn refuse_non_admin(&self, t: &mut Turn<'_>, changes: bool) -> bool {
        if self.is_admin(t.input.sender.as_ref()) {
            return false;
        }
        t.say(if changes {
            Text::NotAdminUnchanged
        } else {
            Text::NotAdmin
        });
        true
    }

    /// A document: an admin's page to publish (private chats only); anyone else's is refused.
    pub(super) async fn on_document(
        &self,
        t: &mut Turn<'_>,
        _file_name: Option<&str>,
        bytes: Option<&[u8]>,
        size: u64,
    ) -> anyhow::Result<()> {
        if t.is_group() {
            return Ok(());
        }
        if !self.is_admin(t.input.sender.as_ref()) {
            t.say(Text::DocumentFromReader);
            return Ok(());
        }
        let too_big = |size: u64| size > MAX_INPUT_BYTES as u64;
        match bytes {
            _ if too_big(size) => t.say(Text::DocumentTooBig {
                size,
                limit: MAX_INPUT_BYTES,
            }),
            Some(bytes) if too_big(bytes.len() as u64) => t.say(Text::DocumentTooBig {
                size: bytes.len() as u64,
                limit: MAX_INPUT_BYTES,
            }),
            Some(bytes) => self.preview(t, bytes).await?,
            None => t.say(Text::DocumentMissing),
        }
        Ok(())
    }

    /// `/add` followed by the page text in the same message.
    pub(super) async fn on_add(&self, t: &mut Turn<'_>, args: &str) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, true) {
            return Ok(());
        }
        if t.is_group() {
            t.say(Text::GroupOnlyPrivate);
        } else if args.trim().is_empty() {
            t.say(Text::AddWhat);
        } else {
            self.preview(t, args.as_bytes()).await?;
        }
        Ok(())
    }

    /// Parses a page; on success keeps it as a draft and shows the preview with its buttons.
    pub(super) async fn preview(&self, t: &mut Turn<'_>, raw: &[u8]) -> anyhow::Result<()> {
        let parsed = match content::parse(raw) {
            Ok(parsed) => parsed,
            Err(e) => {
                let reason = e.to_string();
                t.say(Text::PageRefused { reason: &reason });
                return Ok(());
            }
        };
        let content = self.content();
        let hash = content::content_hash(raw);
        if let Some(same) = content.articles.iter().find(|a| a.content_hash == hash) {
            t.say(Text::PublishedUnchanged { id: same.id });
            return Ok(());
        }
        // The store replaces an article with the same title and source, or the same URL.
        let replaces = content
            .articles
            .iter()
            .find(|a| super::web::replaces(a, &parsed));
        let admin_id = t.input.sender.as_ref().map_or(0, |s| s.user_id);
        let draft_id =
            t.tx.create_draft(admin_id, t.chat_id(), raw, &parsed.title, t.now)
                .await?;
        let text = Text::Preview {
            article: &parsed,
            replaces,
        }
        .render(t.lang);
        let buttons = vec![vec![
            t.button(Text::ButtonPublish, Action::Publish { draft_id }),
            t.button(Text::ButtonCancel, Action::CancelDraft { draft_id }),
        ]];
        t.say_with(text, buttons);
        Ok(())
    }

    pub(super) async fn on_publish_press(
        &self,
        t: &mut Turn<'_>,
        draft_id: i64,
        message_id: i32,
    ) -> anyhow::Result<()> {
        if self.refuse_non_admin_press(t) {
            return Ok(());
        }
        let draft = t.tx.take_draft(draft_id, t.chat_id()).await?;
        match draft {
            Some(draft) if t.now - draft.created_at <= Duration::hours(DRAFT_LIFETIME_HOURS) => {
                t.toast_silently();
                t.clear_buttons(message_id);
                t.after.push(After::Publish { draft });
            }
            _ => {
                t.toast(Text::ToastStale);
                t.clear_buttons(message_id);
            }
        }
        Ok(())
    }

    pub(super) async fn on_cancel_draft_press(
        &self,
        t: &mut Turn<'_>,
        draft_id: i64,
        message_id: i32,
    ) -> anyhow::Result<()> {
        if self.refuse_non_admin_press(t) {
            return Ok(());
        }
        if t.tx.take_draft(draft_id, t.chat_id()).await?.is_some() {
            t.toast_silently();
            t.say(Text::DraftCancelled);
        } else {
            t.toast(Text::ToastStale);
        }
        t.clear_buttons(message_id);
        Ok(())
    }

    /// Imports a confirmed draft in the turn's transaction and queues the admin's confirmation
    /// and the subscribers' notices with it. Returns those and whether the articles changed (the
    /// index is rebuilt after the commit, off the runtime).
    pub(super) async fn publish(
        &self,
        tx: &mut Tx,
        input: &Input,
        lang: Lang,
        draft: Draft,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(Vec<Reply>, bool)> {
        let mut replies = Vec::new();
        let say = |text: String| Reply::Send {
            chat_id: input.place.chat_id,
            text,
            buttons: Vec::new(),
            reply_to: None,
            thread_id: input.place.thread_id,
            track: None,
        };
        // Parsed again rather than stored parsed: what is imported is exactly what an import of
        // the page from the CLI would store.
        let parsed = match content::parse(&draft.raw) {
            Ok(parsed) => parsed,
            Err(e) => {
                let reason = e.to_string();
                replies.push(say(Text::PageRefused { reason: &reason }.render(lang)));
                return Ok((replies, false));
            }
        };
        let hash = content::content_hash(&draft.raw);
        let outcome = tx.import(&hash, &parsed).await?;
        if let ImportOutcome::Unchanged { id } = outcome {
            replies.push(say(Text::PublishedUnchanged { id }.render(lang)));
            return Ok((replies, false));
        }
        let id = outcome.id();
        let subscribers = tx.subscribers().await?;
        let article = Article {
            id,
            imported_at: now,
            content_hash: hash,
            parsed: parsed.clone(),
        };
        // The notices' hint is checked against the new article alone: building the whole index
        // here would hold the write transaction for seconds on a large archive.
        let content = build_content(vec![article.clone()], &self.intents, &self.lexicon);

        let mut hints: [Option<Option<String>>; 2] = [None, None];
        for sub in &subscribers {
            let sub_lang = sub.language.unwrap_or(Lang::Id);
            let slot = super::service::lang_slot(sub_lang);
            let hint = hints[slot]
                .get_or_insert_with(|| suggest::hint_for(&content.engine, &article, sub_lang))
                .clone();
            replies.push(Reply::Send {
                chat_id: sub.chat_id,
                text: Text::NewArticle {
                    title: &article.parsed.title,
                    hint: hint.as_deref(),
                    url: article.parsed.url.as_deref(),
                }
                .render(sub_lang),
                buttons: Vec::new(),
                reply_to: None,
                thread_id: None,
                track: None,
            });
        }
        // The admin's confirmation first, then the notices.
        replies.insert(
            0,
            say(Text::Published {
                id,
                title: &parsed.title,
                subscribers: subscribers.len(),
            }
            .render(lang)),
        );
        log::info!("admin {} published article {id}", draft.admin_id);
        Ok((replies, true))
    }

    /// `/remove ID`: asks to confirm.
    pub(super) fn on_remove_command(&self, t: &mut Turn<'_>, args: &str) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, true) {
            return Ok(());
        }
        let Ok(id) = args.trim().trim_start_matches('#').parse::<i64>() else {
            t.say(Text::RemoveWhat);
            return Ok(());
        };
        let content = self.content();
        let Some(article) = content.articles.iter().find(|a| a.id == id) else {
            t.say(Text::ArticleNotFound { id });
            return Ok(());
        };
        let text = Text::RemoveConfirm {
            id,
            title: &article.parsed.title,
        }
        .render(t.lang);
        let buttons = vec![vec![
            t.button(Text::ButtonRemove, Action::Remove { article_id: id }),
            t.button(Text::ButtonKeep, Action::KeepArticle { article_id: id }),
        ]];
        t.say_with(text, buttons);
        Ok(())
    }

    pub(super) fn on_remove_press(
        &self,
        t: &mut Turn<'_>,
        article_id: i64,
        message_id: i32,
    ) -> anyhow::Result<()> {
        if self.refuse_non_admin_press(t) {
            return Ok(());
        }
        t.clear_buttons(message_id);
        if self.content().articles.iter().any(|a| a.id == article_id) {
            t.toast_silently();
            t.after.push(After::Remove { article_id });
        } else {
            t.toast(Text::ToastStale);
        }
        Ok(())
    }

    pub(super) async fn remove_article(
        &self,
        tx: &mut Tx,
        input: &Input,
        lang: Lang,
        article_id: i64,
    ) -> anyhow::Result<(Vec<Reply>, bool)> {
        let title = self
            .content()
            .articles
            .iter()
            .find(|a| a.id == article_id)
            .map(|a| a.parsed.title.clone());
        let removed = tx.remove_article(article_id).await?;
        let (text, changed) = match (removed, title) {
            (true, Some(title)) => {
                log::info!("article {article_id} removed");
                (
                    Text::Removed {
                        id: article_id,
                        title: &title,
                    }
                    .render(lang),
                    true,
                )
            }
            _ => (Text::ArticleNotFound { id: article_id }.render(lang), false),
        };
        let reply = Reply::Send {
            chat_id: input.place.chat_id,
            text,
            buttons: Vec::new(),
            reply_to: None,
            thread_id: input.place.thread_id,
            track: None,
        };
        Ok((vec![reply], changed))
    }

    pub(super) async fn on_stats(&self, t: &mut Turn<'_>) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, false) {
            return Ok(());
        }
        let stats = t.tx.stats(t.now).await?;
        t.say(Text::Stats { stats: &stats });
        Ok(())
    }

    pub(super) async fn on_unanswered(&self, t: &mut Turn<'_>) -> anyhow::Result<()> {
        if self.refuse_non_admin(t, false) {
            return Ok(());
        }
        let questions = t.tx.unanswered_questions(insights::SCAN).await?;
        let groups =
            insights::group_unanswered(&questions, insights::SHOWN, self.engine().lexicon());
        t.say(Text::Unanswered { groups: &groups });
        Ok(())
    }
}
