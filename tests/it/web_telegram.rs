//! Content from the web through the whole bot (fake Bot API over real HTTP, the local news site):
//! feed → fetch → extract → publish → subscribers told once with links → a question answered from
//! the new article with a "Baca selengkapnya" URL button; an admin's URL previewed and published;
//! review-mode feeds sent to the admins; `/feeds`, `/feed_add`, `/feed_remove` for admins only, in
//! their own command menu.

use newsdesk::web::poller;
use serde_json::Value;

use crate::common::bot::{ADMIN_ID, TestBot, admin, button, buttons, reader, text};
use crate::common::fake_bot_api::{Chat, Msg, callback};
use crate::common::web_server::{Item, WebServer};
use crate::common::{TestApp, TestAppBuilder};

const DETIK_CANONICAL: &str = "https://finance.detik.com/berita-ekonomi-bisnis/d-7541234/tarif-krl-jabodetabek-naik-jadi-rp-5000-mulai-oktober-ini-rinciannya";

fn web_bot_app() -> TestAppBuilder {
    TestApp::builder()
        .seed_content()
        .admins(&[ADMIN_ID])
        .env("NEWSDESK_FETCH_ALLOW_PRIVATE", "1")
}

/// `(label, url)` of every link button under a message.
fn link_buttons(message: &Value) -> Vec<(String, String)> {
    message["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| {
            Some((
                b["text"].as_str()?.to_string(),
                b["url"].as_str()?.to_string(),
            ))
        })
        .collect()
}

#[tokio::test]
async fn a_feed_article_is_published_announced_once_with_links_and_answered_with_a_read_more_button()
 {
    let site = WebServer::start().await;
    site.set_items(vec![
        Item::page("detik-tarif-krl.html", "Tarif KRL naik"),
        Item::page("antaranews-beras-bulog.html", "Bulog salurkan beras"),
    ]);
    let bot = TestBot::spawn_with(web_bot_app(), None).await;
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    bot.answer_to(
        Msg::text(&budi_chat, &budi, "/subscribe").message(),
        budi_chat.id,
    )
    .await;
    bot.app
        .store
        .add_feed(&site.url("/rss.xml"), false)
        .await
        .unwrap();

    let reports = poller::tick(&bot.app, &bot.desk, &bot.outlet)
        .await
        .unwrap();
    assert_eq!(reports[0].items.len(), 2, "{reports:?}");
    let notices = bot.wait_for_messages(budi_chat.id, 2).await;
    let notice = text(&notices[1]);
    assert!(notice.starts_with("📰 2 artikel baru:"), "{notice}");
    assert!(notice.contains(DETIK_CANONICAL), "{notice}");
    assert!(
        notice.contains("https://www.antaranews.com/berita/4290001/"),
        "{notice}"
    );

    let answer = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, "Berapa tarif KRL yang baru?").message(),
            budi_chat.id,
        )
        .await;
    assert!(text(&answer).contains("Tarif KRL"), "{}", text(&answer));
    assert_eq!(
        link_buttons(&answer),
        vec![("Baca selengkapnya".to_string(), DETIK_CANONICAL.to_string())]
    );
    // The seed article has no URL: its answers carry no link.
    let seed_answer = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, crate::common::ACQUISITION).message(),
            budi_chat.id,
        )
        .await;
    assert!(link_buttons(&seed_answer).is_empty(), "{seed_answer:#}");

    // A second round finds nothing new (304) and says nothing more.
    let again = poller::poll_round(&bot.app, poller::Due::AllButReview)
        .await
        .unwrap();
    assert!(again[0].items.is_empty());
    assert_eq!(bot.texts(budi_chat.id).len(), 4);
}

