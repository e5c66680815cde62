//! Unit tests of the Update → Input mapping, on messages parsed from Telegram-shaped JSON.

use serde_json::{Value, json};
use teloxide::types::Message;

use super::*;

const BOT_ID: i64 = 7_000_000_001;
const GROUP: i64 = -1_001_234_567_890;

fn bot() -> BotIdentity {
    BotIdentity {
        id: BOT_ID,
        username: "newsdesk_bot".into(),
    }
}

fn alice() -> Value {
    json!({"id": 42, "is_bot": false, "first_name": "Alice", "username": "alice_r", "language_code": "id"})
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Newsdesk", "username": "newsdesk_bot"})
}

fn private_chat() -> Value {
    json!({"id": 42, "type": "private", "first_name": "Alice"})
}

fn group_chat() -> Value {
    json!({"id": GROUP, "type": "supergroup", "title": "Pembaca"})
}

/// Entities computed the way Telegram does (UTF-16 offsets) for a leading command and @mentions.
fn entities(text: &str) -> Value {
    let mut out = Vec::new();
    let mut byte = 0;
    for word in text.split_inclusive(' ') {
        let token = word.trim_end();
        let kind = if token.starts_with('/') && byte == 0 {
            Some("bot_command")
        } else if token.starts_with('@') {
            Some("mention")
        } else {
            None
        };
        if let Some(kind) = kind {
            let token = token.trim_end_matches([',', ':', '?']);
            out.push(json!({
                "type": kind,
                "offset": text[..byte].encode_utf16().count(),
                "length": token.encode_utf16().count()
            }));
        }
        byte += word.len();
    }
    Value::Array(out)
}

fn message(chat: Value, text: &str, extra: Value) -> Message {
    let mut json = json!({
        "message_id": 10, "date": 1_700_000_000, "chat": chat, "from": alice(),
        "text": text, "entities": entities(text)
    });
    if let Value::Object(extra) = extra {
        json.as_object_mut().unwrap().extend(extra);
    }
    serde_json::from_value(json).expect("a valid Telegram message")
}

fn media(chat: Value, extra: Value) -> Message {
    let mut json = json!({"message_id": 11, "date": 1_700_000_000, "chat": chat, "from": alice()});
    json.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    serde_json::from_value(json).expect("a valid Telegram message")
}

fn event_of(msg: &Message, edited: bool) -> Option<Event> {
    from_message(1, msg, &bot(), edited).map(|input| input.event)
}

fn text(text: &str) -> Option<Event> {
    Some(Event::Text {
        text: text.into(),
        edited: false,
    })
}

fn command(name: &str, args: &str) -> Option<Event> {
    Some(Event::Command {
        name: name.into(),
        args: args.into(),
    })
}

#[test]
fn a_private_text_becomes_a_question_with_sender_and_place() {
    let input = from_message(
        5,
        &message(private_chat(), "gimana cara enkripsi wa?", json!({})),
        &bot(),
        false,
    )
    .expect("private text is always for the bot");
    assert_eq!(input.update_id, Some(5));
    assert_eq!(
        input.place,
        Place {
            chat_id: 42,
            kind: ChatKind::Private,
            thread_id: None,
            message_id: Some(10)
        }
    );
    let sender = input.sender.expect("sender");
    assert_eq!(
        (
            sender.user_id,
            sender.username.as_deref(),
            sender.language_code.as_deref()
        ),
        (42, Some("alice_r"), Some("id"))
    );
    assert!(!sender.is_anonymous);
    assert_eq!(
        input.event,
        Event::Text {
            text: "gimana cara enkripsi wa?".into(),
            edited: false
        }
    );
    assert_eq!(input.replying_to, None);
}

#[test]
fn private_commands_are_parsed_with_or_without_our_suffix() {
    assert_eq!(
        event_of(&message(private_chat(), "/start", json!({})), false),
        command("start", "")
    );
    assert_eq!(
        event_of(
            &message(private_chat(), "/LANG@NewsDesk_Bot  en ", json!({})),
            false
        ),
        command("lang", "en")
    );
    assert_eq!(
        event_of(
            &message(private_chat(), "/ask kapan rilis?\nbaris dua", json!({})),
            false
        ),
        command("ask", "kapan rilis?\nbaris dua")
    );
    assert_eq!(
        event_of(
            &message(private_chat(), "/ask@other_bot x", json!({})),
            false
        ),
        None
    );
}

