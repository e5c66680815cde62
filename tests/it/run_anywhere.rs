//! The real binary run from a folder that is not the repository (as after `cargo install`): the
//! default configuration and the seed article are built in; a `config/local.toml`, `.env` and
//! `content/` in the working folder still apply; an empty archive says how to import; a malformed
//! token is named as such without being printed.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{plain_article, repo_path};

/// The binary in `dir` with an empty environment: nothing of the repository applies.
fn newsdesk(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.current_dir(dir).env_clear();
    cmd
}

fn output(cmd: &mut Command) -> (String, String, bool) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("newsdesk runs");
    (
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
        status.success(),
    )
}

#[test]
fn from_an_empty_folder_ask_answers_from_the_built_in_seed_article() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err, ok) =
        output(newsdesk(dir.path()).args(["ask", "kapan facebook beli whatsapp?"]));
    assert!(ok, "{err}");
    assert!(out.contains("2014"), "{out}");
    assert!(!out.contains("()"), "{out}");
    assert!(
        dir.path().join("data/newsdesk.db").is_file(),
        "the default database is created in the working folder"
    );
}

#[test]
fn a_content_folder_local_toml_and_env_file_in_the_working_folder_still_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/kereta.txt"),
        plain_article(
            "Tarif kereta cepat turun",
            "Tarif kereta cepat Jakarta Bandung turun menjadi Rp 150.000 mulai Senin.",
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/local.toml"), "admins = [4242]\n").unwrap();
    std::fs::write(dir.path().join(".env"), "DATABASE_URL=sqlite://own.db\n").unwrap();

    let (out, err, ok) = output(newsdesk(dir.path()).args(["articles", "--json"]));
    assert!(ok, "{err}");
    assert!(
        dir.path().join("own.db").is_file(),
        ".env's DATABASE_URL applies"
    );
    let articles: serde_json::Value = serde_json::from_str(&out).unwrap();
    let titles: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Tarif kereta cepat turun"],
        "the folder's content, not the seed"
    );

    // A bad local.toml proves it is read from the working folder.
    std::fs::write(dir.path().join("config/local.toml"), "admins = [0]\n").unwrap();
    let (_, err, ok) = output(newsdesk(dir.path()).arg("articles"));
    assert!(!ok && err.contains("admins"), "{err}");
}

#[test]
fn with_an_empty_archive_ask_says_how_to_import() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("nothing")).unwrap();
    let (out, err, ok) = output(
        newsdesk(dir.path())
            .env("NEWSDESK_CONTENT_DIR", dir.path().join("nothing"))
            .args(["ask", "kapan facebook beli whatsapp?"]),
    );
    assert!(ok, "{err}");
    assert!(out.contains("newsdesk import FILE"), "{out}");
    assert!(!out.contains("()"), "{out}");
    let (out, _, _) = output(
        newsdesk(dir.path())
            .env("NEWSDESK_CONTENT_DIR", dir.path().join("nothing"))
            .args(["ask", "harga emas?"]),
    );
    assert!(!out.contains(": ."), "no empty list: {out}");
}

#[test]
fn a_malformed_token_is_reported_as_malformed_without_printing_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, ok) = output(
        newsdesk(dir.path())
            .env("TELOXIDE_TOKEN", "abcSECRETxyz")
            .arg("run"),
    );
    assert!(!ok);
    assert!(err.contains("TELOXIDE_TOKEN"), "{err}");
    assert!(err.contains("malformed"), "{err}");
    assert!(!err.contains("SECRET"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn every_file_of_content_is_built_into_the_binary() {
    let mut shipped: Vec<String> = std::fs::read_dir(repo_path("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    shipped.sort();
    let mut built_in: Vec<String> = newsdesk::app::BUILTIN_CONTENT
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    built_in.sort();
    assert_eq!(
        built_in, shipped,
        "list every content/ file in app::BUILTIN_CONTENT"
    );
    for (name, bytes) in newsdesk::app::BUILTIN_CONTENT {
        assert_eq!(
            *bytes,
            std::fs::read(repo_path(&format!("content/{name}")))
                .unwrap()
                .as_slice()
        );
    }
}
