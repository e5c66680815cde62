//! Unit tests of chat events that are not messages to answer: a group's migration, the bot
//! being added or removed, button presses.

use serde_json::{Value, json};
use teloxide::types::{CallbackQuery, ChatMemberUpdated};

use super::*;

#[test]
fn a_migration_notice_moves_the_group() {
    let msg = media(
        json!({"id": -4001, "type": "group", "title": "G"}),
        json!({"migrate_to_chat_id": -1_005_550_001i64}),
    );
    assert_eq!(
        event_of(&msg, false),
        Some(Event::Migrated {
            to_chat_id: -1_005_550_001
        })
    );
}

#[test]
fn the_new_members_notice_is_left_to_my_chat_member_so_the_group_is_greeted_once() {
    let msg = media(group_chat(), json!({"new_chat_members": [bot_user()]}));
    assert_eq!(event_of(&msg, false), None);
}

fn membership(old: &str, new: &str, user: Value, chat: Value) -> ChatMemberUpdated {
    serde_json::from_value(json!({
        "chat": chat, "from": alice(), "date": 1_700_000_000,
        "old_chat_member": {"user": user.clone(), "status": old, "until_date": 0},
        "new_chat_member": {"user": user, "status": new, "until_date": 0}
    }))
    .unwrap()
}

#[test]
fn being_added_to_a_group_is_announced_once_and_other_membership_changes_are_not() {
    let added = from_membership(
        3,
        &membership("left", "member", bot_user(), group_chat()),
        &bot(),
    )
    .unwrap();
    assert_eq!(added.event, Event::AddedToGroup);
    assert_eq!(added.place.chat_id, GROUP);
    assert_eq!(added.sender.unwrap().user_id, 42);
    assert!(
        from_membership(
            3,
            &membership("member", "left", bot_user(), group_chat()),
            &bot()
        )
        .is_none()
    );
    assert!(
        from_membership(
            3,
            &membership("left", "member", alice(), group_chat()),
            &bot()
        )
        .is_none()
    );
    assert!(
        from_membership(
            3,
            &membership("member", "kicked", bot_user(), private_chat()),
            &bot()
        )
        .is_none()
    );
}

#[test]
fn a_button_press_names_the_data_the_message_and_its_chat() {
    let bot_message = json!({
        "message_id": 30, "date": 1_700_000_000, "chat": group_chat(), "from": bot_user(), "text": "Jawaban",
        "message_thread_id": 77, "is_topic_message": true
    });
    let query: CallbackQuery = serde_json::from_value(json!({
        "id": "cb-1", "from": alice(), "chat_instance": "i", "message": bot_message, "data": "fb:up:12"
    }))
    .unwrap();
    let input = from_callback(4, &query).unwrap();
    assert_eq!(
        input.event,
        Event::Callback {
            data: "fb:up:12".into(),
            message_id: 30
        }
    );
    assert_eq!(
        input.place,
        Place {
            chat_id: GROUP,
            kind: ChatKind::Group,
            thread_id: Some(77),
            message_id: Some(30)
        }
    );

    let no_data: CallbackQuery = serde_json::from_value(
        json!({"id": "cb-2", "from": alice(), "chat_instance": "i", "game_short_name": "g"}),
    )
    .unwrap();
    assert!(from_callback(5, &no_data).is_none());
}
