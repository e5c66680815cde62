//! Long polling: the dispatcher's start, confirming offsets, re-delivery after a restart, and
//! `getUpdates`' offset, limit, timeout and allowed_updates.

use super::*;

#[tokio::test]
async fn the_dispatcher_start_calls_get_me_and_polls_with_confirming_offsets() {
    let fake = FakeBotApi::start_at(500).await;
    let (token, task) = spawn_echo(&fake);
    let alice = alice();
    let private = Chat::private(&alice);
    let first = fake.push(Msg::text(&private, &alice, "satu").message());
    let second = fake.push(Msg::text(&private, &alice, "dua").message());
    assert_eq!((first.update_id, second.update_id), (500, 501));
    fake.wait_for_calls("sendMessage", 2).await;
    fake.wait_confirmed(second.update_id).await;
    stop(token, task).await;

    let methods: Vec<String> = fake.calls().iter().map(|c| c.method.clone()).collect();
    let position = |m: &str| methods.iter().position(|x| x == m);
    assert!(
        position("getMe") < position("sendMessage"),
        "no getMe before the first send: {methods:?}"
    );
    assert!(
        position("getWebhookInfo").is_some(),
        "polling checks for a webhook first: {methods:?}"
    );
    let polls = fake.get_updates_calls();
    assert!(
        polls.iter().any(|c| c.params["offset"] == json!(502)),
        "no confirming offset: {polls:?}"
    );
    assert_eq!(
        fake.sent_texts(42),
        vec!["text:satu | from=42 lang=id", "text:dua | from=42 lang=id"]
    );
}

#[tokio::test]
async fn a_restarted_bot_gets_unconfirmed_updates_again() {
    let fake = FakeBotApi::start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    let (token, task) = spawn_echo(&fake);
    let pushed = fake.push(Msg::text(&private, &alice, "sekali").message());
    fake.wait_for_calls("sendMessage", 1).await;
    fake.wait_confirmed(pushed.update_id).await;
    stop(token, task).await;

    fake.unconfirm_from(pushed.update_id);
    let (token, task) = spawn_echo(&fake);
    let calls = fake.wait_for_calls("sendMessage", 2).await;
    assert_eq!(calls[1].params["text"], calls[0].params["text"]);
    stop(token, task).await;
}

#[tokio::test]
async fn get_updates_honours_offset_limit_timeout_and_allowed_updates() {
    let fake = FakeBotApi::start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    for text in ["a", "b", "c"] {
        fake.push(Msg::text(&private, &alice, text).message());
    }
    let batch = get_updates(&fake, json!({"limit": 2})).await;
    assert_eq!(
        batch
            .iter()
            .map(|u| u["update_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    // Without a higher offset nothing is confirmed.
    assert_eq!(get_updates(&fake, json!({})).await.len(), 3);
    let rest = get_updates(&fake, json!({"offset": 3})).await;
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["message"]["text"], "c");
    assert!(
        get_updates(&fake, json!({"offset": 4, "timeout": 0}))
            .await
            .is_empty()
    );

    // A long poll returns as soon as an update arrives.
    let waiting = tokio::spawn(get_updates_at(
        get_updates_url(&fake),
        json!({"offset": 4, "timeout": 5}),
    ));
    tokio::time::sleep(Duration::from_millis(100)).await;
    fake.push(Msg::text(&private, &alice, "d").message());
    let batch = waiting.await.unwrap();
    assert_eq!(batch[0]["update_id"], 4);

    // allowed_updates filters kinds and is kept for later calls.
    fake.push(callback(
        &alice,
        &json!({"message_id": 1, "date": 0, "chat": private.json()}),
        "x",
    ));
    fake.push(Msg::text(&private, &alice, "e").message());
    let only_messages =
        get_updates(&fake, json!({"offset": 5, "allowed_updates": ["message"]})).await;
    assert_eq!(only_messages.len(), 1);
    assert_eq!(only_messages[0]["message"]["text"], "e");
    assert_eq!(get_updates(&fake, json!({"offset": 5})).await.len(), 1);
}
