//! [`Desk`]: the helpdesk every adapter talks to. Holds the store, the settings the desk needs and
//! the current answering engine; handles each [`Input`] in one transaction. Turns of different
//! chats may run at the same time (SQLite orders their writes); an adapter keeps each chat's
//! inputs in order.
//!
//! The rest of the desk's own work is split by feature: `corpus` — the articles and the engine
//! built from them; `handle` — one input's turn and its dispatch; `outside` — what the desk does
//! outside a reader's turn.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use super::Sender;
use super::command::{Command, Menu};
use super::texts::Text;
use crate::nlu::{Engine, Intents, Lang, Lexicon};
use crate::settings::Settings;
use crate::store::{OutboxHold, Store};

use super::corpus::load_content;
pub(super) use super::corpus::{Content, build_content, lang_slot};

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

    /// [`Desk::reload_content`], then lets go the calls `hold` kept in the outbox (what announces
    /// the change), even when the rebuild failed: the old engine stays, and what was stored must
    /// still be told. The caller wakes the adapter's sender after it, as after any turn.
    pub(super) async fn reload_then_release(&self, hold: OutboxHold) -> anyhow::Result<()> {
        let rebuilt = self.reload_content().await;
        let mut wait = Duration::from_millis(200);
        loop {
            match self.store.release_outbox(hold).await {
                Ok(_) => break,
                // Until the next start, which releases them, the change would go untold.
                Err(e) if wait < Duration::from_secs(30) => {
                    log::warn!("cannot release the calls announcing a content change yet: {e:#}");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                }
                Err(e) => {
                    log::error!(
                        "cannot release the calls announcing a content change; they go after \
                         the next start: {e:#}"
                    );
                    break;
                }
            }
        }
        rebuilt
    }

    /// Keeps content rebuilds from starting until the guard drops. For tests, which need a turn
    /// to stand between its commit and the swap to see what the outbox holds meanwhile.
    #[doc(hidden)]
    pub async fn pause_rebuilds(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.rebuild.lock().await
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
        menu(Menu::Reader, lang)
    }
}

/// A command menu: each command's name with its description in `lang`.
pub(super) fn menu(menu: Menu, lang: Lang) -> Vec<(&'static str, String)> {
    Command::in_menu(menu)
        .map(|command| (command.name(), Text::CommandMenu { command }.render(lang)))
        .collect()
}
