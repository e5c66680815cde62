//! [`Desk`]: the helpdesk every adapter talks to. Holds the store, the settings the desk needs and
//! the current answering engine; handles each [`Input`] in one transaction. Turns of different
//! chats may run at the same time (SQLite orders their writes); an adapter keeps each chat's
//! inputs in order.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;

use super::settle::{ReturnOnly, Settle};
use super::turn::{After, Turn};
use super::{ChatKind, Event, Input, Place, Reply, Sender, Track, lang, suggest};
use crate::content::Article;
use crate::nlu::{Answer, Engine, Intents, Lang, Lexicon, Question};
use crate::settings::Settings;
use crate::store::Store;

/// What the desk takes from the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskSettings {
    /// Telegram user ids with admin rights.
    pub admins: Vec<i64>,
    /// The staff group tickets are relayed to; `None`: no person is available.
    pub support_chat_id: Option<i64>,
    /// How long a conversation remembers what it is about.
    pub context_ttl: Duration,
}

impl From<&Settings> for DeskSettings {
    fn from(settings: &Settings) -> Self {
        DeskSettings {
            admins: settings.admins.clone(),
            support_chat_id: settings.support_chat_id,
            context_ttl: Duration::from_secs(settings.bot.context_ttl_secs),
        }
    }
}

/// The articles and the engine built from them, swapped as a whole when content changes.
pub(super) struct Content {
    pub engine: Arc<Engine>,
    /// Newest first (by publication date, then import).
    pub articles: Vec<Article>,
    /// Suggested questions for `/start`, per language (index: [`lang_slot`]).
    pub suggestions: [Vec<String>; 2],
}

pub(super) fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Id => 0,
        Lang::En => 1,
    }
}

/// The helpdesk core. Share it in an `Arc`; every method takes `&self`.
pub struct Desk {
    pub(super) store: Store,
    pub(super) intents: Arc<Intents>,
    pub(super) lexicon: Arc<Lexicon>,
    pub(super) settings: DeskSettings,
    // Readers clone the `Arc` under a read lock held for a pointer copy; a rebuild swaps in a
    // whole new `Content` under the write lock, so every question sees one engine, old or new.
    content: RwLock<Arc<Content>>,
    // Rebuilds run one at a time, so an older one cannot finish last and swap stale content in.
    rebuild: tokio::sync::Mutex<()>,
    /// Fetches the pages admins send as URLs; `None`: URLs are answered like any other text.
    pub(super) fetcher: Option<crate::web::Fetcher>,
}

impl Desk {
    /// A desk over `store`, answering from the articles it holds.
    pub async fn new(
        store: Store,
        intents: Arc<Intents>,
        lexicon: Arc<Lexicon>,
        settings: DeskSettings,
    ) -> anyhow::Result<Desk> {
        let content = load_content(&store, &intents, &lexicon).await?;
        Ok(Desk {
            store,
            intents,
            lexicon,
            settings,
            content: RwLock::new(Arc::new(content)),
            rebuild: tokio::sync::Mutex::new(()),
            fetcher: None,
        })
    }

    /// Rebuilds the engine from the store's articles and swaps it in; takes effect for the next
    /// question. Called outside the turn lock: the build runs on a blocking thread, and readers
    /// in every chat are answered by the current engine until the new one is in place.
    pub async fn reload_content(&self) -> anyhow::Result<()> {
        let _one_at_a_time = self.rebuild.lock().await;
        let content = load_content(&self.store, &self.intents, &self.lexicon).await?;
        self.set_content(content);
        Ok(())
    }

    pub(super) fn set_content(&self, content: Content) {
        *self.content.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(content);
    }

