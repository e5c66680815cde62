//! Inline-button presses: decode the `callback_data`, check it still applies, act. A forged or
//! stale press gets a polite toast and changes nothing.

use super::Desk;
use super::callback::Action;
use super::texts::Text;
use super::turn::Turn;

impl Desk {
    pub(super) async fn on_press(
        &self,
        t: &mut Turn<'_>,
        data: &str,
        message_id: i32,
    ) -> anyhow::Result<()> {
        let Some(action) = Action::decode(data) else {
            log::info!("chat {}: unknown callback data {data:?}", t.chat_id());
            t.toast(Text::ToastUnknownButton);
            return Ok(());
        };
        match action {
            Action::Feedback { question_id, up } => {
                if t.tx.vote(question_id, t.chat_id(), up, t.now).await? {
                    t.toast(Text::ToastThanks);
                } else {
                    t.toast(Text::ToastStale);
                }
            }
            Action::More {
                article_id,
                paragraph,
            } => self.on_more(t, article_id, paragraph).await?,
            Action::Lang(lang) => {
                self.set_lang(t, lang);
                t.toast(Text::ToastLangSet);
                t.clear_buttons(message_id);
                t.say(Text::LangSet);
            }
            Action::Suggestion { index } => self.on_suggestion(t, index).await?,
            Action::Human => {
                t.toast_silently();
                self.request_human(t, None).await?;
            }
            Action::Publish { draft_id } => self.on_publish_press(t, draft_id, message_id).await?,
            Action::CancelDraft { draft_id } => {
                self.on_cancel_draft_press(t, draft_id, message_id).await?
            }
            Action::Remove { article_id } => self.on_remove_press(t, article_id, message_id)?,
            Action::KeepArticle { .. } => {
                if self.refuse_non_admin_press(t) {
                    return Ok(());
                }
                t.toast_silently();
                t.clear_buttons(message_id);
                t.say(Text::RemoveKept);
            }
        }
        Ok(())
    }

    /// For admin-only buttons: `true` (and a refusal) when the presser is not an admin.
    pub(super) fn refuse_non_admin_press(&self, t: &mut Turn<'_>) -> bool {
        if self.is_admin(t.input.sender.as_ref()) {
            return false;
        }
        t.toast(Text::ToastNotAdmin);
        true
    }
}
