//! Readers' side of the desk: questions and answers (with follow-up context, the question log and
//! the answer buttons), `/start`, `/lang`, `/articles`, subscriptions, and awkward input.

use chrono::Duration;

use super::Button;
use super::Desk;
use super::about;
use super::callback::Action;
use super::lang;
use super::service::lang_slot;
use super::texts::Text;
use super::turn::Turn;
use crate::nlu::{Answer, Intent, Lang, Question, Topic};
use crate::store::{NewQuestion, StoredTopic};

/// Questions longer than this are answered from their start (Telegram allows 4,096).
pub const MAX_QUESTION_CHARS: usize = 4000;

/// What answering a question produced.
pub(super) struct Responded {
    /// The answer, its `text` being exactly what the reader is sent.
    pub answer: Answer,
    pub question_id: i64,
    /// Refused questions in a row, this one included (0 when it was answered).
    pub refused_in_row: i64,
}

impl Desk {
    /// A text from a reader: a question, unless a person is handling the chat.
    pub(super) async fn on_text(&self, t: &mut Turn<'_>, text: &str) -> anyhow::Result<()> {
        if let Some(page) = t.page.take() {
            return self.on_fetched_page(t, page).await;
        }
        if !t.is_group()
            && let Some(ticket) = t.tx.open_ticket_of_chat(t.chat_id()).await?
        {
            return self.relay_from_reader(t, &ticket, text).await;
        }
        if let Some(number) = bare_number(text) {
            // The console presses a button by its number; a number no button has is a slip,
            // not a question (nor an unanswered one that would end in the offer of a person).
            t.say(Text::NoSuchButton { number });
            return Ok(());
        }
        let Some(responded) = self.respond(t, text, None).await? else {
            t.say(Text::NothingToAnswer);
            return Ok(());
        };
        if responded.answer.intent == Intent::Human && !t.is_group() {
            return self.request_human(t, None).await;
        }
        let buttons = self.answer_buttons(t, &responded);
        let offer = self.offers_human(t, &responded);
        let mut text = responded.answer.text;
        if offer {
            text = format!("{text}\n\n{}", Text::OfferHuman.render(t.lang));
        } else if !responded.answer.answered && self.person_reachable_from(t) {
            text = format!("{text} {}", Text::HumanHint.render(t.lang));
        }
        t.say_with(text, buttons);
        Ok(())
    }

    /// Answers `text` in the turn's conversation: uses and renews its topic, logs the question
    /// and counts it. `None` when there is nothing to answer (empty, emoji only).
    pub(super) async fn respond(
        &self,
        t: &mut Turn<'_>,
        text: &str,
        lang: Option<Lang>,
    ) -> anyhow::Result<Option<Responded>> {
        let text = text.trim();
        if !text.chars().any(char::is_alphanumeric) {
            return Ok(None);
        }
        let (question, cut) = cut_long(text);
        let engine = self.engine();
        let lang = lang.unwrap_or_else(|| {
            lang::for_question(&engine, &t.chat, t.input.sender.as_ref(), question)
        });
        let key = t.conversation_key();
        let context =
            t.tx.topic(t.chat_id(), key, t.now)
                .await?
                .map(topic_from_store);
        let content = self.content();
        let started = std::time::Instant::now();
        let answer = content.engine.answer(&Question {
            text: question,
            lang: Some(lang),
            context: context.as_ref(),
        });
        let mut answer = refine(answer, &content.articles, question, context.as_ref());
        crate::ops::metrics::question(answer.intent.as_str(), answer.answered, started.elapsed());
        if cut {
            answer.text = format!(
                "{}\n\n{}",
                Text::TooLong {
                    limit: MAX_QUESTION_CHARS
                }
                .render(answer.lang),
                answer.text
            );
        }

        if let Some(topic) = &answer.topic {
            let expires = t.now + Duration::from_std(self.settings.context_ttl)?;
            t.tx.set_topic(t.chat_id(), key, Some(&topic_to_store(topic)), expires)
                .await?;
        }
        let question_id =
            t.tx.log_question(&NewQuestion {
                chat_id: t.chat_id(),
                user_id: t.input.sender.as_ref().map(|s| s.user_id),
                text: question,
                intent: answer.intent,
                confidence: answer.confidence,
                answered: answer.answered,
                answer: &answer.text,
                lang: answer.lang,
                at: t.now,
            })
            .await?;
        t.chat.questions += 1;
        if answer.answered {
            t.chat.answered += 1;
            t.chat.refused_in_row = 0;
        } else {
            t.chat.refused_in_row += 1;
        }
        // Everything the desk says around this answer follows the answer's language.
        t.lang = answer.lang;
        Ok(Some(Responded {
            refused_in_row: t.chat.refused_in_row,
            answer,
            question_id,
        }))
    }

