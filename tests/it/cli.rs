//! The real `newsdesk` binary, run as a user would, each test in its own working folder with its
//! own database and an explicit, otherwise empty environment.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{plain_article, repo_path};
use serde_json::Value;
use tempfile::TempDir;

const SEED_TITLE: &str = "Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp";

/// A working folder with an empty content folder; the database goes to `data/newsdesk.db` in it.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("empty-content")).unwrap();
        Sandbox { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary, started in the sandbox: no `config/` nor `.env` there, so only the built-in
    /// defaults and the variables set here apply.
    fn newsdesk(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        cmd.current_dir(self.dir.path())
            .env_clear()
            .env("DATABASE_URL", "sqlite://data/newsdesk.db")
            .env("NEWSDESK_CONTENT_DIR", self.path("empty-content"));
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.newsdesk().args(args).output().expect("newsdesk runs")
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn articles_json(&self) -> Vec<Value> {
        let out = self.run(&["articles", "--json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        match serde_json::from_slice(&out.stdout).expect("articles --json is JSON") {
            Value::Array(items) => items,
            other => panic!("expected an array, got {other}"),
        }
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn seed_path() -> String {
    repo_path("content/kontan-whatsapp-privasi-2021.txt")
        .display()
        .to_string()
}

#[test]
fn import_then_articles_json_shows_the_seed_article_field_by_field() {
    let sb = Sandbox::new();
    let out = sb.run(&["import", &seed_path()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("imported #1 \"{SEED_TITLE}\" (9 paragraphs, 11 ticker items)\n")
    );

    let articles = sb.articles_json();
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    assert_eq!(a["id"], 1);
    assert_eq!(a["title"], SEED_TITLE);
    assert_eq!(a["published_at"], "2021-01-13T18:35:00+07:00");
    assert_eq!(a["reporter"], "Ahmad Febrian");
    assert_eq!(a["editor"], "Ahmad Febrian");
    assert_eq!(a["source"], "KONTAN.CO.ID - JAKARTA");
    assert!(a["imported_at"].is_string());

    let paragraphs = a["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 9);
    assert!(
        paragraphs[0]
            .as_str()
            .unwrap()
            .starts_with("Beberapa hari terakhir")
    );

    let ticker = a["ticker"].as_array().unwrap();
    assert_eq!(ticker.len(), 11);
    // Compared as JSON text: integral values must print as integers (1546000, not 1546000.0).
    assert_eq!(
        ticker[0].to_string(),
        r#"{"change":5000,"change_pct":0.32,"name":"EMAS","value":1546000}"#
    );
    assert_eq!(
        ticker[1].to_string(),
        r#"{"change":-5,"change_pct":-0.03,"name":"USD/IDR","value":16205}"#
    );
}

#[test]
fn the_json_keeps_the_field_order_of_the_contract() {
    let sb = Sandbox::new();
    sb.run(&["import", &seed_path()]);
    let out = stdout(&sb.run(&["articles", "--json"]));
    let at = |key: &str| {
        out.find(&format!("\"{key}\""))
            .unwrap_or_else(|| panic!("{key} missing"))
    };
    let keys = [
        "id",
        "title",
        "published_at",
        "reporter",
        "editor",
        "source",
        "caption",
        "paragraphs",
        "ticker",
    ];
    assert!(keys.windows(2).all(|w| at(w[0]) < at(w[1])), "{out}");
}

#[test]
fn importing_the_seed_twice_leaves_one_article() {
    let sb = Sandbox::new();
    sb.run(&["import", &seed_path()]);
    let out = sb.run(&["import", &seed_path()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("unchanged #1 "),
        "{}",
        stdout(&out)
    );
    assert_eq!(sb.articles_json().len(), 1);
}

#[test]
fn a_bad_file_among_good_ones_fails_the_run_but_the_good_ones_are_imported() {
    let sb = Sandbox::new();
    let binary = sb.write("photo.jpg", [0xFFu8, 0xD8, 0x00, 0x10, 0x4A]);
    let empty = sb.write("empty.txt", "");
    let plain = sb.write(
        "cabai.txt",
        plain_article("Harga cabai naik", "Harga cabai naik tajam."),
    );
    let missing = sb.path("missing.txt").display().to_string();

    let out = sb.run(&["import", &binary, &seed_path(), &empty, &plain, &missing]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for bad in [&binary, &empty, &missing] {
        assert!(
            err.contains(&format!("error: {bad}: ")),
            "{bad} reported in {err}"
        );
    }
    assert_eq!(err.lines().count(), 3, "one line per bad file: {err}");
    assert!(
        stdout(&out).contains("2 of 5 files imported, 3 failed"),
        "{}",
        stdout(&out)
    );

    let titles: Vec<Value> = sb
        .articles_json()
        .iter()
        .map(|a| a["title"].clone())
        .collect();
    assert_eq!(titles, [SEED_TITLE, "Harga cabai naik"]);
}

#[test]
fn a_changed_version_reports_the_replacement() {
    let sb = Sandbox::new();
    sb.run(&["import", &seed_path()]);
    let page = std::fs::read_to_string(seed_path()).unwrap();
    let changed = sb.write(
        "changed.txt",
        page.replace("marketplace raksasa", "pasar raksasa"),
    );
    let out = sb.run(&["import", &changed]);
    assert!(out.status.success());
    assert!(
        stdout(&out).starts_with("replaced #1 with #2 "),
        "{}",
        stdout(&out)
    );
    let articles = sb.articles_json();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], 2);
}

#[test]
fn articles_lists_id_title_published_reporter_and_counts() {
    let sb = Sandbox::new();
    let out = sb.run(&["articles"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("No articles"), "{}", stdout(&out));

    sb.run(&["import", &seed_path()]);
    let table = stdout(&sb.run(&["articles"]));
    let row = table.lines().nth(1).expect("a row under the header");
    for expected in [
        "1",
        "Heboh sebar data",
        "2021-01-13 18:35 +07:00",
        "Ahmad Febrian",
        "9",
        "11",
    ] {
        assert!(row.contains(expected), "{expected} in {row:?}");
    }
}

#[test]
fn show_prints_the_whole_article_and_refuses_an_unknown_id() {
    let sb = Sandbox::new();
    sb.run(&["import", &seed_path()]);
    let out = sb.run(&["show", "1"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(&format!("#1 {SEED_TITLE}\n")), "{text}");
    assert!(text.contains("Beberapa hari terakhir"));
    assert!(
        text.contains("marketplace raksasa"),
        "the last paragraph too"
    );
    assert!(text.contains("USD/IDR"));

    let out = sb.run(&["show", "7"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        "error: there is no article #7; `newsdesk articles` lists the ids\n"
    );
}

#[test]
fn remove_deletes_the_article_and_refuses_an_unknown_id() {
    let sb = Sandbox::new();
    sb.run(&["import", &seed_path()]);
    let out = sb.run(&["remove", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("removed #1 \"{SEED_TITLE}\"\n"));
    assert!(sb.articles_json().is_empty());

    let out = sb.run(&["remove", "1"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).starts_with("error: there is no article #1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_command_has_help() {
    let sb = Sandbox::new();
    for args in [
        vec!["--help"],
        vec!["help"],
        vec!["import", "--help"],
        vec!["articles", "--help"],
        vec!["show", "--help"],
        vec!["remove", "--help"],
        vec!["run", "--help"],
        vec!["chat", "--help"],
    ] {
        let out = sb.run(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            stdout(&out).contains("Usage: newsdesk"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
    let top = stdout(&sb.run(&["--help"]));
    for command in ["run", "chat", "import", "articles", "show", "remove"] {
        assert!(top.contains(command), "{command} listed in {top}");
    }
}

#[test]
fn help_works_even_while_a_setting_is_wrong() {
    let sb = Sandbox::new();
    let out = sb
        .newsdesk()
        .env("NEWSDESK_ADMINS", "12x")
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn a_wrong_argument_is_reported_with_a_pointer_to_help_and_a_failure() {
    let sb = Sandbox::new();
    for args in [vec!["show", "abc"], vec!["import"], vec!["no-such-command"]] {
        let out = sb.run(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("error: ") && err.contains("--help"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_bad_setting_stops_the_program_with_one_line_naming_it() {
    let sb = Sandbox::new();
    let out = sb
        .newsdesk()
        .env("NEWSDESK_ADMINS", "12x")
        .arg("articles")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        "error: NEWSDESK_ADMINS: \"12x\" is not a Telegram user id (expected comma-separated numbers, e.g. 12345,67890)\n"
    );

    let out = sb
        .newsdesk()
        .env("NEWSDESK_SUPPORT_CHAT_ID", "support")
        .arg("articles")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stderr(&out).starts_with("error: NEWSDESK_SUPPORT_CHAT_ID: "));
}

#[test]
fn an_unknown_key_in_config_local_toml_stops_the_program_with_one_line() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.path("config")).unwrap();
    sb.write("config/local.toml", "[bot]\nthrottle = 5\n");
    let out = sb.run(&["articles"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: config/local.toml: line 2: unknown field `throttle`"),
        "{err}"
    );
}

#[test]
fn a_database_folder_that_cannot_be_created_stops_the_program_with_one_line() {
    let sb = Sandbox::new();
    sb.write("blocker", "");
    let out = sb
        .newsdesk()
        .env("DATABASE_URL", "sqlite://blocker/newsdesk.db")
        .arg("articles")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: DATABASE_URL: "), "{err}");
}

#[test]
fn a_relative_database_url_creates_its_folder_under_the_working_directory() {
    let sb = Sandbox::new();
    let out = sb.run(&["articles"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(Path::new(&sb.path("data/newsdesk.db")).is_file());
}

#[test]
fn a_fresh_database_imports_the_content_folder_on_first_run() {
    let sb = Sandbox::new();
    let out = sb
        .newsdesk()
        .env("NEWSDESK_CONTENT_DIR", repo_path("content"))
        .args(["articles", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["title"], SEED_TITLE);
    // The content folder is not imported again once the database holds articles.
    assert_eq!(sb.articles_json().len(), 1);
}

#[test]
fn without_a_token_and_without_a_terminal_it_exits_non_zero_with_one_line_saying_what_to_do() {
    let sb = Sandbox::new();
    // `output()` gives the child no terminal on standard input, as under a service manager.
    for args in [vec![], vec!["run"]] {
        let out = sb.run(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("error: TELOXIDE_TOKEN is not set"),
            "{args:?}: {err}"
        );
        assert!(err.contains("@BotFather"), "{err}");
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    }
}

/// `newsdesk ask … | head -1` and the like: the reader of standard output is gone before the
/// command writes. Every command ends quietly and successfully: no panic, no "Broken pipe" error.
#[test]
fn output_into_a_pipe_its_reader_closed_early_ends_quietly_without_a_panic() {
    let sb = Sandbox::new();
    assert!(sb.run(&["import", &seed_path()]).status.success());
    let seed = seed_path();
    let commands: [&[&str]; 7] = [
        &["articles", "--json"],
        &["articles"],
        &["show", "1"],
        &["ask", "harga emas?"],
        &["ask", "--json"],
        &["stats"],
        &["import", &seed],
    ];
    for args in commands {
        let mut child = sb
            .newsdesk()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsdesk starts");
        // The reader closes at once, as `head` does after its line: every write meets a closed pipe.
        drop(child.stdout.take());
        let questions = "harga emas?\nsiapa penulisnya?\n".repeat(50);
        let mut stdin = child.stdin.take().expect("stdin is piped");
        // A command that does not read its input may be gone already; that is fine.
        let _ = stdin.write_all(questions.as_bytes());
        drop(stdin);
        let out = child.wait_with_output().expect("newsdesk ends");
        let err = stderr(&out);
        assert!(
            !err.contains("panicked") && !err.to_lowercase().contains("broken pipe"),
            "{args:?} said: {err}"
        );
        assert!(
            out.status.success(),
            "{args:?} ended with {:?}: {err}",
            out.status
        );
    }
}
