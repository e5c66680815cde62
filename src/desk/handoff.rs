//! Human handoff: tickets between a reader's private chat and the support chat.
//!
//! A ticket opens on `/human`, the `human` intent or the "talk to a person" button. While it is
//! open the reader's messages go to the support chat (as replies to the ticket's message) instead
//! of being answered; staff answer by replying to any message of the ticket, and the reader gets
//! the text without the staff member's name. `/close` (staff, as a reply) or `/cancel` (reader)
//! ends it. Chats that cannot be reached are marked once, never retried in a loop.

use super::command::Command;
use super::texts::{Exchange, Text};
use super::turn::Turn;
use super::{Desk, Event, Reply, Track};
use crate::nlu::{Intent, Lang};
use crate::store::{Author, ClosedBy, NewQuestion, NewTicket, Ticket, Tx};

/// How many of the reader's latest questions the support chat is shown.
const HISTORY: i64 = 5;

impl Desk {
    /// The support chat if one is configured and the bot can still reach it.
    async fn reachable_support(
        &self,
        tx: &mut Tx,
        now: chrono::DateTime<chrono::Utc>,
    ) -> anyhow::Result<Option<(i64, Lang)>> {
        let Some(support) = self.settings.support_chat_id else {
            return Ok(None);
        };
        let state = tx.chat_state(support, true, now).await?;
        if state.unreachable_since.is_some() {
            return Ok(None);
        }
        Ok(Some((support, state.language.unwrap_or(Lang::Id))))
    }

    /// The support chat's language (its `/lang` choice, else Indonesian).
    async fn support_lang(
        &self,
        tx: &mut Tx,
        support: i64,
        now: chrono::DateTime<chrono::Utc>,
    ) -> anyhow::Result<Lang> {
        let state = tx.chat_state(support, true, now).await?;
        Ok(state.language.unwrap_or(Lang::Id))
    }

    /// The reader asks for a person; `words` is what they wrote with `/human`, if anything.
    pub(super) async fn request_human(
        &self,
        t: &mut Turn<'_>,
        words: Option<&str>,
    ) -> anyhow::Result<()> {
        if t.is_group() {
            t.say(Text::GroupOnlyPrivate);
            return Ok(());
        }
        if let Some(ticket) = t.tx.open_ticket_of_chat(t.chat_id()).await? {
            t.say(Text::TicketAlreadyOpen { id: ticket.id });
            return Ok(());
        }
        let words = words.map(str::trim).filter(|w| !w.is_empty());
        let Some((support, support_lang)) = self.reachable_support(&mut t.tx, t.now).await? else {
            self.keep_for_unanswered(t, words).await?;
            t.say(Text::NoSupport);
            return Ok(());
        };

        let history = t.tx.recent_questions(t.chat_id(), HISTORY).await?;
        if let Some(last) = history.last() {
            t.tx.escalate_question(last.id).await?;
        }
        let sender = t.input.sender.as_ref();
        let name = sender.map_or("", |s| s.first_name.as_str()).to_string();
        let username = sender.and_then(|s| s.username.clone());
        let ticket_id =
            t.tx.open_ticket(&NewTicket {
                chat_id: t.chat_id(),
                user_id: sender.map_or(t.chat_id(), |s| s.user_id),
                reader_name: &name,
                reader_username: username.as_deref(),
                lang: t.lang,
                at: t.now,
            })
            .await?;
        log::info!("ticket {ticket_id} opened for chat {}", t.chat_id());
        let exchanges: Vec<Exchange<'_>> = history
            .iter()
            .map(|q| Exchange {
                question: &q.text,
                answer: &q.answer,
                answered: q.answered,
            })
            .collect();
        let head = Text::TicketForStaff {
            id: ticket_id,
            name: &name,
            username: username.as_deref(),
            reader_lang: t.lang,
            history: &exchanges,
        }
        .render(support_lang);
        t.send_to(support, head, None, Some(Track::Ticket { ticket_id }));
        if let Some(words) = words {
            t.tx.add_ticket_message(ticket_id, Author::Reader, words, t.now)
                .await?;
            let relay = Text::RelayToStaff {
                id: ticket_id,
                text: words,
            }
            .render(support_lang);
            t.send_to(support, relay, None, Some(Track::Ticket { ticket_id }));
        }
        t.say(Text::TicketOpened { id: ticket_id });
        Ok(())
    }

