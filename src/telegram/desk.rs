//! The real helpdesk behind the adapter: [`Desk`] seen through [`Helpdesk`]. Lives here, not in
//! `desk`, so that the desk never depends on the adapter.

use crate::desk::{Desk, Input, Reply, Sender, Settle, Track};
use crate::nlu::Lang;
use crate::store::Store;

use super::Helpdesk;

impl Helpdesk for Desk {
    fn store(&self) -> &Store {
        Desk::store(self)
    }

    async fn handle(&self, input: Input, settle: &dyn Settle) -> anyhow::Result<Vec<Reply>> {
        Desk::handle_settled(self, input, settle).await
    }

    fn command_list(&self, lang: Lang) -> Vec<(String, String)> {
        Desk::commands(lang)
            .into_iter()
            .map(|(name, description)| (name.to_string(), description))
            .collect()
    }

    async fn sent(
        &self,
        track: Track,
        chat_id: i64,
        message_id: i32,
        settle: &dyn Settle,
    ) -> anyhow::Result<()> {
        Desk::sent_settled(self, track, chat_id, message_id, settle).await
    }

    async fn undeliverable(
        &self,
        chat_id: i64,
        reason: &str,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        Desk::undeliverable_settled(self, chat_id, reason, settle).await
    }

    async fn slow_down(
        &self,
        input: &Input,
        notify: bool,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        Desk::slow_down(self, input, notify, settle).await
    }

    fn trouble(&self, input: &Input) -> Option<Reply> {
        Desk::trouble(self, input)
    }

    fn is_admin(&self, sender: Option<&Sender>) -> bool {
        Desk::is_admin(self, sender)
    }

    fn admin_command_list(&self, lang: Lang) -> (Vec<i64>, Vec<(String, String)>) {
        let commands = Desk::admin_commands(lang)
            .into_iter()
            .map(|(name, description)| (name.to_string(), description))
            .collect();
        (self.settings().admins.clone(), commands)
    }
}
