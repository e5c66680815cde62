//! The real helpdesk behind the adapter: [`Desk`] seen through [`Helpdesk`]. Lives here, not in
//! `desk`, so that the desk never depends on the adapter.

use crate::desk::{Desk, Input, Reply, Track};
use crate::nlu::Lang;

use super::Helpdesk;

impl Helpdesk for Desk {
    async fn handle(&self, input: Input) -> anyhow::Result<Vec<Reply>> {
        Desk::handle(self, input).await
    }

    fn command_list(&self, lang: &str) -> Vec<(String, String)> {
        Desk::commands(lang.parse().unwrap_or(Lang::Id))
            .into_iter()
            .map(|(name, description)| (name.to_string(), description))
            .collect()
    }

    async fn sent(&self, track: Track, chat_id: i64, message_id: i32) -> anyhow::Result<()> {
        Desk::sent(self, track, chat_id, message_id).await
    }

    async fn undeliverable(&self, chat_id: i64, reason: &str) -> anyhow::Result<Vec<Reply>> {
        Desk::undeliverable(self, chat_id, reason).await
    }

    fn pushed(&self) -> Option<tokio::sync::mpsc::UnboundedReceiver<Vec<Reply>>> {
        self.take_pushed()
    }

    fn admin_command_list(&self, lang: &str) -> (Vec<i64>, Vec<(String, String)>) {
        let commands = Desk::admin_commands(lang.parse().unwrap_or(Lang::Id))
            .into_iter()
            .map(|(name, description)| (name.to_string(), description))
            .collect();
        (self.settings().admins.clone(), commands)
    }
}