    /// With no person to hand over to, the question is kept for `/unanswered`: what the reader
    /// wrote with `/human`, else their latest question.
    async fn keep_for_unanswered(
        &self,
        t: &mut Turn<'_>,
        words: Option<&str>,
    ) -> anyhow::Result<()> {
        let question_id = match words {
            Some(words) => Some(
                t.tx.log_question(&NewQuestion {
                    chat_id: t.chat_id(),
                    user_id: t.input.sender.as_ref().map(|s| s.user_id),
                    text: words,
                    intent: Intent::Human,
                    confidence: 1.0,
                    answered: false,
                    answer: &Text::NoSupport.render(t.lang),
                    lang: t.lang,
                    at: t.now,
                })
                .await?,
            ),
            None => {
                t.tx.recent_questions(t.chat_id(), 1)
                    .await?
                    .pop()
                    .map(|q| q.id)
            }
        };
        if let Some(id) = question_id {
            t.tx.escalate_question(id).await?;
        }
        Ok(())
    }

    /// A reader's message while their ticket is open: to the support chat, not answered.
    pub(super) async fn relay_from_reader(
        &self,
        t: &mut Turn<'_>,
        ticket: &Ticket,
        text: &str,
    ) -> anyhow::Result<()> {
        let Some(support) = self.settings.support_chat_id else {
            return Ok(());
        };
        t.tx.add_ticket_message(ticket.id, Author::Reader, text, t.now)
            .await?;
        let head = t.tx.ticket_head_message(support, ticket.id).await?;
        let lang = self.support_lang(&mut t.tx, support, t.now).await?;
        let relay = Text::RelayToStaff {
            id: ticket.id,
            text,
        }
        .render(lang);
        t.send_to(
            support,
            relay,
            head,
            Some(Track::Ticket {
                ticket_id: ticket.id,
            }),
        );
        Ok(())
    }

    /// `/cancel` from a reader: closes their open ticket.
    pub(super) async fn on_cancel(&self, t: &mut Turn<'_>) -> anyhow::Result<()> {
        let ticket = if t.is_group() {
            None
        } else {
            t.tx.open_ticket_of_chat(t.chat_id()).await?
        };
        let Some(ticket) = ticket else {
            t.say(Text::NothingToCancel);
            return Ok(());
        };
        t.tx.close_ticket(ticket.id, ClosedBy::Reader, t.now)
            .await?;
        log::info!("ticket {} closed by the reader", ticket.id);
        t.say(Text::ClosedByReaderForReader { id: ticket.id });
        if let Some(support) = self.settings.support_chat_id {
            let head = t.tx.ticket_head_message(support, ticket.id).await?;
            let lang = self.support_lang(&mut t.tx, support, t.now).await?;
            let text = Text::ClosedByReaderForStaff { id: ticket.id }.render(lang);
            t.send_to(support, text, head, None);
        }
        Ok(())
    }

