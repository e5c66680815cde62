//! The answering engine through its public API: routing between articles, follow-ups, "more",
//! languages, the newest ticker, awkward input, and the `ask --json` line.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use newsdesk::content::{self, Article};
use newsdesk::nlu::{Engine, Intent, Intents, Lang, Lexicon, Question, ReplyKey, Topic};

fn article(id: i64, path: &str, second: u32) -> Article {
    let raw = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 9, 1, 0, 0, second).unwrap(),
        content_hash: content::content_hash(&raw),
        parsed: content::parse(&raw).unwrap(),
    }
}

const SEED: &str = "content/kontan-whatsapp-privasi-2021.txt";
const DEPOSITO: &str = "tests/fixtures/kontan-deposito-bank-digital-2024.txt";
const PAKET: &str = "tests/fixtures/plain-paket-data-internet.txt";

fn engine() -> Engine {
    Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        &[
            article(10, SEED, 1),
            article(20, DEPOSITO, 2),
            article(30, PAKET, 3),
        ],
    )
}

#[test]
fn a_question_goes_to_the_article_that_answers_it() {
    let e = engine();
    let a = e.answer(&Question::new("berapa bunga penjaminan LPS?"));
    assert!(a.answered && a.sources[0].article_id == 20, "{a:?}");
    let a = e.answer(&Question::new("kapan facebook beli whatsapp?"));
    assert!(a.answered && a.sources[0].article_id == 10 && a.text.contains("2014"));
    let a = e.answer(&Question::new("gimana cara cek sisa kuota?"));
    assert!(a.answered && a.sources[0].article_id == 30);
}

#[test]
fn an_article_answer_quotes_the_paragraph_and_cites_title_and_date() {
    let a = engine().answer(&Question::new("Tahun berapa WhatsApp diakuisisi Facebook?"));
    assert_eq!(a.intent, Intent::Article);
    assert!(
        a.text
            .contains("Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp")
    );
    assert!(a.text.contains("13 Januari 2021"));
    assert!(
        a.text
            .contains("Facebook sendiri telah membeli WhatsApp pada tahun 2014")
    );
    assert!((0.0..=1.0).contains(&a.confidence));
    assert_eq!(
        a.topic,
        Some(Topic::Article {
            article_id: 10,
            paragraph: a.sources[0].paragraph
        })
    );
}

#[test]
fn english_questions_get_english_framing_around_the_indonesian_quote() {
    let a = engine().answer(&Question::new("When did Facebook buy WhatsApp?"));
    assert_eq!(a.lang, Lang::En);
    assert!(a.text.starts_with("According to the article"));
    assert!(a.text.contains("pada tahun 2014"));
}

#[test]
fn a_forced_language_wins_over_the_question_s_own() {
    let q = Question {
        text: "harga emas",
        lang: Some(Lang::En),
        context: None,
    };
    let a = engine().answer(&q);
    assert_eq!(a.lang, Lang::En);
    assert!(
        a.text.contains(" up ") || a.text.contains(" down "),
        "{}",
        a.text
    );
}