#[test]
fn a_lone_slash_or_a_path_is_text_not_a_command() {
    assert_eq!(
        event_of(&message(private_chat(), "/", json!({})), false),
        text("/")
    );
    assert_eq!(
        event_of(&message(private_chat(), "/usr/bin?", json!({})), false),
        text("/usr/bin?")
    );
}

#[test]
fn an_edited_private_text_is_answered_again_but_a_group_edit_is_ignored() {
    assert_eq!(
        event_of(&message(private_chat(), "halo lagi", json!({})), true),
        Some(Event::Text {
            text: "halo lagi".into(),
            edited: true
        })
    );
    assert_eq!(
        event_of(
            &message(group_chat(), "/ask@newsdesk_bot x", json!({})),
            true
        ),
        None
    );
}

#[test]
fn group_commands_count_without_suffix_or_with_ours_only() {
    assert_eq!(
        event_of(
            &message(group_chat(), "/ask@newsdesk_bot kapan?", json!({})),
            false
        ),
        command("ask", "kapan?")
    );
    assert_eq!(
        event_of(&message(group_chat(), "/ask kapan?", json!({})), false),
        command("ask", "kapan?")
    );
    assert_eq!(
        event_of(
            &message(group_chat(), "/ask@other_bot kapan?", json!({})),
            false
        ),
        None
    );
}

#[test]
fn group_chatter_is_ignored() {
    assert_eq!(
        event_of(
            &message(group_chat(), "ada yang tahu kabar wa?", json!({})),
            false
        ),
        None
    );
    assert_eq!(
        event_of(
            &message(group_chat(), "tanya @someone_else dong", json!({})),
            false
        ),
        None
    );
}

#[test]
fn a_group_mention_of_the_bot_is_stripped_from_the_question() {
    assert_eq!(
        event_of(
            &message(group_chat(), "@newsdesk_bot, kapan rilis?", json!({})),
            false
        ),
        text("kapan rilis?")
    );
    assert_eq!(
        event_of(
            &message(group_chat(), "😀 tolong @NewsDesk_Bot jelaskan", json!({})),
            false
        ),
        text("😀 tolong jelaskan")
    );
    assert_eq!(
        event_of(&message(group_chat(), "@newsdesk_bot", json!({})), false),
        text("")
    );
}

#[test]
fn a_text_mention_of_the_bot_without_username_counts() {
    let msg: Message = serde_json::from_value(json!({
        "message_id": 12, "date": 1_700_000_000, "chat": group_chat(), "from": alice(),
        "text": "Newsdesk apa kabar", "entities": [{"type": "text_mention", "offset": 0, "length": 8, "user": bot_user()}]
    }))
    .unwrap();
    assert_eq!(event_of(&msg, false), text("apa kabar"));
}

#[test]
fn a_group_reply_to_the_bot_is_a_question_and_remembers_what_it_replies_to() {
    let original = json!({"message_id": 9, "date": 1_700_000_000, "chat": group_chat(), "from": bot_user(), "text": "Jawaban"});
    let input = from_message(
        1,
        &message(
            group_chat(),
            "lalu kapan?",
            json!({"reply_to_message": original}),
        ),
        &bot(),
        false,
    )
    .expect("a reply to the bot is addressed to it");
    assert_eq!(
        input.event,
        Event::Text {
            text: "lalu kapan?".into(),
            edited: false
        }
    );
    assert_eq!(input.replying_to, Some(9));
    assert_eq!(input.place.kind, ChatKind::Group);

    let someone = json!({"message_id": 8, "date": 1_700_000_000, "chat": group_chat(), "from": alice(), "text": "x"});
    assert_eq!(
        event_of(
            &message(group_chat(), "setuju", json!({"reply_to_message": someone})),
            false
        ),
        None
    );
}

