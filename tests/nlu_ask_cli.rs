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
