//! Faults around the bot, through the whole bot and the fake Bot API: a chat flooding it, the
//! database failing or held by another process, Telegram failing sends (500, a proxy's HTML 502,
//! a ten-second outage, an answer after twenty seconds), and the API unreachable at start.

use crate::common;

use std::time::Duration;

use common::bot::{ADMIN_ID, TestBot, admin, button, reader, text};
use common::fake_bot_api::{Chat, Failure, FakeBotApi, Msg, Person, callback};
use common::{ACQUISITION, TestApp, deposit_page};
use newsdesk::store::{Handled, InboxState};
use newsdesk::telegram::RateLimits;
use sqlx::Connection;

/// A connection of "another process" to the test's database file.
async fn other_process(bot: &TestBot) -> sqlx::SqliteConnection {
    let url = format!("sqlite://{}", bot.files.database_path().display());
    sqlx::SqliteConnection::connect(&url)
        .await
        .expect("a second connection")
}

fn apologies(bot: &TestBot, chat_id: i64) -> usize {
    bot.texts(chat_id)
        .iter()
        .filter(|t| t.starts_with("Maaf, ada gangguan") || t.starts_with("Sorry, something"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_chat_gets_one_slow_down_notice_and_other_chats_are_answered_meanwhile() {
    // Telegram's real limits: the flood's own answers take seconds to leave.
    let bot = TestBot::spawn_tuned(TestApp::builder().seed_content(), None, |c| {
        c.limits = RateLimits::default();
    })
    .await;
    let flooder = reader();
    let flood_chat = Chat::private(&flooder);
    let mut updates: Vec<_> = (0..100)
        .map(|i| Msg::text(&flood_chat, &flooder, &format!("{ACQUISITION} {i}")).message())
        .collect();
    let others: Vec<Person> = (0..5)
        .map(|i| Person::new(500 + i, "Rina").lang("id"))
        .collect();
    for person in &others {
        updates.push(Msg::text(&Chat::private(person), person, ACQUISITION).message());
    }
    // All at once: pushed one by one, a poll could catch the first few of the flood alone (the
    // test thread preempted mid-loop on a busy machine), and those would be answered before the
    // rest arrived — more than the ten answers counted below.
    bot.fake.push_all(updates);
    let pushed = std::time::Instant::now();
    for person in &others {
        let answer = bot
            .fake
            .wait_for_sent_within(person.id, 1, Duration::from_secs(5))
            .await;
        assert!(text(&answer[0]).contains("2014"), "{}", text(&answer[0]));
    }
    eprintln!(
        "figure: during a 100-message flood the 5 other chats were answered within {:?}",
        pushed.elapsed()
    );
    let flood = bot
        .fake
        .wait_for_sent_within(flood_chat.id, 11, Duration::from_secs(30))
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let texts = bot.texts(flood_chat.id);
    assert_eq!(texts.len(), 11, "ten answers and one notice: {texts:#?}");
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("Pelan-pelan"))
            .count(),
        1,
        "{texts:#?}"
    );
    assert!(
        text(&flood[0]).starts_with("Pelan-pelan") || text(&flood[0]).contains("2014"),
        "{}",
        text(&flood[0])
    );
    let inbox = bot.app.store.inbox_counts().await.unwrap();
    assert!(
        inbox.contains(&(InboxState::Handled(Handled::Excess), 90)),
        "the excess is recorded: {inbox:?}"
    );
}

#[tokio::test]
async fn a_storage_fault_is_waited_out_and_everything_queued_is_then_answered_once() {
    let bot = TestBot::spawn().await;
    let mut other = other_process(&bot).await;
    // Every turn fails at its last step, as a full or read-only disk would make it fail.
    sqlx::query(
        "CREATE TRIGGER fault BEFORE UPDATE ON inbox
         BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END",
    )
    .execute(&mut other)
    .await
    .unwrap();
    let (budi, emma) = (reader(), Person::new(77, "Emma").lang("en"));
    for who in [&budi, &emma] {
        for _ in 0..2 {
            bot.fake
                .push(Msg::text(&Chat::private(who), who, ACQUISITION).message());
        }
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        bot.fake.calls_of("sendMessage").len(),
        0,
        "nothing half-done"
    );

    sqlx::query("DROP TRIGGER fault")
        .execute(&mut other)
        .await
        .unwrap();
    let cleared = std::time::Instant::now();
    for who in [&budi, &emma] {
        bot.wait_for_messages(who.id, 2).await;
    }
    eprintln!(
        "figure: storage fault cleared -> 4 queued updates answered in {:?}",
        cleared.elapsed()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    for who in [&budi, &emma] {
        assert_eq!(bot.texts(who.id).len(), 2, "{:?}", bot.texts(who.id));
        assert_eq!(apologies(&bot, who.id), 0);
    }
    // And the bot keeps working: no connection was left inside a transaction.
    let later = bot
        .answer_to(
            Msg::text(&Chat::private(&budi), &budi, ACQUISITION).message(),
            budi.id,
        )
        .await;
    assert!(text(&later).contains("2014"), "{}", text(&later));
}

#[tokio::test]
async fn a_fault_that_outlasts_the_patience_gets_one_plain_apology() {
    let bot = TestBot::spawn_tuned(
        TestApp::builder().seed_content().admins(&[ADMIN_ID]),
        None,
        |c| c.storage_patience = Duration::from_millis(800),
    )
    .await;
    let mut other = other_process(&bot).await;
    sqlx::query(
        "CREATE TRIGGER fault BEFORE UPDATE ON chats
         BEGIN SELECT RAISE(ABORT, 'database or disk is full (injected)'); END",
    )
    .execute(&mut other)
    .await
    .unwrap();
    let budi = reader();
    let told = bot
        .answer_to(
            Msg::text(&Chat::private(&budi), &budi, ACQUISITION).message(),
            budi.id,
        )
        .await;
    assert!(
        text(&told).starts_with("Maaf, ada gangguan"),
        "{}",
        text(&told)
    );
    assert_eq!(
        bot.app.store.inbox_counts().await.unwrap(),
        vec![(InboxState::Handled(Handled::Failed), 1)]
    );
}

#[tokio::test]
async fn publishing_during_a_storage_fault_keeps_the_draft_and_completes_once_it_clears() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let file = bot.fake.add_file("deposito.txt", deposit_page());
    let preview = bot
        .answer_to(
            Msg::document(&boss_chat, &boss, &file).message(),
            boss_chat.id,
        )
        .await;
    let mut other = other_process(&bot).await;
    sqlx::query(
        "CREATE TRIGGER full BEFORE INSERT ON paragraphs
         BEGIN SELECT RAISE(ABORT, 'database or disk is full (injected)'); END",
    )
    .execute(&mut other)
    .await
    .unwrap();
    bot.fake
        .push(callback(&boss, &preview, &button(&preview, "Terbitkan")));
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts")
        .fetch_one(&mut other)
        .await
        .unwrap();
    assert_eq!(
        drafts, 1,
        "the draft is kept while the article cannot be stored"
    );
    assert_eq!(bot.texts(boss_chat.id).len(), 1, "no empty confirmation");

    sqlx::query("DROP TRIGGER full")
        .execute(&mut other)
        .await
        .unwrap();
    let confirmation = bot.wait_for_messages(boss_chat.id, 2).await;
    assert!(
        text(&confirmation[1]).contains("Terbit sebagai artikel #2"),
        "{}",
        text(&confirmation[1])
    );
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 2);
}

