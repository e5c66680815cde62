//! `newsdesk ask` as a user runs it: the real binary on a fresh database that imports `content/`.

use std::io::Write;
use std::process::{Command, Stdio};

fn newsdesk(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.current_dir(dir.path())
        .env_clear()
        .env("DATABASE_URL", "sqlite://data/newsdesk.db")
        .env(
            "NEWSDESK_CONTENT_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
        );
    cmd
}

#[test]
fn ask_with_a_question_prints_the_reply_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsdesk(&dir)
        .args(["ask", "tahun", "berapa", "facebook", "beli", "whatsapp?"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("2014") && text.contains("Heboh sebar data"),
        "{text}"
    );
}

#[test]
fn ask_json_answers_each_stdin_line_in_order_with_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = newsdesk(&dir)
        .args(["ask", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("halo\nharga emas\n\nBerapa kurs euro?\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        4,
        "one line per question, the empty one included"
    );
    assert_eq!(lines[0]["intent"], "greeting");
    assert_eq!(lines[1]["intent"], "ticker");
    assert!(lines[1]["text"].as_str().unwrap().contains("1.546.000"));
    assert_eq!(lines[1]["sources"][0]["article_id"], 1);
    assert_eq!(lines[2]["answered"], false);
    assert_eq!(lines[3]["answered"], false);
    for l in &lines {
        assert!(l["confidence"].as_f64().unwrap() <= 1.0);
    }
}

#[test]
fn ask_lang_en_answers_in_english_and_a_bad_language_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsdesk(&dir)
        .args(["ask", "--lang", "en", "harga emas"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("1,546,000"));
    let out = newsdesk(&dir)
        .args(["ask", "--lang", "fr", "halo"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("\"id\" (Indonesian) or \"en\"")
    );
}

fn ask(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let out = newsdesk(dir).arg("ask").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Rows in the `chats` table of the test's database.
fn chat_rows(dir: &tempfile::TempDir) -> i64 {
    let url = format!("sqlite://{}/data/newsdesk.db", dir.path().display());
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = newsdesk::store::Store::open(&url).await.unwrap();
        let n = store.count_chats().await.unwrap();
        store.close().await;
        n
    })
}

#[test]
fn ask_with_chat_resolves_follow_ups_across_invocations() {
    let dir = tempfile::tempdir().unwrap();
    let gold = ask(&dir, &["--chat", "5", "harga emas?"]);
    assert!(
        gold.contains("EMAS") && gold.contains("1.546.000"),
        "{gold}"
    );
    let dollar = ask(&dir, &["--chat", "5", "kalau dolar?"]);
    assert!(
        dollar.contains("USD/IDR") && dollar.contains("16.205"),
        "{dollar}"
    );
    // A plain ask in between neither reads nor changes chat 5's topic.
    let plain = ask(&dir, &["berapa nilainya?"]);
    assert!(!plain.contains("16.205"), "{plain}");
    let value = ask(&dir, &["--chat", "5", "berapa nilainya?"]);
    assert!(
        value.contains("USD/IDR") && value.contains("16.205"),
        "{value}"
    );
    // Another chat has its own (empty) conversation.
    let other = ask(&dir, &["--chat", "6", "berapa nilainya?"]);
    assert!(!other.contains("16.205"), "{other}");
}

#[test]
fn ask_with_chat_follows_an_article_topic_from_stdin_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = newsdesk(&dir)
        .args(["ask", "--json", "--chat", "7"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("facebook akuisisi whatsapp berapa\ntahun berapa?\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["text"].as_str().unwrap().contains("19 miliar"));
    assert!(lines[1]["text"].as_str().unwrap().contains("2014"));
}

#[test]
fn plain_ask_stores_no_chat_and_ask_with_chat_stores_one() {
    let dir = tempfile::tempdir().unwrap();
    ask(&dir, &["harga emas?"]);
    ask(&dir, &["--json", "siapa penulis berita ini?"]);
    assert_eq!(chat_rows(&dir), 0);
    ask(&dir, &["--chat", "5", "harga emas?"]);
    assert_eq!(chat_rows(&dir), 1);
}
