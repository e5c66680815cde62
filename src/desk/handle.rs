//! Handling one input: the turn's transaction (dedup, state, replies, commit), dispatch by event
//! and command, and the work done after the handlers (publishing, removing).

use anyhow::Context;
use chrono::Utc;

use super::command::Command;
use super::service::Desk;
use super::settle::{ReturnOnly, Settle};
use super::turn::{After, Turn};
use super::{ChatKind, Event, Input, Reply, lang};
use crate::nlu::Lang;

impl Desk {
    /// Handles one input and returns what to deliver, in order.
    ///
    /// An input whose `update_id` is not above the last one handled in its chat is a
    /// re-delivery and yields nothing. The chat's state, everything the input changed and its
    /// `update_id` are written in one transaction before the replies are returned: a crash after
    /// that loses at most these replies, and never answers an update twice. Adapters that must
    /// not lose replies use [`Desk::handle_settled`] instead.
    ///
    /// For a [`Event::Callback`] the first reply is always exactly one [`Reply::Toast`] (its text
    /// may be empty): the adapter answers the callback query with it before delivering the rest.
    pub async fn handle(&self, input: Input) -> anyhow::Result<Vec<Reply>> {
        let page = self.fetch_for_admin(&input).await;
        let mut replies = self.turn(&input, page, &ReturnOnly, true).await?;
        // A skipped re-delivery still owes the press its (empty) toast.
        if matches!(input.event, Event::Callback { .. }) {
            toast_first(&mut replies);
        }
        Ok(replies)
    }

    /// As [`Desk::handle`], but the replies are handed to `settle` inside the turn's transaction,
    /// so they commit together with the state they follow from (an adapter queues them for
    /// delivery there and marks its inbound update handled). The adapter recognises re-delivered
    /// updates itself, so `update_id` is not compared here: ids may restart lower.
    ///
    /// An admin's URL is fetched first, outside any transaction (a fetch can take seconds and
    /// must hold neither the store nor other chats); a retried turn fetches again.
    pub async fn handle_settled(
        &self,
        input: Input,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        let page = self.fetch_for_admin(&input).await;
        self.turn(&input, page, settle, false).await
    }

    async fn turn(
        &self,
        input: &Input,
        page: Option<super::web::FetchedPage>,
        settle: &dyn Settle,
        skip_seen: bool,
    ) -> anyhow::Result<Vec<Reply>> {
        let now = Utc::now();
        let chat_id = input.place.chat_id;
        let mut tx = if self.touches_other_chats(input) {
            self.store.begin_exclusive().await?
        } else {
            // Reads (and the answering) without the write lock; see `Store::begin_turn`.
            self.store.begin_turn().await?
        };
        let chat = tx
            .chat_state(chat_id, input.place.kind == ChatKind::Group, now)
            .await
            .with_context(|| format!("cannot load the state of chat {chat_id}"))?;
        if skip_seen
            && let (Some(update), Some(last)) = (input.update_id, chat.last_update_id)
            && update <= last
        {
            tx.rollback().await?;
            log::info!("update {update} in chat {chat_id} was handled before; skipped");
            return Ok(Vec::new());
        }

        let lang = lang::for_chat(&chat, input.sender.as_ref());
        let mut turn = Turn {
            input,
            tx,
            chat,
            lang,
            now,
            replies: Vec::new(),
            after: Vec::new(),
            page,
        };
        self.dispatch(&mut turn).await?;

        let Turn {
            mut tx,
            mut chat,
            mut replies,
            after,
            lang,
            ..
        } = turn;
        // Publishing and removing commit with the turn: the draft is gone only once the article
        // is stored, and the admin's confirmation and the subscribers' notices are queued with it.
        let mut content_changed = false;
        for work in after {
            let (more, changed) = self.after_work(&mut tx, input, lang, work, now).await?;
            replies.extend(more);
            content_changed |= changed;
        }
        if let Some(update) = input.update_id {
            chat.last_update_id = Some(chat.last_update_id.map_or(update, |last| last.max(update)));
        }
        chat.last_seen = now;
        if !chat.group
            && let Some(client) = lang::of_client(input.sender.as_ref())
        {
            chat.client_language = Some(client);
        }
        // The chat just reached us, so we can reach it again (the reader unblocked the bot).
        chat.unreachable_since = None;
        tx.save_chat_state(&chat).await?;
        if matches!(input.event, Event::Callback { .. }) {
            toast_first(&mut replies);
        }
        // The confirmation and the notices announce content the engine answers from only once
        // the rebuild below is swapped in: a reader who asks on seeing them must get the new.
        let hold = if content_changed {
            Some(tx.hold_outbox()?)
        } else {
            None
        };
        settle.settle(&mut tx, &replies, now).await?;
        tx.commit()
            .await
            .with_context(|| format!("cannot save the state of chat {chat_id}"))?;
        // Publishing and removing rebuild the index after the commit, off the runtime: other
        // chats' turns go on meanwhile and are answered by the current engine.
        if let Some(hold) = hold {
            self.reload_then_release(hold).await?;
        }
        Ok(replies)
    }