    /// 👍/👎 under real answers, "more" when the article goes on, and — in private, after two
    /// refusals in a row — the offer of a person.
    fn answer_buttons(&self, t: &mut Turn<'_>, r: &Responded) -> Vec<Vec<Button>> {
        let mut rows = Vec::new();
        let answer = &r.answer;
        if answer.answered && !answer.intent.is_small_talk() {
            rows.push(vec![
                Button::callback(
                    "👍",
                    Action::Feedback {
                        question_id: r.question_id,
                        up: true,
                    }
                    .encode(),
                ),
                Button::callback(
                    "👎",
                    Action::Feedback {
                        question_id: r.question_id,
                        up: false,
                    }
                    .encode(),
                ),
            ]);
        }
        // Ticker and meta answers cite the page but quote no passage to continue from.
        if answer.answered
            && answer.intent == Intent::Article
            && let Some(more) = self.more_button(t, answer)
        {
            rows.push(vec![more]);
        }
        if answer.answered
            && let Some(url) = answer.sources.iter().find_map(|s| s.url.clone())
        {
            rows.push(vec![Button::link(Text::ButtonReadMore.render(t.lang), url)]);
        }
        if self.offers_human(t, r) {
            rows.push(vec![t.button(Text::ButtonHuman, Action::Human)]);
        }
        rows
    }

    /// "More from this article" when the paragraph after the last one quoted exists (at the end
    /// the engine still answers, with a closing remark that quotes nothing).
    fn more_button(&self, t: &Turn<'_>, answer: &Answer) -> Option<Button> {
        let source = answer.sources.iter().max_by_key(|s| s.paragraph)?;
        let next = self
            .engine()
            .more(source.article_id, source.paragraph, answer.lang)?;
        if next.sources.is_empty() {
            return None;
        }
        Some(t.button(
            Text::ButtonMore,
            Action::More {
                article_id: source.article_id,
                paragraph: source.paragraph,
            },
        ))
    }

    /// The next paragraph of an article, for the "more" button.
    pub(super) async fn on_more(
        &self,
        t: &mut Turn<'_>,
        article_id: i64,
        paragraph: usize,
    ) -> anyhow::Result<()> {
        let engine = self.engine();
        let next = engine
            .more(article_id, paragraph, t.lang)
            .filter(|a| !a.sources.is_empty());
        let Some(answer) = next else {
            let exists = self.content().articles.iter().any(|a| a.id == article_id);
            t.toast(if exists {
                Text::ToastNoMore
            } else {
                Text::ToastStale
            });
            return Ok(());
        };
        t.toast_silently();
        if let Some(topic) = &answer.topic {
            let expires = t.now + Duration::from_std(self.settings.context_ttl)?;
            t.tx.set_topic(
                t.chat_id(),
                t.conversation_key(),
                Some(&topic_to_store(topic)),
                expires,
            )
            .await?;
        }
        let buttons = self
            .more_button(t, &answer)
            .map(|b| vec![vec![b]])
            .unwrap_or_default();
        t.say_with(answer.text, buttons);
        Ok(())
    }

    /// `/start`: a greeting in the reader's language, the articles held, suggested questions.
    pub(super) fn on_start(&self, t: &mut Turn<'_>) {
        let content = self.content();
        let suggestions = &content.suggestions[lang_slot(t.lang)];
        let text = Text::Start {
            name: t.sender_name(),
            articles: &content.articles,
            has_suggestions: !suggestions.is_empty(),
        }
        .render(t.lang);
        let buttons = suggestions
            .iter()
            .enumerate()
            .map(|(index, q)| {
                vec![Button::callback(
                    super::texts::shorten(q, 60),
                    Action::Suggestion { index }.encode(),
                )]
            })
            .collect();
        t.say_with(text, buttons);
    }

    /// A suggested question pressed: asked as if typed.
    pub(super) async fn on_suggestion(&self, t: &mut Turn<'_>, index: usize) -> anyhow::Result<()> {
        let content = self.content();
        let Some(question) = content.suggestions[lang_slot(t.lang)].get(index) else {
            t.toast(Text::ToastStale);
            return Ok(());
        };
        t.toast_silently();
        self.on_text(t, question).await
    }

    /// `/lang`, `/lang id`, `/lang en`.
    pub(super) fn on_lang_command(&self, t: &mut Turn<'_>, args: &str) {
        let args = args.trim();
        if args.is_empty() {
            let buttons = lang_buttons(t);
            t.say_with(Text::LangChoose.render(t.lang), buttons);
            return;
        }
        match args.parse::<Lang>() {
            Ok(lang) => {
                self.set_lang(t, lang);
                t.say(Text::LangSet);
            }
            Err(_) => {
                let buttons = lang_buttons(t);
                t.say_with(Text::LangUnknown { given: args }.render(t.lang), buttons);
            }
        }
    }

    pub(super) fn set_lang(&self, t: &mut Turn<'_>, lang: Lang) {
        t.chat.language = Some(lang);
        t.lang = lang;
    }

