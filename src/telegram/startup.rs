//! Starting and stopping the bot: checking the token, wiring the inbox, scheduler, workers and
//! sender around a source of updates (long polling or a webhook), pruning the inbox, and shutting
//! down on a signal.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use tokio::sync::watch;

use crate::ops::health::{self, Pulse};
use crate::store::Store;

use super::commands::register_commands;
use super::config::Config;
use super::ingress::Ingress;
use super::redact::redact;
use super::scheduler::Queue;
use super::{Helpdesk, TgBot, api, inbound, outbound, polling, sender, webhook, worker};

/// Why the bot could not start, said so that the reader knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "TELOXIDE_API_URL {0:?} is not a valid URL (expected something like http://127.0.0.1:8081)"
    )]
    BadApiUrl(String),
    #[error("Telegram refused the bot token in TELOXIDE_TOKEN: copy it again from @BotFather")]
    InvalidToken,
    #[error(
        "could not reach the Telegram Bot API at {url}: {reason} (check the network or TELOXIDE_API_URL)"
    )]
    Unreachable { url: String, reason: String },
    #[error(
        "Telegram refused the webhook {url}: {reason} (NEWSDESK_WEBHOOK_URL must be a public https URL on port 443, 80, 88 or 8443)"
    )]
    WebhookRefused { url: String, reason: String },
}

/// The bot for the direct calls of `config`.
pub fn build_bot(config: &Config) -> TgBot {
    let mut bot = Bot::new(&config.token);
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    bot
}

const TELEGRAM_API: &str = "https://api.telegram.org";

/// How updates reach the bot.
pub enum Intake {
    /// `getUpdates` long polling (any webhook is deleted first).
    Polling,
    /// Telegram POSTs to `url` with `secret`; the HTTP route ([`webhook::router`] over `slot`)
    /// stores them, once the bot has filled `slot` with its inbox.
    Webhook {
        url: url::Url,
        secret: String,
        slot: webhook::IngressSlot,
    },
}

/// Runs the bot with long polling until `shutdown` completes (pass [`shutdown_signal`] for
/// Ctrl-C / SIGTERM): checks the token (waiting for an unreachable API), registers the commands,
/// picks up the updates a previous run left unhandled, then long-polls. On shutdown the turns in
/// hand finish and what is due is sent for a few seconds; everything else waits in the store for
/// the next start.
pub async fn run<D: Helpdesk>(
    config: Config,
    desk: Arc<D>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    run_with(config, desk, Intake::Polling, Pulse::new(), shutdown).await
}

/// [`run`] with the updates coming from `intake` — long polling, or a webhook whose route stores
/// them — recording in `pulse` when the Bot API answers (checked at least every
/// [`health::PROBE_EVERY`], for `/healthz`).
pub async fn run_with<D: Helpdesk>(
    config: Config,
    desk: Arc<D>,
    intake: Intake,
    pulse: Pulse,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let poll_timeout = config.poll_timeout;
    // A refused setWebhook ends the feed early; this carries the reason out of it.
    let refused: Arc<std::sync::Mutex<Option<StartError>>> = Arc::default();
    let refusal = refused.clone();
    let result = serve(config, desk, shutdown, move |feed: Feed| async move {
        // `serve` calls the feed once getMe answered.
        pulse.beat();
        let _prober = AbortOnDrop(tokio::spawn(probe(feed.bot.clone(), pulse.clone())));
        match intake {
            Intake::Polling => {
                if let Err(error) =
                    outbound::with_retry("deleteWebhook", || feed.bot.delete_webhook().send()).await
                {
                    log::warn!("could not remove a webhook: {}", redact(&error, &feed.bot));
                }
                polling::poll(
                    &feed.api,
                    &feed.ingress,
                    poll_timeout,
                    &pulse,
                    feed.shutdown,
                )
                .await;
            }
            Intake::Webhook { url, secret, slot } => {
                if let Err(failure) = webhook::set_webhook(&feed.api, &url, &secret).await {
                    let reason = redact(&polling::describe(&failure), &feed.bot);
                    *refusal.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some(StartError::WebhookRefused {
                            url: url.to_string(),
                            reason,
                        });
                    return;
                }
                log::info!("webhook set: Telegram posts updates to {url}");
                slot.fill(feed.ingress);
                feed.shutdown.await;
            }
        }
    })
    .await;
    if let Some(error) = refused.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(error.into());
    }
    result
}

/// What a source of updates is given by [`serve`]: where to store them, the API and the bot (for
/// `setWebhook`/`deleteWebhook`), and the shutdown it must stop on.
pub struct Feed {
    pub ingress: Ingress,
    pub api: api::Api,
    pub bot: TgBot,
    pub shutdown: std::pin::Pin<Box<dyn Future<Output = ()> + Send>>,
}

