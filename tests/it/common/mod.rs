//! Shared test helpers: `TestApp`, a real newsdesk on a fresh, migrated SQLite file per test.
//!
//! Every test gets its own temporary folder holding the database, a config folder (a copy of the
//! checked-in `config/default.toml`, plus a `local.toml` when asked) and a content folder. Settings
//! are loaded through `Settings::load_from` with an explicit environment, so tests never read or
//! change the process environment and can run in parallel. [`bot::TestBot`] runs the whole bot on a
//! `TestApp` against [`fake_bot_api::FakeBotApi`]; [`web_server::WebServer`] is the local news site
//! the web tests fetch from.
#![allow(dead_code)] // each test binary uses a different part of this module

pub mod bot;
pub mod fake_bot_api;
pub mod qa;
pub mod web_server;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsdesk::app::App;
use newsdesk::settings::{Settings, SettingsError};
use tempfile::TempDir;

/// A path inside the repository (the package root).
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A question the seed article answers (WhatsApp was bought by Facebook in 2014).
pub const ACQUISITION: &str = "Tahun berapa WhatsApp diakuisisi Facebook?";

/// A question about the seed article's writer.
pub const WRITER: &str = "Siapa penulis berita ini?";

/// A question only the deposit fixture page answers.
pub const DEPOSIT_QUESTION: &str = "Berapa maksimal simpanan yang dijamin LPS per nasabah?";

/// A second article page (bank deposits, 2024), for publishing in tests.
pub fn deposit_page() -> Vec<u8> {
    std::fs::read(repo_path(
        "tests/fixtures/kontan-deposito-bank-digital-2024.txt",
    ))
    .expect("deposit page in tests/fixtures/")
}

/// The seed page as shipped in `content/`.
pub fn seed_page() -> Vec<u8> {
    std::fs::read(repo_path("content/kontan-whatsapp-privasi-2021.txt"))
        .expect("seed page in content/")
}

/// A short plain-text article with the given title (and so a distinct identity in the store).
pub fn plain_article(title: &str, body: &str) -> String {
    format!("{title}\n\nTanggal: 2024-08-05\n\n{body}\n\nParagraf kedua tentang {title}.\n")
}

/// A running newsdesk for one test. The temporary folder lives as long as this value.
pub struct TestApp {
    pub app: App,
    /// The test's own folder: `data/newsdesk.db`, `config/`, `content/` live here.
    pub dir: TempDir,
    /// The environment the settings were loaded from (to build the app again the same way).
    pub env: HashMap<String, String>,
}

impl TestApp {
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder::default()
    }

    /// A newsdesk with an empty content folder: the database starts with no articles.
    pub async fn spawn() -> TestApp {
        Self::builder().build().await
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn database_path(&self) -> PathBuf {
        self.dir.path().join("data").join("newsdesk.db")
    }

    /// Settings loaded again from this test's config folder and environment.
    pub fn load_settings(&self) -> Result<Settings, SettingsError> {
        Settings::load_from(&self.config_dir(), &self.env)
    }

    /// Builds a second `App` on the same files, as a restarted program would.
    pub async fn restart(&self) -> App {
        App::build(self.load_settings().expect("settings"))
            .await
            .expect("app builds again")
    }
}

/// Configures a [`TestApp`]; every setting left alone keeps its checked-in default, except the
/// database (always the test's own file) and the content folder (empty unless given).
#[derive(Default)]
pub struct TestAppBuilder {
    content_dir: Option<PathBuf>,
    content_files: Vec<(String, Vec<u8>)>,
    admins: Vec<i64>,
    support_chat_id: Option<i64>,
    local_toml: Option<String>,
    env: HashMap<String, String>,
}

impl TestAppBuilder {
    /// Use this folder as the content folder (e.g. `repo_path("content")`).
    pub fn content_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.content_dir = Some(dir.into());
        self
    }

    /// The repository's own `content/` folder, with the seed page.
    pub fn seed_content(self) -> Self {
        self.content_dir(repo_path("content"))
    }

    /// Put a file into the test's own content folder (ignored when `content_dir` is set).
    pub fn content_file(mut self, name: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.content_files.push((name.to_string(), bytes.into()));
        self
    }

    /// Admin user ids, given as `NEWSDESK_ADMINS`.
    pub fn admins(mut self, ids: &[i64]) -> Self {
        self.admins.extend_from_slice(ids);
        self
    }

    /// The support chat, given as `NEWSDESK_SUPPORT_CHAT_ID`.
    pub fn support_chat_id(mut self, id: i64) -> Self {
        self.support_chat_id = Some(id);
        self
    }

    /// Contents of `config/local.toml`.
    pub fn local_toml(mut self, text: &str) -> Self {
        self.local_toml = Some(text.to_string());
        self
    }

    /// Any other environment variable (e.g. `TELOXIDE_API_URL` of a fake Bot API).
    pub fn env(mut self, name: &str, value: impl Into<String>) -> Self {
        self.env.insert(name.to_string(), value.into());
        self
    }

    /// Writes the test's folder and loads its settings, without building the app.
    pub fn prepare(
        self,
    ) -> (
        TempDir,
        HashMap<String, String>,
        Result<Settings, SettingsError>,
    ) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let config = dir.path().join("config");
        std::fs::create_dir(&config).unwrap();
        std::fs::copy(
            repo_path("config/default.toml"),
            config.join("default.toml"),
        )
        .unwrap();
        if let Some(text) = &self.local_toml {
            std::fs::write(config.join("local.toml"), text).unwrap();
        }
        let content_dir = self.content_dir.clone().unwrap_or_else(|| {
            let own = dir.path().join("content");
            std::fs::create_dir(&own).unwrap();
            for (name, bytes) in &self.content_files {
                std::fs::write(own.join(name), bytes).unwrap();
            }
            own
        });

        let mut env = HashMap::new();
        // The folder `data/` does not exist yet: opening the store must create it.
        let db = dir.path().join("data").join("newsdesk.db");
        env.insert(
            "DATABASE_URL".to_string(),
            format!("sqlite://{}", db.display()),
        );
        env.insert(
            "NEWSDESK_CONTENT_DIR".to_string(),
            content_dir.display().to_string(),
        );
        if !self.admins.is_empty() {
            let ids: Vec<String> = self.admins.iter().map(i64::to_string).collect();
            env.insert("NEWSDESK_ADMINS".to_string(), ids.join(","));
        }
        if let Some(id) = self.support_chat_id {
            env.insert("NEWSDESK_SUPPORT_CHAT_ID".to_string(), id.to_string());
        }
        env.extend(self.env);
        let settings = Settings::load_from(&config, &env);
        (dir, env, settings)
    }

    pub async fn build(self) -> TestApp {
        let (dir, env, settings) = self.prepare();
        let app = App::build(settings.expect("test settings load"))
            .await
            .expect("app builds");
        TestApp { app, dir, env }
    }
}
