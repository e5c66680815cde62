//! Group commit (`store::group`): chats' turns committed together stay all-or-nothing each — a
//! turn that fails fails alone, and the others of its group are committed.

use std::time::Duration;

use chrono::Utc;
use newsdesk::nlu::{Intent, Lang};
use newsdesk::store::{NewQuestion, NewTicket, Store};

use crate::common::TestApp;

/// One reader's turn as the desk runs it: its state read outside the write lock, a question
/// logged, the state saved, all written at `COMMIT`. A `confidence` of NaN makes the turn's own
/// statement fail: SQLite stores a NaN as NULL, against the column's NOT NULL.
async fn turn(store: Store, chat_id: i64, confidence: f32) -> anyhow::Result<i64> {
    let now = Utc::now();
    let mut tx = store.begin_turn().await?;
    let mut state = tx.chat_state(chat_id, false, now).await?;
    let id = tx
        .log_question(&NewQuestion {
            chat_id,
            user_id: Some(chat_id),
            text: "berapa harga tiket kereta cepat?",
            intent: Intent::Article,
            confidence,
            answered: true,
            answer: "Sekitar Rp 300 ribu.",
            lang: Lang::Id,
            at: now,
        })
        .await?;
    state.questions += 1;
    state.last_update_id = Some(chat_id * 10);
    tx.save_chat_state(&state).await?;
    tx.commit().await?;
    Ok(id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_turn_that_fails_inside_a_group_commit_fails_alone_and_its_neighbours_are_committed() {
    let t = TestApp::spawn().await;
    let store = t.app.store.clone();
    // The write lock held meanwhile, so that the six turns queue and are committed as one group.
    let blocker = store.begin_write().await.unwrap();
    let turns: Vec<_> = (1..=6)
        .map(|chat| {
            let confidence = if chat == 4 { f32::NAN } else { 0.5 };
            tokio::spawn(turn(store.clone(), chat, confidence))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    blocker.rollback().await.unwrap();

    let mut ids = Vec::new();
    for (chat, turn) in (1..=6).zip(turns) {
        let outcome = turn.await.unwrap();
        let state = store.chat_state(chat).await.unwrap();
        if chat == 4 {
            assert!(outcome.is_err(), "the failing turn reports its failure");
            assert!(state.is_none(), "nothing of the failing turn was written");
        } else {
            ids.push(outcome.unwrap());
            let state = state.expect("a committed turn's chat exists");
            assert_eq!(
                (state.questions, state.last_update_id),
                (1, Some(chat * 10))
            );
        }
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "every committed question has its own id");

    // Retried alone, the turn that failed commits, and its question gets an id nobody had.
    let id = turn(store.clone(), 4, 0.5).await.unwrap();
    assert!(!ids.contains(&id));
    assert_eq!(store.chat_state(4).await.unwrap().unwrap().questions, 1);
}

#[tokio::test]
async fn a_write_a_turn_reads_the_result_of_is_undone_with_the_turn_when_it_does_not_commit() {
    let t = TestApp::spawn().await;
    let store = t.app.store.clone();
    turn(store.clone(), 7, 0.5).await.unwrap();
    let now = Utc::now();

    // A reader's turn that opens a ticket (a write whose id it reads back) and then fails.
    let mut tx = store.begin_turn().await.unwrap();
    tx.chat_state(7, false, now).await.unwrap();
    tx.open_ticket(&NewTicket {
        chat_id: 7,
        user_id: 7,
        reader_name: "Sari",
        reader_username: None,
        lang: Lang::Id,
        at: now,
    })
    .await
    .unwrap();
    drop(tx);

    // Its retry finds no ticket: the write was part of the turn's transaction, not an
    // autocommit of its own.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut tx = store.begin_turn().await.unwrap();
    assert_eq!(tx.open_ticket_of_chat(7).await.unwrap(), None);
}
