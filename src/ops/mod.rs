//! Running newsdesk as a service: [`metrics`] (Prometheus counters the desk and the adapter bump),
//! [`health`] (is the database writable, did the Bot API answer lately), [`http`] (the server for
//! `/healthz`, `/metrics` and the webhook route) and [`logging`] (text or JSON lines).

pub mod health;
pub mod http;
pub mod logging;
pub mod metrics;
