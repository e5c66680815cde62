//! `newsdesk run` as a service: the Telegram bot (long polling, or a webhook when
//! `NEWSDESK_WEBHOOK_URL` is set) and, on `NEWSDESK_LISTEN`, the HTTP side — `/healthz`,
//! `/metrics` and the webhook route. Wiring only; the parts live in [`crate::telegram`] and
//! [`crate::ops`].

use std::future::Future;

use anyhow::Context;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app::App;
use crate::ops::health::Pulse;
use crate::ops::http::{self, OpsState};
use crate::settings::env;
use crate::telegram::{self, Intake, webhook};

/// Runs the bot with `config` (and the HTTP side the settings ask for) until `shutdown`.
pub async fn serve(
    app: &App,
    config: telegram::Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let desk = app.desk().await?;
    let pulse = Pulse::new();
    // One shutdown, two listeners: the bot and the HTTP server.
    let (stop, stopped) = watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = stop.send(true);
    });
    let until_stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stopped| *stopped).await;
    };

    let settings = &app.settings.http;
    let mut router = http::router(OpsState {
        store: app.store.clone(),
        pulse: pulse.clone(),
    });
    let intake = match &settings.webhook_url {
        Some(url) => {
            let secret = match &settings.webhook_secret {
                Some(secret) => secret.expose().to_string(),
                // Kept in the database, so a restart keeps the webhook Telegram already has.
                None => {
                    app.store
                        .keep_webhook_secret(&webhook::generate_secret()?)
                        .await?
                }
            };
            let slot = webhook::IngressSlot::new();
            router = router.merge(webhook::router(url.path(), secret.clone(), slot.clone()));
            Intake::Webhook {
                url: url.clone(),
                secret,
                slot,
            }
        }
        None => Intake::Polling,
    };

    let server = match settings.listen {
        Some(addr) => {
            let listener = TcpListener::bind(addr)
                .await
                .with_context(|| format!("{}: cannot listen on {addr}", env::LISTEN))?;
            log::info!(
                "HTTP on {}: /healthz, /metrics{}",
                listener.local_addr()?,
                settings
                    .webhook_url
                    .as_ref()
                    .map(|u| format!(", webhook at {}", u.path()))
                    .unwrap_or_default()
            );
            Some(tokio::spawn(http::serve(
                listener,
                router,
                until_stopped(stopped.clone()),
            )))
        }
        None => None,
    };

    // The feeds are polled while the bot runs; what they bring joins the bot's outbox.
    let poller = tokio::spawn(crate::web::poller::run(
        app.clone(),
        desk.clone(),
        config.outlet.clone(),
    ));
    let result = telegram::run_with(config, desk, intake, pulse, until_stopped(stopped)).await;
    poller.abort();
    if let Some(server) = server {
        if result.is_err() {
            server.abort();
        } else {
            server.await??;
        }
    }
    result
}
