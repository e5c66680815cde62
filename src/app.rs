//! `App::build(settings)`: the store with its migrations and the default content, ready to use.
//! Shared by `main` and the tests, so the tests exercise the very start-up the program runs.
//!
//! Importing goes through [`App`] (not straight to the store) so that everything that must follow
//! a content change — later, the answering index — has one place to hook in.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;

use crate::content::{self, MAX_INPUT_BYTES, ParseError, ParsedArticle};
use crate::desk::{Desk, DeskSettings};
use crate::nlu::{Intents, Lexicon};
use crate::settings::{Settings, SettingsError, env};
use crate::store::{ImportOutcome, OpenError, Store};
use crate::web::{self, Fetcher, WebError};

/// The running newsdesk: its settings, its store and the one web client.
#[derive(Debug, Clone)]
pub struct App {
    pub settings: Settings,
    pub store: Store,
    pub fetcher: Fetcher,
}

/// What one import did, with what a summary line needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub outcome: ImportOutcome,
    pub title: String,
    pub paragraphs: usize,
    pub ticker: usize,
}

/// Why a file was not imported: shown to the person importing, in one line.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read the file: {0}")]
    Read(#[from] std::io::Error),
    #[error("{0}")]
    Parse(#[from] ParseError),
    #[error("{0}")]
    Web(#[from] WebError),
    #[error("the article could not be stored: {0:#}")]
    Store(#[from] anyhow::Error),
}

impl App {
    /// Opens the database named by the settings (creating it and applying migrations) and, when it
    /// holds no articles, imports every file of the content folder.
    ///
    /// A database location that cannot be used is reported as a [`SettingsError`] naming
    /// `DATABASE_URL`, since that is what the user must change.
    pub async fn build(settings: Settings) -> anyhow::Result<App> {
        let store = Store::open(&settings.database_url)
            .await
            .map_err(|e| match e {
                OpenError::Migrate { .. } => anyhow::Error::new(e),
                _ => SettingsError::new(
                    env::DATABASE_URL,
                    format!("{e}; point it at a writable place, e.g. sqlite://data/newsdesk.db"),
                )
                .into(),
            })?;
        let fetcher = Fetcher::new(&settings.fetch).context("cannot build the web client")?;
        let app = App {
            settings,
            store,
            fetcher,
        };
        if app.store.count_articles().await? == 0 {
            app.import_content_dir().await?;
        }
        Ok(app)
    }

    /// The helpdesk over this app's store and settings, answering from the articles stored now.
    /// Build it once and share it: every adapter (bot, console) talks to the same desk.
    pub async fn desk(&self) -> anyhow::Result<Arc<Desk>> {
        let desk = Desk::new(
            self.store.clone(),
            Arc::new(self.intents()?),
            // The language data is loaded once here and shared by every engine the desk builds.
            Arc::new(Lexicon::builtin()),
            DeskSettings::from(&self.settings),
        )
        .await?
        .with_fetcher(self.fetcher.clone());
        Ok(Arc::new(desk))
    }

    /// The intents, with the answer model, paragraph ranker and article weights of this app's
    /// settings (`[answer]`, `[passage]`, `[article]`).
    pub fn intents(&self) -> anyhow::Result<Intents> {
        let mut intents = load_intents()?;
        intents.decision = self.settings.answer.decision.clone();
        intents.passage = self.settings.passage.model.clone();
        intents.article = self.settings.article.weights;
        Ok(intents)
    }

    /// Imports an article from raw bytes.
    pub async fn import_bytes(&self, raw: &[u8]) -> Result<Imported, ImportError> {
        let parsed = content::parse(raw)?;
        let outcome = self
            .store
            .import(&content::content_hash(raw), &parsed)
            .await?;
        Ok(imported(outcome, &parsed))
    }

    /// Imports an article from a file. A file over the size limit is refused without reading it.
    /// A saved web page (`.html`, `.htm`) is read as a page: its article is extracted first.
    pub async fn import_file(&self, path: &Path) -> Result<Imported, ImportError> {
        if is_html_file(path) {
            // Saved pages carry their scripts and styles: the web's limit, not the text one.
            let raw = read_limited(path, web::fetch::MAX_BODY_BYTES)?;
            let html = content::html::decode(&raw, None);
            let article = content::html::extract(&html, None)?;
            return self.import_bytes(&web::article_text(&article)).await;
        }
        let raw = read_limited(path, MAX_INPUT_BYTES)?;
        self.import_bytes(&raw).await
    }

    /// Fetches the page at `url`, extracts its article and imports it with its URL. Re-importing an
    /// unchanged page changes nothing; a changed one replaces the stored article.
    pub async fn import_url(&self, url: &str) -> Result<Imported, ImportError> {
        let article = web::fetch_article(&self.fetcher, url).await?;
        self.import_bytes(&web::article_text(&article)).await
    }

    /// Imports every file in the content folder in name order, skipping (with a warning) hidden
    /// files and files that are not articles. Returns how many files were imported.
    async fn import_content_dir(&self) -> anyhow::Result<usize> {
        let dir = &self.settings.content_dir;
        let files = match content_files(dir) {
            Ok(files) => files,
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && self.settings.content_dir_is_default =>
            {
                return self.import_builtin_content().await;
            }
            Err(e) => {
                log::warn!(
                    "content folder {} cannot be read ({e}); starting with no articles \
                     (set NEWSDESK_CONTENT_DIR)",
                    dir.display()
                );
                return Ok(0);
            }
        };
        let mut count = 0;
        for file in files {
            match self.import_file(&file).await {
                Ok(done) => {
                    count += 1;
                    log::info!(
                        "imported #{} {:?} from {}",
                        done.outcome.id(),
                        done.title,
                        file.display()
                    );
                }
                Err(ImportError::Store(e)) => {
                    return Err(e.context(format!("importing {}", file.display())));
                }
                Err(e) => log::warn!("skipped {}: {e}", file.display()),
            }
        }
        Ok(count)
    }
}

impl App {
    /// Imports the articles compiled into the binary (see [`BUILTIN_CONTENT`]).
    async fn import_builtin_content(&self) -> anyhow::Result<usize> {
        let mut count = 0;
        for (name, raw) in BUILTIN_CONTENT {
            match self.import_bytes(raw).await {
                Ok(done) => {
                    count += 1;
                    log::info!(
                        "imported #{} {:?} (built in: {name})",
                        done.outcome.id(),
                        done.title
                    );
                }
                Err(ImportError::Store(e)) => {
                    return Err(e.context(format!("importing the built-in {name}")));
                }
                Err(e) => log::warn!("skipped the built-in {name}: {e}"),
            }
        }
        Ok(count)
    }
}

/// The articles shipped in `content/`, compiled in, so that a binary run from a folder without
/// `content/` (after `cargo install`) still starts with the seed article. A test checks that this
/// list names every file of `content/`.
pub const BUILTIN_CONTENT: &[(&str, &[u8])] = &[(
    "kontan-whatsapp-privasi-2021.txt",
    include_bytes!("../content/kontan-whatsapp-privasi-2021.txt"),
)];

/// Where the small-talk intents are read from, relative to the working directory (like `config/`).
pub const INTENTS_PATH: &str = "config/intents.toml";

/// The intents in [`INTENTS_PATH`] when that file exists (so they can be edited without a
/// rebuild), else the copy compiled in. A file that exists but is broken is an error to fix.
pub fn load_intents() -> anyhow::Result<Intents> {
    let path = Path::new(INTENTS_PATH);
    if path.is_file() {
        Intents::load(path).context("fix config/intents.toml or remove it to use the built-in one")
    } else {
        Ok(Intents::builtin())
    }
}

fn imported(outcome: ImportOutcome, parsed: &ParsedArticle) -> Imported {
    Imported {
        outcome,
        title: parsed.title.clone(),
        paragraphs: parsed.paragraphs.len(),
        ticker: parsed.ticker.len(),
    }
}

fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, ImportError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit as u64 {
        return Err(ParseError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            max: limit,
        }
        .into());
    }
    let mut raw = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows between the size check and the read.
    file.take(limit as u64 + 1).read_to_end(&mut raw)?;
    Ok(raw)
}

fn is_html_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The visible regular files directly in `dir`, sorted by name.
fn content_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}
