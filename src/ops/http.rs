//! The HTTP server: `GET /healthz`, `GET /metrics` and, in webhook mode, the webhook route merged
//! in by the caller. Like mini-redis' `server::run`, it takes its listener and a shutdown future,
//! so tests run the real thing on port 0.

use std::future::Future;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;

use super::health::{self, Pulse};
use super::metrics;
use crate::store::Store;

/// What the health and metrics routes read.
#[derive(Debug, Clone)]
pub struct OpsState {
    pub store: Store,
    pub pulse: Pulse,
}

/// `/healthz` and `/metrics`; merge the webhook's router into it in webhook mode.
pub fn router(state: OpsState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .with_state(state)
}

/// Serves `app` on `listener` until `shutdown` completes; requests in flight are finished.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

async fn healthz(State(state): State<OpsState>) -> Response {
    let report = health::check(&state.store, &state.pulse).await;
    let status = if report.healthy() {
        StatusCode::OK
    } else {
        log::warn!(
            "health check failed: {}",
            report.reason.as_deref().unwrap_or("")
        );
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(report)).into_response()
}

async fn metrics_text(State(state): State<OpsState>) -> Response {
    match metrics::render(&state.store).await {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(e) => {
            log::error!("cannot render the metrics: {e:#}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "cannot read the database\n",
            )
                .into_response()
        }
    }
}