    /// Whether handling `input` may change other chats' rows, so that it must not run beside
    /// other chats' turns ([`Store::begin_exclusive`]): the support chat's turns (they answer,
    /// relay to and close readers' tickets), admins' (publishing, removing and feed work reach
    /// every reader), and a group's move to its supergroup id. A reader's own turn changes only
    /// its chat's rows, even when it opens a ticket or writes to the support chat.
    fn touches_other_chats(&self, input: &Input) -> bool {
        Some(input.place.chat_id) == self.settings.support_chat_id
            || self.is_admin(input.sender.as_ref())
            || matches!(input.event, Event::Migrated { .. })
    }

    async fn dispatch(&self, t: &mut Turn<'_>) -> anyhow::Result<()> {
        let input = t.input;
        if Some(input.place.chat_id) == self.settings.support_chat_id
            && self.on_support_chat(t).await?
        {
            return Ok(());
        }
        match &input.event {
            Event::Text { text, edited } => {
                // In groups an edit would answer the same question twice in the thread.
                if *edited && t.is_group() {
                    return Ok(());
                }
                self.on_text(t, text).await
            }
            Event::Command { name, args } => self.on_command(t, name, args).await,
            Event::Callback { data, message_id } => self.on_press(t, data, *message_id).await,
            Event::Document {
                file_name,
                bytes,
                size,
            } => {
                self.on_document(t, file_name.as_deref(), bytes.as_deref(), *size)
                    .await
            }
            Event::Unsupported { what } => {
                if !t.is_group() {
                    t.say(super::texts::Text::Unsupported { what: *what });
                }
                Ok(())
            }
            Event::AddedToGroup => {
                t.chat.group = true;
                t.say(super::texts::Text::GroupGreeting);
                Ok(())
            }
            Event::Migrated { to_chat_id } => {
                t.tx.move_chat(input.place.chat_id, *to_chat_id).await?;
                t.chat = t.tx.chat_state(*to_chat_id, true, t.now).await?;
                log::info!(
                    "chat {} became supergroup {to_chat_id}; its state moved",
                    input.place.chat_id
                );
                Ok(())
            }
        }
    }

    async fn on_command(&self, t: &mut Turn<'_>, name: &str, args: &str) -> anyhow::Result<()> {
        use super::texts::Text;
        match Command::named(name) {
            Some(Command::Start) => self.on_start(t),
            Some(Command::Help) => {
                let admin = self.is_admin(t.input.sender.as_ref());
                let human = self.settings.support_chat_id.is_some();
                t.say(Text::Help { admin, human });
            }
            Some(Command::Ask) => {
                if args.trim().is_empty() {
                    t.say(Text::AskWhat);
                } else {
                    return self.on_text(t, args).await;
                }
            }
            Some(Command::Lang) => self.on_lang_command(t, args),
            Some(Command::Articles) => self.on_articles(t),
            Some(Command::Subscribe) => self.on_subscribe(t, true),
            Some(Command::Unsubscribe) => self.on_subscribe(t, false),
            Some(Command::Human) => return self.request_human(t, Some(args)).await,
            Some(Command::Cancel) => return self.on_cancel(t).await,
            Some(Command::Add) => return self.on_add(t, args).await,
            Some(Command::Remove) => return self.on_remove_command(t, args),
            Some(Command::Stats) => return self.on_stats(t).await,
            Some(Command::Unanswered) => return self.on_unanswered(t).await,
            Some(Command::Feeds) => return self.on_feeds(t).await,
            Some(Command::FeedAdd) => return self.on_feed_add(t, args).await,
            Some(Command::FeedRemove) => return self.on_feed_remove(t, args).await,
            // The support chat's commands mean nothing elsewhere (see `on_support_chat`).
            Some(Command::Tickets | Command::Close) | None => {
                // In a group an unknown command was most likely meant for someone else.
                if !t.is_group() {
                    t.say(Text::UnknownCommand {
                        name: &name.to_lowercase(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Work done after the handlers, in the turn's transaction: what to deliver, and the content
    /// to answer from once it commits (when it changed).
    async fn after_work(
        &self,
        tx: &mut crate::store::Tx,
        input: &Input,
        lang: Lang,
        work: After,
        now: chrono::DateTime<Utc>,
    ) -> anyhow::Result<(Vec<Reply>, bool)> {
        match work {
            After::Publish { draft } => self.publish(tx, input, lang, draft, now).await,
            After::Remove { article_id } => self.remove_article(tx, input, lang, article_id).await,
        }
    }
}
/// Exactly one toast, first: the one a handler chose, or an empty one.
fn toast_first(replies: &mut Vec<Reply>) {
    let position = replies
        .iter()
        .position(|r| matches!(r, Reply::Toast { .. }));
    let toast = match position {
        Some(i) => replies.remove(i),
        None => Reply::Toast {
            text: String::new(),
        },
    };
    replies.retain(|r| !matches!(r, Reply::Toast { .. }));
    replies.insert(0, toast);
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callback_gets_exactly_one_toast_and_it_comes_first() {
        let send = Reply::ClearButtons {
            chat_id: 1,
            message_id: 2,
        };
        let mut replies = vec![
            send.clone(),
            Reply::Toast { text: "a".into() },
            Reply::Toast { text: "b".into() },
        ];
        toast_first(&mut replies);
        assert_eq!(
            replies,
            vec![Reply::Toast { text: "a".into() }, send.clone()]
        );

        let mut replies = vec![send.clone()];
        toast_first(&mut replies);
        assert_eq!(
            replies,
            vec![
                Reply::Toast {
                    text: String::new()
                },
                send
            ]
        );
    }
}
