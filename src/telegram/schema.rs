//! The handler tree: which updates reach the desk, and the order of work for each — map the update
//! ([`inbound`]), ask the desk, deliver its replies ([`outbound`]). Button presses are answered
//! before anything else is sent. Other update kinds are left to the dispatcher's default handler.

use std::fmt::Display;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::error_handlers::ErrorHandler;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::{ChatMemberUpdated, Me};

use super::inbound::{self, BotIdentity};
use super::outbound;
use super::{Helpdesk, TgBot};
use crate::desk::{ChatKind, Event, Input, Reply};

/// Documents up to this size are downloaded for the desk (admins publish pages this way); larger
/// ones reach it with `bytes: None`.
pub const MAX_DOCUMENT_BYTES: u64 = 1024 * 1024;

/// What a handler returns. Handlers log and swallow delivery problems, so an error here is a bug.
pub type HandlerResult = anyhow::Result<()>;

/// Said when the desk itself failed, so a reader in a private chat is not left in silence.
const DESK_FAILED_ID: &str = "Maaf, ada gangguan di sistem kami. Silakan coba lagi sebentar lagi.";
const DESK_FAILED_EN: &str =
    "Sorry, something went wrong on our side. Please try again in a moment.";

/// The handler tree. Needs `Arc<D>` among the dispatcher's dependencies (the bot, the update and
/// `Me` are added by the dispatcher itself).
pub fn schema<D: Helpdesk>() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .inspect(|_: Update| crate::ops::metrics::update_received())
        .branch(Update::filter_message().endpoint(on_message::<D>))
        .branch(Update::filter_edited_message().endpoint(on_edited_message::<D>))
        .branch(Update::filter_callback_query().endpoint(on_callback::<D>))
        .branch(Update::filter_my_chat_member().endpoint(on_my_chat_member::<D>))
}

async fn on_message<D: Helpdesk>(
    bot: TgBot,
    update: Update,
    msg: Message,
    me: Me,
    desk: Arc<D>,
) -> HandlerResult {
    let Some(mut input) =
        inbound::from_message(i64::from(update.id.0), &msg, &BotIdentity::from(&me), false)
    else {
        return Ok(());
    };
    if let (Event::Document { bytes, size, .. }, Some(doc)) = (&mut input.event, msg.document())
        && input.place.kind == ChatKind::Private
        && *size <= MAX_DOCUMENT_BYTES
    {
        *bytes = download(&bot, &doc.file.id).await;
    }
    answer(&bot, desk.as_ref(), input).await;
    Ok(())
}

async fn on_edited_message<D: Helpdesk>(
    bot: TgBot,
    update: Update,
    msg: Message,
    me: Me,
    desk: Arc<D>,
) -> HandlerResult {
    if let Some(input) =
        inbound::from_message(i64::from(update.id.0), &msg, &BotIdentity::from(&me), true)
    {
        answer(&bot, desk.as_ref(), input).await;
    }
    Ok(())
}

async fn on_my_chat_member<D: Helpdesk>(
    bot: TgBot,
    update: Update,
    member: ChatMemberUpdated,
    me: Me,
    desk: Arc<D>,
) -> HandlerResult {
    if let Some(input) =
        inbound::from_membership(i64::from(update.id.0), &member, &BotIdentity::from(&me))
    {
        answer(&bot, desk.as_ref(), input).await;
    }
    Ok(())
}

/// A button press: the desk decides (fast, local), then `answerCallbackQuery` is the first call to
/// Telegram — with the desk's toast, if any — and the other replies follow.
async fn on_callback<D: Helpdesk>(
    bot: TgBot,
    update: Update,
    query: CallbackQuery,
    desk: Arc<D>,
) -> HandlerResult {
    let replies = match inbound::from_callback(i64::from(update.id.0), &query) {
        Some(input) => desk.handle(input).await.unwrap_or_else(|e| {
            log::error!("the desk failed on a button press: {e:#}");
            Vec::new()
        }),
        None => Vec::new(),
    };
    let toast = replies.iter().find_map(|r| match r {
        Reply::Toast { text } => Some(text.as_str()),
        _ => None,
    });
    outbound::answer_callback(&bot, &query.id, toast).await;
    outbound::deliver(&bot, desk.as_ref(), replies).await;
    Ok(())
}

/// Asks the desk and delivers its replies; a failing desk gets an apology in private chats.
async fn answer<D: Helpdesk>(bot: &TgBot, desk: &D, input: Input) {
    let place = input.place.clone();
    let english = input
        .sender
        .as_ref()
        .and_then(|s| s.language_code.as_deref())
        .is_some_and(|l| l.starts_with("en"));
    let replies = match desk.handle(input).await {
        Ok(replies) => replies,
        Err(e) => {
            log::error!(
                "the desk failed on an update in chat {}: {e:#}",
                place.chat_id
            );
            if place.kind != ChatKind::Private {
                return;
            }
            vec![Reply::Send {
                chat_id: place.chat_id,
                text: (if english {
                    DESK_FAILED_EN
                } else {
                    DESK_FAILED_ID
                })
                .to_string(),
                buttons: Vec::new(),
                reply_to: None,
                thread_id: None,
                track: None,
            }]
        }
    };
    outbound::deliver(bot, desk, replies).await;
}

/// Fetches a document's bytes; `None` (logged) when Telegram will not give them.
async fn download(bot: &TgBot, file_id: &teloxide::types::FileId) -> Option<Vec<u8>> {
    let file = match outbound::with_retry("getFile", || bot.get_file(file_id.clone()).send()).await
    {
        Ok(file) => file,
        Err(error) => {
            log::warn!(
                "could not look up a document: {}",
                super::redact(&error, bot)
            );
            return None;
        }
    };
    let mut bytes = Vec::with_capacity(file.size as usize);
    match bot.inner().download_file(&file.path, &mut bytes).await {
        Ok(()) => Some(bytes),
        Err(error) => {
            log::warn!(
                "could not download a document: {}",
                super::redact(&error, bot)
            );
            None
        }
    }
}

/// Logs handler and polling errors (teloxide hides the token in them; nothing here adds it).
pub struct LogErrors;

impl<E: Display + Send + 'static> ErrorHandler<E> for LogErrors {
    fn handle_error(self: Arc<Self>, error: E) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        log::error!("{error:#}");
        Box::pin(async {})
    }
}