#[test]
fn the_ticker_comes_from_the_newest_import() {
    // The paket article has no ticker; of the two pages with one, the deposito page is newer.
    let a = engine().answer(&Question::new("harga emas hari ini"));
    assert_eq!(a.intent, Intent::Ticker);
    assert!(
        a.text.contains("1.392.000") && a.text.contains("turun"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Bunga deposito bank digital"), "{}", a.text);
    assert_eq!(
        a.topic,
        Some(Topic::Indicator {
            name: "EMAS".into()
        })
    );
}

#[test]
fn indicators_off_the_ticker_are_refused_not_swapped() {
    for q in [
        "Berapa kurs euro?",
        "harga bitcoin",
        "What is the oil price?",
        "harga minyak hari ini",
    ] {
        let a = engine().answer(&Question::new(q));
        assert!(!a.answered && a.intent == Intent::Fallback, "{q}: {a:?}");
        assert!(
            !a.text.contains("16.180") && !a.text.contains("1.392.000"),
            "{q}: {}",
            a.text
        );
    }
}

#[test]
fn follow_ups_resolve_against_the_topic_they_are_given() {
    let e = engine();
    let first = e.answer(&Question::new("facebook beli whatsapp"));
    let topic = first.topic.clone().unwrap();
    let a = e.answer(&Question {
        text: "berapa harganya?",
        lang: None,
        context: Some(&topic),
    });
    assert!(a.answered && a.text.contains("19 miliar"), "{a:?}");

    let gold = Topic::Indicator {
        name: "EMAS".into(),
    };
    let a = e.answer(&Question {
        text: "naik atau turun?",
        lang: None,
        context: Some(&gold),
    });
    assert_eq!(a.intent, Intent::Ticker);
    assert!(a.text.contains("EMAS"));

    // Without the context the same words are refused.
    assert!(!e.answer(&Question::new("berapa harganya?")).answered);
}

#[test]
fn more_gives_the_next_paragraph_and_says_when_the_article_ends() {
    let e = engine();
    let a = e.more(10, 0, Lang::Id).unwrap();
    assert!(a.text.contains("ajakan boikot") && a.sources[0].paragraph == 1);
    let last = e.more(10, 8, Lang::En).unwrap();
    assert!(last.sources.is_empty() && last.text.contains("last paragraph"));
    assert!(e.more(999, 0, Lang::Id).is_none());
}

#[test]
fn awkward_input_gets_a_polite_refusal_never_a_panic() {
    let e = engine();
    let long = "kenapa ".repeat(5000);
    for q in [
        "",
        "   ",
        "🙂🙂🙂",
        "\u{0}\u{1}\u{2}",
        "?!?!",
        long.as_str(),
        "ａｂｃ ＷＡ",
    ] {
        let a = e.answer(&Question::new(q));
        assert!(!a.text.is_empty(), "{q:?}");
        assert!((0.0..=1.0).contains(&a.confidence));
    }
    assert!(!e.answer(&Question::new("🙂🙂")).answered);
}

#[test]
fn an_engine_over_no_articles_still_answers_small_talk_and_refuses_the_rest() {
    let e = Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        &[],
    );
    assert_eq!(e.answer(&Question::new("halo")).intent, Intent::Greeting);
    assert!(!e.answer(&Question::new("harga emas")).answered);
    assert!(
        !e.answer(&Question::new("kapan facebook beli whatsapp"))
            .answered
    );
}

#[test]
fn the_json_line_has_exactly_the_contract_fields() {
    let a = engine().answer(&Question::new("Siapa penulis berita whatsapp?"));
    let v: serde_json::Value = serde_json::from_str(&a.to_json_line()).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["answered", "confidence", "intent", "sources", "text"]
    );
    assert_eq!(v["intent"], "meta");
    assert_eq!(v["sources"][0]["article_id"], 10);
    assert!(v["text"].as_str().unwrap().contains("Ahmad Febrian"));
}

#[test]
fn topics_round_trip_through_json_for_storage() {
    for t in [
        Topic::Article {
            article_id: 3,
            paragraph: 2,
        },
        Topic::Indicator {
            name: "USD/IDR".into(),
        },
    ] {
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Topic>(&json).unwrap(), t);
    }
}

#[test]
fn detect_lang_and_reply_text_are_available_to_the_desk() {
    let e = engine();
    assert_eq!(e.detect_lang("who wrote this?"), Some(Lang::En));
    assert_eq!(e.detect_lang("siapa yang menulis?"), Some(Lang::Id));
    assert!(
        !e.reply_text(ReplyKey::Fallback, Lang::Id)
            .contains("/human")
    );
    assert!(
        e.reply_text(ReplyKey::Fallback, Lang::En)
            .contains("Bunga deposito bank digital")
    );
}

#[test]
fn a_who_question_with_a_predicate_no_article_uses_is_refused() {
    let e = engine();
    for q in ["Siapa pendiri Telegram?", "Who founded Signal?"] {
        let a = e.answer(&Question::new(q));
        assert!(!a.answered, "{q} answered: {}", a.text);
    }
    let a = e.answer(&Question::new("Siapa yang membeli WhatsApp?"));
    assert!(a.answered && a.text.contains("2014"), "{}", a.text);
}

#[test]
fn a_yes_no_question_is_not_answered_by_the_rumour_it_doubts() {
    let a = engine().answer(&Question::new(
        "Benarkah WhatsApp akan menyerahkan data penggunanya kepada Facebook?",
    ));
    assert!(a.answered && a.text.contains("membantah"), "{}", a.text);
}

#[test]
fn a_figure_asked_of_an_archive_without_a_ticker_gets_no_empty_indicator_list() {
    let e = Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        &[article(30, PAKET, 3)],
    );
    for (question, lang) in [
        ("harga emas hari ini berapa?", Lang::Id),
        ("what is the gold price today?", Lang::En),
    ] {
        let a = e.answer(&Question {
            text: question,
            lang: Some(lang),
            context: None,
        });
        assert!(!a.answered, "{a:?}");
        assert!(!a.text.contains(": ."), "{}", a.text);
        assert!(!a.text.trim_end().ends_with(':'), "{}", a.text);
    }
}

#[test]
fn explain_shows_the_decision_the_reader_gets_not_the_bare_ranking_s() {
    let e = engine();
    for q in [
        "berapa bunga penjaminan LPS?",
        "kapan facebook beli whatsapp?",
        "Siapa pendiri Telegram?",
        "Who founded Signal?",
        "Siapa yang membeli WhatsApp?",
    ] {
        let question = Question::new(q);
        let answered = e.answer(&question).answered;
        let trace = e.explain(&question);
        assert!(
            trace.contains(&format!("answer {answered}")),
            "{q}: answered={answered} but explain says:\n{trace}"
        );
        assert!(trace.contains("features:"), "{q}: no features in\n{trace}");
    }
}