#[test]
fn a_forum_topic_message_keeps_its_thread_but_a_plain_thread_reply_does_not() {
    let forum = json!({"id": GROUP, "type": "supergroup", "title": "F", "is_forum": true});
    let topic = message(
        forum,
        "/ask x",
        json!({"message_thread_id": 77, "is_topic_message": true}),
    );
    assert_eq!(
        from_message(1, &topic, &bot(), false)
            .unwrap()
            .place
            .thread_id,
        Some(77)
    );
    let thread_reply = message(group_chat(), "/ask x", json!({"message_thread_id": 5}));
    assert_eq!(
        from_message(1, &thread_reply, &bot(), false)
            .unwrap()
            .place
            .thread_id,
        None
    );
}

#[test]
fn an_anonymous_group_admin_is_marked_anonymous() {
    let anonymous_bot = json!({"id": 1_087_968_824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"});
    let msg = message(
        group_chat(),
        "/stats",
        json!({"sender_chat": group_chat(), "from": anonymous_bot}),
    );
    let sender = from_message(1, &msg, &bot(), false)
        .unwrap()
        .sender
        .unwrap();
    assert!(sender.is_anonymous);
}

#[test]
fn awkward_private_content_is_named_for_the_desk() {
    let sticker = json!({"sticker": {"file_id": "s", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1, "is_animated": false, "is_video": false}});
    let photo =
        json!({"photo": [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}]});
    let voice = json!({"voice": {"file_id": "v", "file_unique_id": "u", "duration": 1, "mime_type": "audio/ogg"}});
    let video = json!({"video": {"file_id": "v", "file_unique_id": "u", "width": 1, "height": 1, "duration": 1, "mime_type": "video/mp4"}});
    for (extra, what) in [
        (sticker, Media::Sticker),
        (photo, Media::Photo),
        (voice, Media::Voice),
        (video, Media::Video),
    ] {
        assert_eq!(
            event_of(&media(private_chat(), extra), false),
            Some(Event::Unsupported { what })
        );
    }
}

#[test]
fn private_content_teloxide_cannot_read_still_gets_a_reply() {
    // teloxide requires `mime_type` on a voice note; without it the message parses as empty.
    let odd_voice = json!({"voice": {"file_id": "v", "file_unique_id": "u", "duration": 1}});
    assert_eq!(
        event_of(&media(private_chat(), odd_voice), false),
        Some(Event::Unsupported { what: Media::Other })
    );
    let pinned = json!({"pinned_message": {"message_id": 1, "date": 0, "chat": private_chat(), "text": "x"}});
    assert_eq!(
        event_of(&media(private_chat(), pinned), false),
        None,
        "service messages are not questions"
    );
}

#[test]
fn a_private_document_is_passed_on_without_bytes() {
    let doc = json!({"document": {"file_id": "d", "file_unique_id": "u", "file_name": "page.txt", "file_size": 2048}});
    assert_eq!(
        event_of(&media(private_chat(), doc), false),
        Some(Event::Document {
            file_name: Some("page.txt".into()),
            bytes: None,
            size: 2048
        })
    );
}

#[test]
fn group_media_counts_only_when_addressed() {
    let sticker = json!({"file_id": "s", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1, "is_animated": false, "is_video": false});
    assert_eq!(
        event_of(&media(group_chat(), json!({"sticker": sticker})), false),
        None
    );
    let original = json!({"message_id": 9, "date": 1_700_000_000, "chat": group_chat(), "from": bot_user(), "text": "Jawaban"});
    assert_eq!(
        event_of(
            &media(
                group_chat(),
                json!({"sticker": sticker, "reply_to_message": original})
            ),
            false
        ),
        Some(Event::Unsupported {
            what: Media::Sticker
        })
    );
    let photo = json!({
        "photo": [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}],
        "caption": "@newsdesk_bot ini apa?", "caption_entities": [{"type": "mention", "offset": 0, "length": 13}]
    });
    assert_eq!(
        event_of(&media(group_chat(), photo), false),
        Some(Event::Unsupported { what: Media::Photo })
    );
}

#[test]
fn long_text_is_passed_through_whole() {
    let long = "kata ".repeat(1000);
    assert_eq!(
        event_of(&message(private_chat(), &long, json!({})), false),
        text(&long)
    );
}

mod chat_events;