    /// `/articles`: titles and dates; with their ids for admins.
    pub(super) fn on_articles(&self, t: &mut Turn<'_>) {
        let content = self.content();
        let with_ids = self.is_admin(t.input.sender.as_ref());
        t.say(Text::Articles {
            articles: &content.articles,
            with_ids,
        });
    }

    pub(super) fn on_subscribe(&self, t: &mut Turn<'_>, subscribe: bool) {
        let text = match (subscribe, t.chat.subscribed) {
            (true, true) => Text::AlreadySubscribed,
            (true, false) => Text::Subscribed,
            (false, true) => Text::Unsubscribed,
            (false, false) => Text::WasNotSubscribed,
        };
        t.chat.subscribed = subscribe;
        t.say(text);
    }
}

impl Desk {
    /// In private, after two refused questions in a row, the bot offers a person itself — when
    /// there is one to offer.
    fn offers_human(&self, t: &Turn<'_>, r: &Responded) -> bool {
        !r.answer.answered && r.refused_in_row >= 2 && self.person_reachable_from(t)
    }

    /// `/human` can reach someone from this chat: a support chat is configured and this is a
    /// private chat (in groups `/human` only says to write privately).
    fn person_reachable_from(&self, t: &Turn<'_>) -> bool {
        self.settings.support_chat_id.is_some() && !t.is_group()
    }
}

/// What the desk adds to the engine's answer: "what is it about?" answered from the article, a
/// short follow-up the engine could not place answered from the conversation's paragraph, and a
/// refusal with no articles at all saying so (instead of listing nothing).
fn refine(
    answer: Answer,
    articles: &[crate::content::Article],
    question: &str,
    context: Option<&Topic>,
) -> Answer {
    let topic_article = match context {
        Some(Topic::Article { article_id, .. }) => Some(*article_id),
        _ => None,
    };
    if answer.intent == Intent::About
        && let Some(about) = about::about(articles, topic_article, answer.lang)
    {
        return about;
    }
    if answer.answered && answer.intent != Intent::About {
        return answer;
    }
    if articles.is_empty() {
        return Answer {
            intent: Intent::Fallback,
            answered: false,
            text: Text::NoArticles.render(answer.lang),
            sources: Vec::new(),
            ..answer
        };
    }
    if let Some(topic) = context
        && answer.intent == Intent::Fallback
        && about::is_short(question)
        && let Some(follow_up) = about::follow_up(articles, topic, answer.lang)
    {
        return follow_up;
    }
    answer
}

/// A message that is only a small number ("2"): a button pressed by number that does not exist.
fn bare_number(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then_some(text)
}

fn lang_buttons(t: &Turn<'_>) -> Vec<Vec<Button>> {
    vec![vec![
        t.button(Text::ButtonLangId, Action::Lang(Lang::Id)),
        t.button(Text::ButtonLangEn, Action::Lang(Lang::En)),
    ]]
}

/// The question itself, or its first [`MAX_QUESTION_CHARS`] characters (cut at a word break
/// when there is one near the end) and `true`.
fn cut_long(text: &str) -> (&str, bool) {
    let Some((end, _)) = text.char_indices().nth(MAX_QUESTION_CHARS) else {
        return (text, false);
    };
    let head = &text[..end];
    let cut = match head.rfind(char::is_whitespace) {
        Some(space) if space > end / 2 => &head[..space],
        _ => head,
    };
    (cut.trim_end(), true)
}

fn topic_from_store(topic: StoredTopic) -> Topic {
    match topic {
        StoredTopic::Article {
            article_id,
            paragraph,
        } => Topic::Article {
            article_id,
            paragraph,
        },
        StoredTopic::Indicator { name } => Topic::Indicator { name },
    }
}

fn topic_to_store(topic: &Topic) -> StoredTopic {
    match topic {
        Topic::Article {
            article_id,
            paragraph,
        } => StoredTopic::Article {
            article_id: *article_id,
            paragraph: *paragraph,
        },
        Topic::Indicator { name } => StoredTopic::Indicator { name: name.clone() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_question_is_kept_whole() {
        assert_eq!(cut_long("apa kabar"), ("apa kabar", false));
    }

    #[test]
    fn a_long_question_is_cut_at_a_word_break_within_the_limit() {
        let text = "kata ".repeat(2000);
        let (cut, was_cut) = cut_long(&text);
        assert!(was_cut);
        assert!(cut.chars().count() <= MAX_QUESTION_CHARS);
        assert!(cut.ends_with("kata"));
    }

    #[test]
    fn a_long_question_without_spaces_is_cut_on_a_character_boundary() {
        let text = "é".repeat(5000);
        let (cut, was_cut) = cut_long(&text);
        assert!(was_cut);
        assert_eq!(cut.chars().count(), MAX_QUESTION_CHARS);
    }
}