#[tokio::test]
async fn another_process_holding_the_database_for_ten_seconds_is_waited_for() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    bot.answer_to(
        Msg::text(&Chat::private(&budi), &budi, "/start").message(),
        budi.id,
    )
    .await;
    let before = bot.texts(budi.id).len();
    let mut other = other_process(&bot).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    bot.fake
        .push(Msg::text(&Chat::private(&budi), &budi, ACQUISITION).message());
    tokio::time::sleep(Duration::from_secs(10)).await;
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    let answer = bot
        .fake
        .wait_for_sent_within(budi.id, before + 1, Duration::from_secs(20))
        .await;
    assert!(
        text(&answer[before]).contains("2014"),
        "{}",
        text(&answer[before])
    );
    assert_eq!(apologies(&bot, budi.id), 0);
}

#[tokio::test]
async fn a_500_and_a_proxys_html_502_on_a_send_are_retried_and_the_reply_arrives_once() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    bot.fake.fail_next(
        "sendMessage",
        Failure::Api(500, "Internal Server Error".into()),
    );
    bot.fake.fail_next("sendMessage", Failure::Html(502));
    let answer = bot
        .answer_to(
            Msg::text(&Chat::private(&budi), &budi, ACQUISITION).message(),
            budi.id,
        )
        .await;
    assert!(text(&answer).contains("2014"));
    let calls = bot.fake.calls_of("sendMessage");
    assert_eq!(calls.iter().filter(|c| !c.ok).count(), 2);
    assert_eq!(calls.iter().filter(|c| c.ok).count(), 1);
}