    /// The engine answering right now.
    pub fn engine(&self) -> Arc<Engine> {
        self.content().engine.clone()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn settings(&self) -> &DeskSettings {
        &self.settings
    }

    pub(super) fn content(&self) -> Arc<Content> {
        self.content
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Whether the sender may run admin actions. A message sent on behalf of a chat (an
    /// anonymous group admin) is never an admin's: its `from` is a placeholder.
    pub fn is_admin(&self, sender: Option<&Sender>) -> bool {
        sender.is_some_and(|s| !s.is_anonymous && self.settings.admins.contains(&s.user_id))
    }

    /// The commands to register with `setMyCommands`, described in `lang`.
    pub fn commands(lang: Lang) -> Vec<(&'static str, String)> {
        let d = |id: &str, en: &str| match lang {
            Lang::Id => id.to_string(),
            Lang::En => en.to_string(),
        };
        vec![
            (
                "start",
                d(
                    "Mulai dan lihat contoh pertanyaan",
                    "Start and see example questions",
                ),
            ),
            ("help", d("Apa yang bisa saya jawab", "What I can answer")),
            ("ask", d("Ajukan pertanyaan", "Ask a question")),
            (
                "lang",
                d("Pilih bahasa (id/en)", "Choose the language (id/en)"),
            ),
            ("articles", d("Daftar artikel", "List the articles")),
            (
                "subscribe",
                d("Kabari saya artikel baru", "Tell me about new articles"),
            ),
            (
                "unsubscribe",
                d(
                    "Berhenti dikabari artikel baru",
                    "Stop telling me about new articles",
                ),
            ),
            ("human", d("Bicara dengan petugas", "Talk to a person")),
            (
                "cancel",
                d(
                    "Tutup percakapan dengan petugas",
                    "End the conversation with a person",
                ),
            ),
        ]
    }

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
            chat.client_language = Some(client.as_str().to_string());
        }
        // The chat just reached us, so we can reach it again (the reader unblocked the bot).
        chat.unreachable_since = None;
        tx.save_chat_state(&chat).await?;
        if matches!(input.event, Event::Callback { .. }) {
            toast_first(&mut replies);
        }
        settle.settle(&mut tx, &replies, now).await?;
        tx.commit()
            .await
            .with_context(|| format!("cannot save the state of chat {chat_id}"))?;
        // Publishing and removing rebuild the index after the commit, off the runtime: other
        // chats' turns go on meanwhile and are answered by the current engine.
        if content_changed {
            self.reload_content().await?;
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
            Event::Command { name, args } => self.on_command(t, &name.to_lowercase(), args).await,
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
                    t.say(super::texts::Text::Unsupported { what });
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
        match name {
            "start" => self.on_start(t),
            "help" => {
                let admin = self.is_admin(t.input.sender.as_ref());
                let human = self.settings.support_chat_id.is_some();
                t.say(Text::Help { admin, human });
            }
            "ask" => {
                if args.trim().is_empty() {
                    t.say(Text::AskWhat);
                } else {
                    return self.on_text(t, args).await;
                }
            }
            "lang" | "language" | "bahasa" => self.on_lang_command(t, args),
            "articles" => self.on_articles(t),
            "subscribe" => self.on_subscribe(t, true),
            "unsubscribe" => self.on_subscribe(t, false),
            "human" => return self.request_human(t, Some(args)).await,
            "cancel" => return self.on_cancel(t).await,
            "add" => return self.on_add(t, args).await,
            "remove" => return self.on_remove_command(t, args),
            "stats" => return self.on_stats(t).await,
            "unanswered" => return self.on_unanswered(t).await,
            "feeds" => return self.on_feeds(t).await,
            "feed_add" => return self.on_feed_add(t, args).await,
            "feed_remove" => return self.on_feed_remove(t, args).await,
            _ => {
                // In a group an unknown command was most likely meant for someone else.
                if !t.is_group() {
                    t.say(Text::UnknownCommand { name });
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

    /// Answers `text` in the conversation of chat `chat_id` — its topic used and renewed, the
    /// question logged and counted — and returns the answer whose `text` is exactly what a reader
    /// would be sent. This is `newsdesk ask --chat ID`; `lang` overrides the chat's language.
    pub async fn ask(
        &self,
        chat_id: i64,
        text: &str,
        lang: Option<Lang>,
    ) -> anyhow::Result<Answer> {
        let now = Utc::now();
        let input = Input {
            update_id: None,
            place: Place {
                chat_id,
                kind: if chat_id < 0 {
                    ChatKind::Group
                } else {
                    ChatKind::Private
                },
                thread_id: None,
                message_id: None,
            },
            sender: None,
            replying_to: None,
            event: Event::Text {
                text: text.to_string(),
                edited: false,
            },
        };
        let mut tx = self.store.begin_write().await?;
        let chat = tx.chat_state(chat_id, chat_id < 0, now).await?;
        let mut turn = Turn {
            lang: lang::for_chat(&chat, None),
            input: &input,
            tx,
            chat,
            now,
            replies: Vec::new(),
            after: Vec::new(),
            page: None,
        };
        let answer = match self.respond(&mut turn, text, lang).await? {
            Some(responded) => responded.answer,
            // Nothing to answer: the engine's own reply to an empty question, not logged.
            None => self.engine().answer(&Question {
                text,
                lang: lang.or_else(|| lang::chosen(&turn.chat)),
                context: None,
            }),
        };
        let Turn {
            mut tx, mut chat, ..
        } = turn;
        chat.last_seen = now;
        tx.save_chat_state(&chat).await?;
        tx.commit().await?;
        Ok(answer)
    }

    /// Records the id a tracked message got once delivered (see [`Track`]).
    pub async fn sent(&self, track: Track, chat_id: i64, message_id: i32) -> anyhow::Result<()> {
        self.sent_settled(track, chat_id, message_id, &ReturnOnly)
            .await
    }

    /// As [`Desk::sent`], with the adapter's bookkeeping (the message leaves its outbox) in the
    /// same transaction.
    pub async fn sent_settled(
        &self,
        track: Track,
        chat_id: i64,
        message_id: i32,
        settle: &dyn Settle,
    ) -> anyhow::Result<()> {
        let mut tx = self.store.begin_write().await?;
        match track {
            Track::Ticket { ticket_id } => {
                tx.track_support_message(chat_id, message_id, ticket_id)
                    .await?
            }
        }
        settle.settle(&mut tx, &[], Utc::now()).await?;
        tx.commit().await
    }

    /// A chat is flooding the bot: one notice, in the chat's language, that its next messages wait.
    /// `settle` records the messages left unanswered in the same transaction.
    pub async fn slow_down(
        &self,
        input: &Input,
        notify: bool,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        let now = Utc::now();
        let mut tx = self.store.begin_write().await?;
        let chat = tx
            .chat_state(
                input.place.chat_id,
                input.place.kind == ChatKind::Group,
                now,
            )
            .await?;
        let replies = if notify {
            let lang = lang::for_chat(&chat, input.sender.as_ref());
            vec![plain_reply(
                input,
                super::texts::Text::SlowDown.render(lang),
            )]
        } else {
            Vec::new()
        };
        settle.settle(&mut tx, &replies, now).await?;
        tx.commit().await?;
        Ok(replies)
    }

    /// What a reader is told when their message could not be handled for a long while (the store
    /// kept failing): nothing in groups. Needs no store, which may be what is failing.
    pub fn trouble(&self, input: &Input) -> Option<Reply> {
        if input.place.kind == ChatKind::Group {
            return None;
        }
        let lang = lang::of_client(input.sender.as_ref()).unwrap_or(Lang::Id);
        Some(plain_reply(input, super::texts::Text::Trouble.render(lang)))
    }
}

/// A plain message into the chat an input came from (a reply to it in groups).
fn plain_reply(input: &Input, text: String) -> Reply {
    Reply::Send {
        chat_id: input.place.chat_id,
        text,
        buttons: Vec::new(),
        reply_to: match input.place.kind {
            ChatKind::Group => input.place.message_id,
            ChatKind::Private => None,
        },
        thread_id: input.place.thread_id,
        track: None,
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

/// The store's articles and the engine over them, built off the async runtime: indexing 10,000
/// articles takes seconds of CPU, which must not stall the runtime's threads.
async fn load_content(
    store: &Store,
    intents: &Arc<Intents>,
    lexicon: &Arc<Lexicon>,
) -> anyhow::Result<Content> {
    let articles = store.articles().await.context("cannot load the articles")?;
    let (intents, lexicon) = (intents.clone(), lexicon.clone());
    tokio::task::spawn_blocking(move || build_content(articles, &intents, &lexicon))
        .await
        .context("the index rebuild failed")
}

pub(super) fn build_content(
    mut articles: Vec<Article>,
    intents: &Arc<Intents>,
    lexicon: &Arc<Lexicon>,
) -> Content {
    articles.sort_by(|a, b| {
        b.parsed
            .published_at
            .cmp(&a.parsed.published_at)
            .then(b.imported_at.cmp(&a.imported_at))
    });
    let engine = Arc::new(Engine::build(intents.clone(), lexicon.clone(), &articles));
    let suggestions = [
        suggest::suggestions(&engine, intents, &articles, Lang::Id),
        suggest::suggestions(&engine, intents, &articles, Lang::En),
    ];
    Content {
        engine,
        articles,
        suggestions,
    }
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