#[tokio::test]
async fn an_admin_sends_a_url_gets_the_preview_and_publishing_links_the_notice() {
    let site = WebServer::start().await;
    let bot = TestBot::spawn_with(web_bot_app(), None).await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    bot.answer_to(
        Msg::text(&budi_chat, &budi, "/subscribe").message(),
        budi_chat.id,
    )
    .await;

    let preview = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, &site.url("/page/detik-tarif-krl.html")).message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&preview).contains("Tarif KRL Jabodetabek"),
        "{}",
        text(&preview)
    );
    assert!(
        text(&preview).contains("Anisa Indraini"),
        "{}",
        text(&preview)
    );
    let labels: Vec<String> = buttons(&preview).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Terbitkan", "Batal"]);
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 1, "not yet");

    bot.answer_to(
        callback(&boss, &preview, &button(&preview, "Terbitkan")),
        boss_chat.id,
    )
    .await;
    let notice = bot.wait_for_messages(budi_chat.id, 2).await;
    let notice = text(&notice[1]);
    assert!(notice.starts_with("📰 Artikel baru: Tarif KRL"), "{notice}");
    assert!(notice.contains(DETIK_CANONICAL), "{notice}");

    // A reader's URL is just a message: no fetch, no preview.
    let before = site.requests().len();
    let reply = bot
        .answer_to(
            Msg::text(
                &budi_chat,
                &budi,
                &site.url("/page/kompas-cabai-rawit.html"),
            )
            .message(),
            budi_chat.id,
        )
        .await;
    assert!(buttons(&reply).iter().all(|(l, _)| l != "Terbitkan"));
    assert_eq!(site.requests().len(), before);

    // A page with no article is refused in words.
    let refused = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, &site.url("/menus-only")).message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&refused).contains("no article text found at http://"),
        "{}",
        text(&refused)
    );
}

#[tokio::test]
async fn a_review_feed_sends_the_admin_a_preview_instead_of_publishing() {
    let site = WebServer::start().await;
    site.set_items(vec![Item::page(
        "kontan-emas-antam.html",
        "Emas Antam naik",
    )]);
    let bot = TestBot::spawn_with(web_bot_app(), None).await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    // The admin started the bot long ago, so the bot may write to them.
    bot.fake.add_chat(&boss_chat);
    bot.app
        .store
        .add_feed(&site.url("/rss.xml"), true)
        .await
        .unwrap();

    poller::tick(&bot.app, &bot.desk, &bot.outlet)
        .await
        .unwrap();
    let preview = bot.wait_for_messages(boss_chat.id, 1).await.remove(0);
    assert!(
        text(&preview).contains("Harga Emas Antam"),
        "{}",
        text(&preview)
    );
    assert_eq!(
        bot.app.store.count_articles().await.unwrap(),
        1,
        "only the seed"
    );

    bot.answer_to(
        callback(&boss, &preview, &button(&preview, "Terbitkan")),
        boss_chat.id,
    )
    .await;
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 2);
}

#[tokio::test]
async fn admins_manage_feeds_from_telegram_and_readers_cannot() {
    let site = WebServer::start().await;
    let bot = TestBot::spawn_with(web_bot_app(), None).await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let feed = site.url("/rss.xml");

    let added = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, &format!("/feed_add {feed}")).message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&added).starts_with(&format!("Feed #1 ditambahkan: {feed}")),
        "{}",
        text(&added)
    );
    let listed = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, "/feeds").message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&listed).contains(&format!("#1 {feed}")),
        "{}",
        text(&listed)
    );
    assert!(text(&listed).contains("belum pernah"), "{}", text(&listed));

    let budi = reader();
    let budi_chat = Chat::private(&budi);
    let refused = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, "/feed_remove 1").message(),
            budi_chat.id,
        )
        .await;
    assert!(
        text(&refused).contains("hanya untuk admin"),
        "{}",
        text(&refused)
    );
    assert_eq!(bot.app.store.feeds().await.unwrap().len(), 1);

    let removed = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, "/feed_remove 1").message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&removed).starts_with("Feed #1 dihapus"),
        "{}",
        text(&removed)
    );
    assert!(bot.app.store.feeds().await.unwrap().is_empty());

    // The admin's own menu has the feed commands; everyone else's does not.
    let names = |menu: Value| -> Vec<String> {
        menu.as_array()
            .unwrap()
            .iter()
            .map(|c| c["command"].as_str().unwrap().to_string())
            .collect()
    };
    let admin_menu = names(
        bot.fake
            .chat_commands(ADMIN_ID, None)
            .expect("an admin menu"),
    );
    for command in ["feeds", "feed_add", "feed_remove", "start"] {
        assert!(admin_menu.iter().any(|c| c == command), "{admin_menu:?}");
    }
    let everyone = names(bot.fake.commands(None).expect("the default menu"));
    assert!(
        !everyone.iter().any(|c| c.starts_with("feed")),
        "{everyone:?}"
    );
}