#[tokio::test]
async fn replies_due_during_a_ten_second_outage_arrive_after_it() {
    let bot = TestBot::spawn().await;
    bot.fake.outage("sendMessage", Duration::from_secs(10));
    let outage_start = std::time::Instant::now();
    let readers: Vec<Person> = (0..3)
        .map(|i| Person::new(600 + i, "Tono").lang("id"))
        .collect();
    for who in &readers {
        bot.fake
            .push(Msg::text(&Chat::private(who), who, ACQUISITION).message());
    }
    for who in &readers {
        let answer = bot
            .fake
            .wait_for_sent_within(who.id, 1, Duration::from_secs(40))
            .await;
        assert!(text(&answer[0]).contains("2014"));
    }
    assert!(bot.fake.calls_of("sendMessage").iter().any(|c| !c.ok));
    eprintln!(
        "figure: 10 s sendMessage outage -> all 3 replies delivered {:?} after it began",
        outage_start.elapsed()
    );
}

#[tokio::test]
async fn a_send_answered_after_twenty_seconds_reaches_the_reader_once() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    bot.fake
        .fail_next("sendMessage", Failure::Delay(Duration::from_secs(20)));
    bot.fake
        .push(Msg::text(&Chat::private(&budi), &budi, ACQUISITION).message());
    bot.fake
        .wait_for_sent_within(budi.id, 1, Duration::from_secs(30))
        .await;
    // Long enough for a hasty resend to have shown up.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(bot.texts(budi.id).len(), 1, "{:?}", bot.texts(budi.id));
    assert_eq!(bot.fake.calls_of("sendMessage").len(), 1);
}

#[tokio::test]
async fn an_api_unreachable_at_start_is_waited_for_instead_of_exiting() {
    // A port nobody listens on yet: the bot starts against it, then the API comes up there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let files = TestApp::builder().seed_content().build().await;
    let desk = files.app.desk().await.unwrap();
    let url: url::Url = format!("http://{port}/").parse().unwrap();
    let mut config = newsdesk::telegram::Config::new(common::fake_bot_api::TOKEN, Some(url));
    config.poll_timeout = Duration::from_secs(1);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(newsdesk::telegram::run(config, desk, async move {
        let _ = stopped.await;
    }));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!task.is_finished(), "the bot did not give up");
    let fake = FakeBotApi::start_on(port).await;
    let budi = reader();
    fake.push(Msg::text(&Chat::private(&budi), &budi, ACQUISITION).message());
    let answer = fake
        .wait_for_sent_within(budi.id, 1, Duration::from_secs(15))
        .await;
    assert!(text(&answer[0]).contains("2014"));
    let _ = stop.send(());
    task.await.unwrap().unwrap();
}
