//! Unit tests of the pure parts of delivery: splitting, keyboards, toasts, error classes, retries.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use teloxide::types::Seconds;

use super::*;

fn utf16(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn a_short_text_is_one_chunk_and_an_empty_one_none() {
    assert_eq!(split_text("Halo!", MAX_TEXT_UTF16), vec!["Halo!"]);
    assert!(split_text("  \n\n ", MAX_TEXT_UTF16).is_empty());
}

#[test]
fn a_text_of_exactly_the_limit_is_not_split() {
    let text = "a".repeat(MAX_TEXT_UTF16);
    assert_eq!(split_text(&text, MAX_TEXT_UTF16), vec![text]);
}

#[test]
fn long_texts_split_between_paragraphs_first() {
    let paragraph = "kata ".repeat(300).trim_end().to_string(); // 1499 units
    let text = [paragraph.as_str(); 5].join("\n\n");
    let chunks = split_text(&text, MAX_TEXT_UTF16);
    assert_eq!(chunks.len(), 3);
    assert_eq!(chunks[0], [paragraph.as_str(); 2].join("\n\n"));
    assert_eq!(chunks[2], paragraph);
    assert!(chunks.iter().all(|c| utf16(c) <= MAX_TEXT_UTF16));
}

#[test]
fn an_oversized_paragraph_splits_between_lines_and_starts_a_new_chunk() {
    let line = "x".repeat(30);
    let big = [line.as_str(); 10].join("\n"); // 309 units
    let text = format!("pembuka\n\n{big}\n\npenutup");
    let chunks = split_text(&text, 100);
    assert_eq!(
        chunks[0], "pembuka",
        "the short paragraph is not glued to a piece of the big one"
    );
    assert!(chunks.iter().all(|c| utf16(c) <= 100), "{chunks:?}");
    assert_eq!(
        chunks.concat().matches(line.as_str()).count(),
        10,
        "no line lost"
    );
    assert_eq!(chunks.last().unwrap(), "penutup");
}

#[test]
fn a_single_long_line_splits_between_words_then_inside_a_word() {
    let words = "berita ".repeat(50);
    let chunks = split_text(&words, 40);
    assert!(
        chunks.iter().all(|c| utf16(c) <= 40 && !c.starts_with(' ')),
        "{chunks:?}"
    );
    assert!(
        chunks.iter().all(|c| c.split(' ').all(|w| w == "berita")),
        "words stay whole: {chunks:?}"
    );
    let word = "a".repeat(95);
    assert_eq!(
        split_text(&word, 40)
            .iter()
            .map(|c| c.len())
            .collect::<Vec<_>>(),
        vec![40, 40, 15]
    );
}

#[test]
fn limits_count_utf16_units_so_emoji_never_overflow() {
    let emoji = "😀".repeat(3000); // 6000 units, 3000 chars
    let chunks = split_text(&emoji, MAX_TEXT_UTF16);
    assert_eq!(chunks.len(), 2);
    assert!(chunks.iter().all(|c| utf16(c) <= MAX_TEXT_UTF16));
    assert_eq!(chunks.concat(), emoji, "no character is cut in half");
}

#[test]
fn splitting_keeps_every_word_in_order() {
    let text = (0..2000)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ")
        + "\n\nakhir";
    let chunks = split_text(&text, 500);
    let words: Vec<&str> = chunks.iter().flat_map(|c| c.split_whitespace()).collect();
    let expected: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(words, expected);
}

fn button(label: &str, data: &str) -> Button {
    Button::callback(label, data)
}

#[test]
fn a_keyboard_keeps_rows_and_drops_buttons_telegram_would_refuse() {
    let rows = vec![
        vec![button("👍", "fb:up:1"), button("👎", "fb:down:1")],
        vec![button("too long", &"d".repeat(65)), button("", "x")],
        vec![button("Lanjut", &"d".repeat(64))],
    ];
    let markup = keyboard(&rows).expect("valid buttons remain");
    let shape: Vec<usize> = markup.inline_keyboard.iter().map(Vec::len).collect();
    assert_eq!(shape, vec![2, 1]);
    assert!(keyboard(&[]).is_none());
    assert!(keyboard(&[vec![button("x", "")]]).is_none());
}

#[test]
fn a_link_button_opens_its_page_and_one_that_is_not_http_is_dropped() {
    use teloxide::types::InlineKeyboardButtonKind;
    let rows = vec![
        vec![Button::link(
            "Baca selengkapnya",
            "https://warta.example/a/1",
        )],
        vec![Button::link("bad", "javascript:alert(1)")],
    ];
    let markup = keyboard(&rows).expect("the http link remains");
    assert_eq!(markup.inline_keyboard.len(), 1);
    match &markup.inline_keyboard[0][0].kind {
        InlineKeyboardButtonKind::Url(url) => assert_eq!(url.as_str(), "https://warta.example/a/1"),
        other => panic!("not a link button: {other:?}"),
    }
}

#[test]
fn a_toast_is_cut_to_two_hundred_characters() {
    assert_eq!(toast_text("Terima kasih!"), "Terima kasih!");
    let long = "é".repeat(250);
    let cut = toast_text(&long);
    assert_eq!(cut.chars().count(), 200);
    assert!(cut.ends_with('…'));
}

#[test]
fn blocked_kicked_and_unknown_chats_are_undeliverable_but_other_errors_are_not() {
    assert!(is_undeliverable(&ApiError::BotBlocked));
    assert!(is_undeliverable(&ApiError::BotKickedFromSupergroup));
    assert!(is_undeliverable(&ApiError::ChatNotFound));
    assert!(is_undeliverable(&ApiError::Unknown(
        "Forbidden: bot is not a member".into()
    )));
    assert!(!is_undeliverable(&ApiError::MessageNotModified));
    assert!(!is_undeliverable(&ApiError::Unknown(
        "Bad Request: message is too long".into()
    )));
}

#[tokio::test]
async fn with_retry_waits_out_rate_limits_and_network_errors_then_succeeds() {
    let calls = Arc::new(AtomicU32::new(0));
    let result = with_retry("test", || {
        let calls = calls.clone();
        async move {
            match calls.fetch_add(1, Ordering::SeqCst) {
                0 => Err(RequestError::RetryAfter(Seconds::from_seconds(0))),
                1 => Err(RequestError::Io(Arc::new(std::io::Error::other("reset")))),
                _ => Ok(7),
            }
        }
    })
    .await;
    assert_eq!(result.unwrap(), 7);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn with_retry_gives_up_at_once_on_an_api_error() {
    let calls = Arc::new(AtomicU32::new(0));
    let result: Result<(), _> = with_retry("test", || {
        let calls = calls.clone();
        async move {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(RequestError::Api(ApiError::BotBlocked))
        }
    })
    .await;
    assert!(matches!(
        result,
        Err(RequestError::Api(ApiError::BotBlocked))
    ));
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn with_retry_stops_after_a_bounded_number_of_attempts() {
    let calls = Arc::new(AtomicU32::new(0));
    let result: Result<(), _> = with_retry("test", || {
        let calls = calls.clone();
        async move {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(RequestError::RetryAfter(Seconds::from_seconds(0)))
        }
    })
    .await;
    assert!(result.is_err());
    assert_eq!(calls.load(Ordering::SeqCst), ATTEMPTS);
}

#[test]
fn the_marked_answer_sentence_is_sent_bold_and_a_stray_marker_stays() {
    assert_eq!(
        bold_marked("“Satu. **Dua &amp; tiga.** Empat.”"),
        "“Satu. <b>Dua &amp; tiga.</b> Empat.”"
    );
    assert_eq!(bold_marked("a ** b"), "a ** b");
    assert_eq!(bold_marked("**x** y **z"), "<b>x</b> y **z");
}