    /// Input in the support chat: staff replies, `/close`, `/tickets`. `false` when it is none of
    /// these (then it is handled as in any group).
    pub(super) async fn on_support_chat(&self, t: &mut Turn<'_>) -> anyhow::Result<bool> {
        let replying_to = t.input.replying_to;
        match &t.input.event {
            Event::Command { name, .. } if Command::named(name) == Some(Command::Tickets) => {
                let tickets = t.tx.open_ticket_summaries().await?;
                t.say(Text::OpenTickets { tickets: &tickets });
                Ok(true)
            }
            Event::Command { name, .. } if Command::named(name) == Some(Command::Close) => {
                let ticket = match replying_to {
                    Some(message) => t.tx.ticket_of_support_message(t.chat_id(), message).await?,
                    None => None,
                };
                match ticket {
                    None => t.say(Text::NotATicketMessage),
                    Some(ticket) if !ticket.open => {
                        t.say(Text::TicketAlreadyClosed { id: ticket.id })
                    }
                    Some(ticket) => {
                        t.tx.close_ticket(ticket.id, ClosedBy::Staff, t.now).await?;
                        log::info!("ticket {} closed by staff", ticket.id);
                        let reader_lang = ticket.lang;
                        t.send_to(
                            ticket.chat_id,
                            Text::ClosedByStaffForReader { id: ticket.id }.render(reader_lang),
                            None,
                            None,
                        );
                        t.say(Text::ClosedByStaffForStaff { id: ticket.id });
                    }
                }
                Ok(true)
            }
            Event::Text {
                text,
                edited: false,
            } => {
                let Some(message) = replying_to else {
                    return Ok(false);
                };
                let Some(ticket) = t.tx.ticket_of_support_message(t.chat_id(), message).await?
                else {
                    return Ok(false);
                };
                if !ticket.open {
                    t.say(Text::TicketAlreadyClosed { id: ticket.id });
                    return Ok(true);
                }
                t.tx.add_ticket_message(ticket.id, Author::Staff, text, t.now)
                    .await?;
                t.send_to(
                    ticket.chat_id,
                    Text::StaffToReader { text }.render(ticket.lang),
                    None,
                    None,
                );
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The transport could not deliver to `chat_id` (the reader blocked the bot, the bot was
    /// removed from the support chat): logged, the chat marked, its open tickets closed, and the
    /// other side told — once. Returns what to deliver about it; a failure to deliver those is
    /// reported here again and ends there, as the chats involved are already marked.
    pub async fn undeliverable(&self, chat_id: i64, reason: &str) -> anyhow::Result<Vec<Reply>> {
        self.undeliverable_settled(chat_id, reason, &super::ReturnOnly)
            .await
    }

    /// As [`Desk::undeliverable`], with the adapter's bookkeeping (dropping what was still queued
    /// for the chat, queueing what is said about it) in the same transaction.
    pub async fn undeliverable_settled(
        &self,
        chat_id: i64,
        reason: &str,
        settle: &dyn super::Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        let now = chrono::Utc::now();
        // It changes another chat's rows (closes its ticket, marks it): not beside chats' turns.
        let mut tx = self.store.begin_exclusive().await?;
        // Group ids are negative; the row may not exist yet if the chat never wrote.
        tx.chat_state(chat_id, chat_id < 0, now).await?;
        let newly = tx.mark_unreachable(chat_id, now).await?;
        log::warn!("chat {chat_id} cannot be reached ({reason}); marked");
        let mut replies = Vec::new();
        let send = |chat_id: i64, text: String, reply_to: Option<i32>| Reply::Send {
            chat_id,
            text,
            buttons: Vec::new(),
            reply_to,
            thread_id: None,
            track: None,
        };
        if Some(chat_id) == self.settings.support_chat_id {
            if newly {
                for ticket in tx.open_tickets().await? {
                    tx.close_ticket(ticket.id, ClosedBy::StaffUnreachable, now)
                        .await?;
                    let text = Text::StaffUnreachable { id: ticket.id }.render(ticket.lang);
                    replies.push(send(ticket.chat_id, text, None));
                }
            }
        } else if let Some(ticket) = tx.open_ticket_of_chat(chat_id).await? {
            tx.close_ticket(ticket.id, ClosedBy::ReaderUnreachable, now)
                .await?;
            if let Some(support) = self.settings.support_chat_id {
                let head = tx.ticket_head_message(support, ticket.id).await?;
                let lang = self.support_lang(&mut tx, support, now).await?;
                let text = Text::ReaderUnreachable { id: ticket.id }.render(lang);
                replies.push(send(support, text, head));
            }
        }
        settle.settle(&mut tx, &replies, now).await?;
        tx.commit().await?;
        Ok(replies)
    }
}