#[tokio::test]
async fn newsdesk_run_polls_its_feeds_on_a_timer_and_tells_subscribers() {
    use std::process::Stdio;
    use std::time::Duration;

    use crate::common::fake_bot_api::FakeBotApi;

    let site = WebServer::start().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/local.toml"),
        "[feeds]\npoll_interval_secs = 1\n",
    )
    .unwrap();
    let command = |args: &[&str]| {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        command
            .args(args)
            .current_dir(dir.path())
            .env_clear()
            .env("DATABASE_URL", "sqlite://data/newsdesk.db")
            .env("NEWSDESK_CONTENT_DIR", crate::common::repo_path("content"))
            .env("NEWSDESK_FETCH_ALLOW_PRIVATE", "1")
            .env("TELOXIDE_TOKEN", fake.token())
            .env("TELOXIDE_API_URL", fake.api_url().to_string())
            .stdin(Stdio::null())
            .kill_on_drop(true);
        command
    };
    let added = command(&["feeds", "add", &site.url("/rss.xml")])
        .output()
        .await
        .unwrap();
    assert!(added.status.success(), "{added:?}");

    let child = command(&["run"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let budi = reader();
    let chat = Chat::private(&budi);
    fake.push(Msg::text(&chat, &budi, "/subscribe").message());
    fake.wait_for_sent(chat.id, 1).await;

    // The feed gains an item while the bot runs: the next round (within a second or so) has it.
    site.set_items(vec![Item::page("detik-tarif-krl.html", "Tarif KRL naik")]);
    let notice = &fake.wait_for_sent(chat.id, 2).await[1];
    assert!(
        text(notice).starts_with("📰 Artikel baru: Tarif KRL"),
        "{}",
        text(notice)
    );
    assert!(text(notice).contains(DETIK_CANONICAL), "{}", text(notice));

    let pid = child.id().expect("still running").to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .expect("stops in time after SIGTERM")
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("fetched http://127.0.0.1:"),
        "fetches are logged: {log}"
    );
}

#[tokio::test]
async fn feed_notices_and_review_previews_wait_in_the_outbox_while_the_bot_is_down() {
    let site = WebServer::start().await;
    site.set_items(vec![Item::page("detik-tarif-krl.html", "Tarif KRL naik")]);
    let mut bot = TestBot::spawn_with(web_bot_app(), None).await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    bot.fake.add_chat(&boss_chat);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    bot.answer_to(
        Msg::text(&budi_chat, &budi, "/subscribe").message(),
        budi_chat.id,
    )
    .await;
    let store = bot.app.store.clone();
    store.add_feed(&site.url("/rss.xml"), false).await.unwrap();
    store.add_feed(&site.url("/atom.xml"), true).await.unwrap();

    // The round commits its article, the subscriber's notice and the admin's preview together;
    // with no bot running they wait in the outbox instead of being lost.
    bot.stop().await;
    let reports = poller::tick(&bot.app, &bot.desk, &bot.outlet)
        .await
        .unwrap();
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert_eq!(store.outbox_len().await.unwrap(), 2);
    assert_eq!(
        bot.texts(budi_chat.id).len(),
        1,
        "only the /subscribe reply"
    );
    assert!(bot.texts(boss_chat.id).is_empty());

    bot.resume().await;
    let notice = bot.wait_for_messages(budi_chat.id, 2).await.remove(1);
    assert!(
        text(&notice).starts_with("📰 Artikel baru: Tarif KRL"),
        "{}",
        text(&notice)
    );
    assert!(text(&notice).contains(DETIK_CANONICAL), "{}", text(&notice));
    let preview = bot.wait_for_messages(boss_chat.id, 1).await.remove(0);
    let labels: Vec<String> = buttons(&preview).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Terbitkan", "Batal"], "{}", text(&preview));
    // Each sent once; the sender records that by emptying the outbox.
    for _ in 0..200 {
        if store.outbox_len().await.unwrap() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(store.outbox_len().await.unwrap(), 0);
    assert_eq!(bot.texts(budi_chat.id).len(), 2);
    assert_eq!(bot.texts(boss_chat.id).len(), 1);
}
