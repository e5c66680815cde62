//! `newsdesk ask`: answers questions from the command line through the same engine the bot uses.
//!
//! With QUESTION words it answers that one question; with none it reads standard input, one question
//! per line, and answers each in order, flushing after every line so another program can converse
//! with it. Without `--chat` nothing is stored and no conversation context is used; with
//! `--chat ID` every question goes through the desk as that chat's message, so its conversation
//! state (topic, language) is used and kept in the database — follow-ups work across invocations.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use crate::app::App;
use crate::cli::output_error;
use crate::content::Article;
use crate::desk::{Desk, about};
use crate::nlu::{Answer, Engine, Intent, Lang, Lexicon, Question};

/// Options of the `ask` command.
#[derive(Debug, Clone, clap::Args)]
pub struct AskArgs {
    /// Reply in this language (id or en) instead of the question's own.
    #[arg(long, value_name = "id|en")]
    pub lang: Option<Lang>,
    /// Print one JSON object per answer: {"intent", "confidence", "answered", "text", "sources"}.
    #[arg(long)]
    pub json: bool,
    /// With --json: add "features" (the answer model's inputs for the best passage) and
    /// "candidate" (the reply it would give if answered), for `scripts/fit_answer.py`.
    #[arg(long, requires = "json")]
    pub features: bool,
    /// Print the engine's trace instead of the answer: the question's terms (salient, generic),
    /// the best passages and the fitted decision with its features (for tuning).
    #[arg(long, conflicts_with_all = ["json", "chat"])]
    pub explain: bool,
    /// With --json: add "paragraphs" (the candidate paragraphs of the article answered from, each
    /// with the paragraph ranker's features), for `scripts/fit_passage.py`.
    #[arg(long, requires = "json", hide = true)]
    pub paragraphs: bool,
    /// With --json: add "articles" (the candidate articles, each with the evidence the article
    /// choice weighs), for `scripts/fit_article.py`.
    #[arg(long, requires = "json", hide = true)]
    pub articles: bool,
    /// Use and keep this chat's conversation state (follow-ups across invocations).
    #[arg(long, value_name = "ID", allow_negative_numbers = true)]
    pub chat: Option<i64>,
    /// The question; without it, questions are read from standard input, one per line.
    #[arg(value_name = "QUESTION")]
    pub question: Vec<String>,
}

/// Who answers: the bare engine (no state), or the desk as one chat (state read and kept).
enum Answerer {
    /// The engine and the articles it was built from, newest first.
    Engine(Box<Engine>, Vec<Article>),
    Chat(Arc<Desk>, i64),
}

impl Answerer {
    /// The answer as `ask` prints it; with `features`, the decision's inputs added to the JSON.
    /// In an empty archive a refusal says how to import instead.
    async fn render(
        &self,
        text: &str,
        lang: Option<Lang>,
        args: &AskArgs,
        empty_archive: bool,
    ) -> anyhow::Result<String> {
        let mut answer = self.answer(text, lang).await?;
        if empty_archive && !answer.answered {
            answer.text = NO_ARTICLES.to_string();
        }
        if args.explain
            && let Answerer::Engine(engine, _) = self
        {
            return Ok(engine.explain(&Question {
                text,
                lang,
                context: None,
            }));
        }
        if !(args.json && (args.features || args.paragraphs || args.articles)) {
            return Ok(render(&answer, args.json));
        }
        let mut json = serde_json::to_value(crate::nlu::AnswerJson::from(&answer))?;
        let question = Question {
            text,
            lang,
            context: None,
        };
        if let Answerer::Engine(engine, _) = self
            && args.features
            && let Some((features, candidate)) = engine.features(&question)
        {
            json["features"] = serde_json::to_value(features)?;
            json["candidate"] = candidate.into();
        }
        if let Answerer::Engine(engine, _) = self
            && args.paragraphs
            && let Some(dump) = engine.paragraph_features(&question)
        {
            json["article"] = dump.title.into();
            json["answer_type"] = dump.answer_type.into();
            json["paragraphs"] = dump
                .candidates
                .into_iter()
                .map(|(paragraph, text, features)| {
                    Ok(serde_json::json!({
                        "paragraph": paragraph,
                        "text": text,
                        "features": serde_json::to_value(features)?,
                    }))
                })
                .collect::<serde_json::Result<Vec<_>>>()?
                .into();
        }
        if let Answerer::Engine(engine, _) = self
            && args.articles
            && let Some(rows) = engine.article_rows(&question)
        {
            json["articles"] = serde_json::to_value(rows)?;
        }
        Ok(json.to_string())
    }

    async fn answer(&self, text: &str, lang: Option<Lang>) -> anyhow::Result<Answer> {
        match self {
            Answerer::Engine(engine, articles) => {
                let answer = engine.answer(&Question {
                    text,
                    lang,
                    context: None,
                });
                // The desk answers "what is it about?" from the article; so does `ask`.
                if answer.intent == Intent::About
                    && let Some(about) = about::about(articles, None, answer.lang)
                {
                    return Ok(about);
                }
                Ok(answer)
            }
            Answerer::Chat(desk, chat_id) => desk
                .ask(*chat_id, text, lang)
                .await
                .with_context(|| format!("answering as chat {chat_id}")),
        }
    }
}

pub async fn run(app: &App, args: AskArgs) -> anyhow::Result<ExitCode> {
    let answerer = match args.chat {
        Some(chat_id) => Answerer::Chat(app.desk().await?, chat_id),
        None => {
            let mut articles = app.store.articles().await?;
            articles.sort_by(|a, b| {
                (b.parsed.published_at, b.imported_at).cmp(&(a.parsed.published_at, a.imported_at))
            });
            let intents = Arc::new(app.intents()?);
            let engine = Engine::build(intents, Arc::new(Lexicon::builtin()), &articles);
            Answerer::Engine(Box::new(engine), articles)
        }
    };
    let empty_archive = app.store.count_articles().await? == 0;
    let stdout = std::io::stdout();
    if !args.question.is_empty() {
        let text = args.question.join(" ");
        let line = answerer
            .render(&text, args.lang, &args, empty_archive)
            .await?;
        writeln!(stdout.lock(), "{line}").map_err(output_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        // A line that is not UTF-8 is still a question to answer (politely), not a reason to stop.
        let line = match line {
            Ok(line) => line,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => String::new(),
            Err(e) => return Err(e).context("reading questions from standard input"),
        };
        let rendered = answerer
            .render(&line, args.lang, &args, empty_archive)
            .await?;
        let mut out = stdout.lock();
        writeln!(out, "{rendered}")
            .and_then(|()| out.flush())
            .map_err(output_error)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What `ask` says to a question it cannot answer while the database holds no article: the person
/// at the command line is the one who can import.
pub const NO_ARTICLES: &str = "There are no articles in the database yet, so there is nothing to answer from. \
Import one with `newsdesk import FILE` (a scraped news page or plain text: title on the first line, then paragraphs), \
or point DATABASE_URL at the database the bot uses.";

fn render(answer: &Answer, json: bool) -> String {
    if json {
        answer.to_json_line()
    } else {
        format!("{}\n", answer.text)
    }
}
