//! Every update the builders make is parsed by teloxide as the kind it stands for.

use super::*;

#[tokio::test]
async fn teloxide_parses_every_message_kind_the_builders_make() {
    let fake = FakeBotApi::start().await;
    let (token, task) = spawn_echo(&fake);
    let alice = alice();
    let private = Chat::private(&alice);
    let group = Chat::supergroup(-1001234567890, "Pembaca");
    let forum = Chat::forum(-1009999999999, "Forum");

    assert_eq!(
        echo_of(&fake, 42, Msg::text(&private, &alice, "halo").message()).await,
        "text:halo | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            group.id,
            Msg::text(&group, &alice, "/ask@newsdesk_bot kapan rilis?").message()
        )
        .await,
        "text:/ask@newsdesk_bot kapan rilis? | BotCommand=/ask@newsdesk_bot | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            group.id,
            Msg::text(&group, &alice, "😀 tanya @newsdesk_bot: apa itu?").message()
        )
        .await,
        "text:😀 tanya @newsdesk_bot: apa itu? | Mention=@newsdesk_bot | from=42 lang=id"
    );
    let bot_message = fake.sent_messages(group.id).last().cloned().unwrap();
    let reply = Msg::text(&group, &alice, "lalu?")
        .reply_to(&bot_message)
        .message();
    assert_eq!(
        echo_of(&fake, group.id, reply).await,
        format!(
            "text:lalu? | reply_to={} by_bot=true | from=42 lang=id",
            bot_message["message_id"]
        )
    );
    assert_eq!(
        echo_of(
            &fake,
            forum.id,
            Msg::text(&forum, &alice, "/ask apa").thread(77).message()
        )
        .await,
        "text:/ask apa | BotCommand=/ask | thread=77 topic=true | from=42 lang=id"
    );
    let anonymous = Msg::text(&group, &alice, "/stats")
        .anonymous_admin()
        .message();
    assert_eq!(
        echo_of(&fake, group.id, anonymous).await,
        format!(
            "text:/stats | BotCommand=/stats | sender_chat={} | from=1087968824 lang=",
            group.id
        )
    );
    assert_eq!(
        echo_of(&fake, 42, Msg::sticker(&private, &alice).message()).await,
        "sticker | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            42,
            Msg::photo(&private, &alice).caption("lihat").message()
        )
        .await,
        "photo | from=42 lang=id"
    );
    assert_eq!(
        echo_of(&fake, 42, Msg::voice(&private, &alice).message()).await,
        "voice | from=42 lang=id"
    );
    assert_eq!(
        echo_of(&fake, 42, Msg::video(&private, &alice).message()).await,
        "video | from=42 lang=id"
    );
    let file = fake.add_file("halaman.txt", b"Judul\n\nIsi".to_vec());
    assert_eq!(
        echo_of(&fake, 42, Msg::document(&private, &alice, &file).message()).await,
        "document:file-1:halaman.txt | from=42 lang=id"
    );
    let basic = Chat::group(-4001, "Grup lama");
    assert_eq!(
        echo_of(
            &fake,
            basic.id,
            Msg::new_members(&basic, &alice, &[fake.bot()]).message()
        )
        .await,
        "joined:7000000001 | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            basic.id,
            Msg::migrate(&basic, &alice, -1005550001).message()
        )
        .await,
        "migrate:-1005550001 | from=42 lang=id"
    );

    stop(token, task).await;
}

#[tokio::test]
async fn teloxide_parses_edits_callbacks_and_membership_updates() {
    let fake = FakeBotApi::start().await;
    let (token, task) = spawn_echo(&fake);
    let alice = alice();
    let private = Chat::private(&alice);

    let first = fake.push(Msg::text(&private, &alice, "halo").message());
    fake.wait_for_calls("sendMessage", 1).await;
    let edit = Msg::text(&private, &alice, "halo lagi")
        .id(first.message_id() as i64)
        .edited();
    assert_eq!(
        echo_of(&fake, 42, edit).await,
        "edited text:halo lagi | from=42 lang=id"
    );

    let bot_message = fake.sent_messages(42).first().cloned().unwrap();
    let pressed = callback(&alice, &bot_message, "fb:up:12");
    assert_eq!(
        echo_of(&fake, 42, pressed).await,
        format!(
            "callback:fb:up:12 on {} instance=instance42",
            bot_message["message_id"]
        )
    );
    let answers = fake.calls_of("answerCallbackQuery");
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].params["callback_query_id"], "cb-1");
    assert_eq!(answers[0].params["text"], "ok");
    assert!(answers[0].ok);

    let group = Chat::supergroup(-1001234567890, "Pembaca");
    let joined = my_chat_member(&group, &alice, &fake.bot(), "left", "member");
    assert_eq!(
        echo_of(&fake, group.id, joined).await,
        "member:Left->Member me=true"
    );
    let promoted = my_chat_member(&group, &alice, &fake.bot(), "member", "administrator");
    assert_eq!(
        echo_of(&fake, group.id, promoted).await,
        "member:Member->Administrator me=true"
    );

    stop(token, task).await;
}