/// The bot with updates from any source: `feed` stores them through [`Feed::ingress`] (a webhook
/// answers 200 only after [`Ingress::accept`] returned `Ok`) and returns once [`Feed::shutdown`]
/// completed; the scheduler, workers and sender run around it, as in [`run`] (long polling).
pub async fn serve<D, F, Fut>(
    config: Config,
    desk: Arc<D>,
    shutdown: impl Future<Output = ()> + Send + 'static,
    feed: F,
) -> anyhow::Result<()>
where
    D: Helpdesk,
    F: FnOnce(Feed) -> Fut,
    Fut: Future<Output = ()>,
{
    let bot = build_bot(&config);
    let api_url = config
        .api_url
        .clone()
        .unwrap_or_else(|| TELEGRAM_API.parse().expect("a valid URL"));
    let api = api::Api::new(&api_url, &config.token)
        .map_err(|_| StartError::BadApiUrl(api_url.to_string()))?;
    let mut shutdown: std::pin::Pin<Box<dyn Future<Output = ()> + Send>> = Box::pin(shutdown);
    let me = tokio::select! {
        me = wait_for_api(&bot, api_url.as_str()) => me?,
        () = &mut shutdown => return Ok(()),
    };
    log::info!(
        "starting as @{} (id {})",
        me.user.username.as_deref().unwrap_or("?"),
        me.id
    );
    register_commands(&bot, desk.as_ref()).await;

    let queue = Queue::new(config.flood);
    let store = desk.store().clone();
    // A run that died between a content change's commit and its rebuild left the announcements
    // held; the desk loaded the content when it was built, so it answers from the change now.
    let released = store.release_stale_outbox_holds().await?;
    if released > 0 {
        log::info!("{released} call(s) held for a content rebuild before the restart are sent now");
    }
    let left = store.pending_updates().await?;
    if !left.is_empty() {
        log::info!("{} update(s) from before the restart to handle", left.len());
    }
    queue.push_all(left.into_iter().map(|row| {
        let press = serde_json::from_str::<serde_json::Value>(&row.raw)
            .is_ok_and(|raw| raw.get("callback_query").is_some());
        (row, press)
    }));
    let me = inbound::BotIdentity::from(&me);
    let ingress = Ingress {
        store: store.clone(),
        me: me.clone(),
        queue: queue.clone(),
    };
    // Shared with whatever queues messages on its own (the feed poller): see `outbox::Outlet`.
    let wake = config.outlet.wake();
    let (stop, stopped) = watch::channel(false);
    // Owned by this future: if it is dropped (the runtime goes away), every part stops with it.
    let mut sender = AbortOnDrop(tokio::spawn(
        sender::Sender {
            desk: desk.clone(),
            api: api.clone(),
            limits: config.limits,
            wake: wake.clone(),
        }
        .run(stopped),
    ));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..config.workers.max(1) {
        workers.spawn(
            Arc::new(worker::Worker {
                desk: desk.clone(),
                api: api.clone(),
                me: me.clone(),
                queue: queue.clone(),
                sender: wake.clone(),
                patience: config.storage_patience,
            })
            .run(),
        );
    }
    let _pruner = AbortOnDrop(tokio::spawn(prune(store)));

    feed(Feed {
        ingress,
        api,
        bot,
        shutdown,
    })
    .await;
    log::info!("shutting down: finishing the turns in hand");
    queue.close();
    while workers.join_next().await.is_some() {}
    let _ = stop.send(true);
    let _ = (&mut sender.0).await;
    log::info!("stopped");
    Ok(())
}

/// Checks in with the Bot API now and then, so `/healthz` knows it still answers even while no
/// update arrives (in webhook mode the bot calls it only to send).
async fn probe(bot: TgBot, pulse: Pulse) {
    loop {
        tokio::time::sleep(health::PROBE_EVERY).await;
        match bot.get_me().await {
            Ok(_) => pulse.beat(),
            Err(error) => log::warn!("the Bot API did not answer: {}", redact(&error, &bot)),
        }
    }
}

/// A spawned part of the bot that ends when its owner does.
pub(crate) struct AbortOnDrop<T>(pub tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// `getMe` until it answers: an unreachable API is waited for (and logged), a refused token is
/// an error at once.
async fn wait_for_api(bot: &TgBot, api: &str) -> anyhow::Result<teloxide::types::Me> {
    let mut wait = Duration::from_secs(1);
    loop {
        match bot.get_me().await {
            Ok(me) => return Ok(me),
            Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                return Err(StartError::InvalidToken.into());
            }
            Err(error) => {
                let reason = redact(&error, bot);
                log::warn!(
                    "{}; retrying in {wait:?}",
                    StartError::Unreachable {
                        url: api.to_string(),
                        reason
                    }
                );
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(60));
            }
        }
    }
}

/// Forgets handled updates older than two days, now and then (Telegram re-delivers only what it
/// keeps: a day at most).
async fn prune(store: Store) {
    loop {
        let before = chrono::Utc::now() - chrono::Duration::days(2);
        match store.prune_inbox(before).await {
            Ok(0) => {}
            Ok(n) => log::info!("forgot {n} handled update(s) older than two days"),
            Err(e) => log::warn!("could not prune the inbox: {e:#}"),
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            log::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                log::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
