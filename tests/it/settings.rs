//! Layered settings: checked-in defaults, `config/local.toml`, the environment, and the one-line
//! errors a bad setting produces. Every test uses its own config folder and environment map.

use crate::common;

use std::collections::HashMap;
use std::path::Path;

use common::{TestApp, repo_path};
use newsdesk::app::App;
use newsdesk::settings::{Settings, SettingsError};

fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Settings from the checked-in `default.toml` alone (a developer's own `config/local.toml` must
/// not leak into the tests) and the given environment.
fn load(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo_path("config/default.toml"),
        dir.path().join("default.toml"),
    )
    .unwrap();
    Settings::load_from(dir.path(), &env(pairs))
}

/// A config folder holding the checked-in defaults and the given `local.toml`.
fn config_with_local(local: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo_path("config/default.toml"),
        dir.path().join("default.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("local.toml"), local).unwrap();
    dir
}

fn assert_one_line_naming(err: &impl std::fmt::Display, setting: &str) {
    let text = err.to_string();
    assert!(!text.contains('\n'), "one line, got {text:?}");
    assert!(
        text.starts_with(&format!("{setting}: ")),
        "names {setting}: {text:?}"
    );
}

#[test]
fn the_checked_in_defaults_apply_when_nothing_is_set() {
    let s = load(&[]).unwrap();
    assert_eq!(s.database_url, "sqlite://data/newsdesk.db");
    assert_eq!(s.content_dir, Path::new("content/"));
    assert!(s.admins.is_empty());
    assert_eq!(s.support_chat_id, None);
    assert_eq!(s.telegram.token, None);
    assert_eq!(s.telegram.api_url, None);
    assert_eq!(s.bot.messages_per_sec_chat, 1);
    assert_eq!(s.bot.messages_per_min_chat, 20);
    assert_eq!(s.bot.messages_per_min_group, 20);
    assert_eq!(s.bot.messages_per_sec_overall, 30);
    assert_eq!(s.bot.context_ttl_secs, 1800);
    assert_eq!(s.answer.decision, newsdesk::nlu::DecisionModel::builtin());
}

#[test]
fn without_a_default_toml_on_disk_the_built_in_copy_gives_the_same_settings() {
    let empty = tempfile::tempdir().unwrap();
    let built_in = Settings::load_from(empty.path(), &HashMap::new()).unwrap();
    assert_eq!(built_in, load(&[]).unwrap());
}

#[test]
fn local_toml_overrides_only_the_keys_it_sets() {
    let dir = config_with_local(
        "admins = [7, 3]\nsupport_chat_id = -1009\n[bot]\ncontext_ttl_secs = 60\n",
    );
    let s = Settings::load_from(dir.path(), &HashMap::new()).unwrap();
    assert_eq!(s.admins, vec![3, 7]);
    assert_eq!(s.support_chat_id, Some(-1009));
    assert_eq!(s.bot.context_ttl_secs, 60);
    assert_eq!(
        s.bot.messages_per_sec_overall, 30,
        "untouched keys keep their default"
    );
    assert_eq!(s.database_url, "sqlite://data/newsdesk.db");
}

#[test]
fn the_environment_overrides_the_files() {
    let dir = config_with_local("database_url = \"sqlite://local.db\"\nsupport_chat_id = -1\n");
    let s = Settings::load_from(
        dir.path(),
        &env(&[
            ("DATABASE_URL", "sqlite:///var/lib/newsdesk/n.db"),
            ("NEWSDESK_CONTENT_DIR", "/srv/articles"),
            ("NEWSDESK_SUPPORT_CHAT_ID", "-1001234567890"),
            ("TELOXIDE_API_URL", "http://127.0.0.1:8081"),
            ("TELOXIDE_TOKEN", "123:abc"),
        ]),
    )
    .unwrap();
    assert_eq!(s.database_url, "sqlite:///var/lib/newsdesk/n.db");
    assert_eq!(s.content_dir, Path::new("/srv/articles"));
    assert_eq!(s.support_chat_id, Some(-1001234567890));
    assert_eq!(
        s.telegram.api_url.unwrap().as_str(),
        "http://127.0.0.1:8081/"
    );
    assert_eq!(s.telegram.token.unwrap().expose(), "123:abc");
}

#[test]
fn admins_from_config_and_environment_are_merged() {
    let dir = config_with_local("admins = [5, 1]\n");
    let s = Settings::load_from(dir.path(), &env(&[("NEWSDESK_ADMINS", " 9, 5 ,2")])).unwrap();
    assert_eq!(s.admins, vec![1, 2, 5, 9]);
}

#[test]
fn empty_variables_count_as_unset() {
    let s = load(&[
        ("DATABASE_URL", ""),
        ("NEWSDESK_ADMINS", ""),
        ("NEWSDESK_SUPPORT_CHAT_ID", " "),
        ("TELOXIDE_TOKEN", ""),
    ])
    .unwrap();
    assert_eq!(s, load(&[]).unwrap());
}

#[test]
fn an_admin_id_that_is_not_a_number_is_one_line_naming_newsdesk_admins() {
    let err = load(&[("NEWSDESK_ADMINS", "1,12x")]).unwrap_err();
    assert_one_line_naming(&err, "NEWSDESK_ADMINS");
    assert_eq!(
        err.to_string(),
        "NEWSDESK_ADMINS: \"12x\" is not a Telegram user id (expected comma-separated numbers, e.g. 12345,67890)"
    );
    assert_one_line_naming(
        &load(&[("NEWSDESK_ADMINS", "-5")]).unwrap_err(),
        "NEWSDESK_ADMINS",
    );
}

#[test]
fn a_bad_support_chat_id_is_one_line_naming_the_variable() {
    for bad in ["support", "0", "-100.5", "99999999999999999999"] {
        let err = load(&[("NEWSDESK_SUPPORT_CHAT_ID", bad)]).unwrap_err();
        assert_one_line_naming(&err, "NEWSDESK_SUPPORT_CHAT_ID");
        assert!(err.to_string().contains(bad), "{err}");
    }
}

#[test]
fn a_bad_bot_api_url_is_one_line_naming_the_variable() {
    let err = load(&[("TELOXIDE_API_URL", "not a url")]).unwrap_err();
    assert_one_line_naming(&err, "TELOXIDE_API_URL");
}

#[test]
fn a_database_url_that_is_not_sqlite_is_refused() {
    let err = load(&[("DATABASE_URL", "postgres://localhost/newsdesk")]).unwrap_err();
    assert_one_line_naming(&err, "DATABASE_URL");
}

#[test]
fn an_unknown_key_in_local_toml_is_refused_naming_the_file_line_and_key() {
    let dir = config_with_local("database_url = \"sqlite://x.db\"\ncontentdir = \"typo/\"\n");
    let err = Settings::load_from(dir.path(), &HashMap::new()).unwrap_err();
    let file = dir.path().join("local.toml").display().to_string();
    assert_one_line_naming(&err, &file);
    assert!(err.to_string().contains("line 2"), "{err}");
    assert!(err.to_string().contains("`contentdir`"), "{err}");
}

#[test]
fn an_unknown_key_inside_a_section_is_refused_too() {
    let dir = config_with_local("[bot]\nmessages_per_second = 5\n");
    let err = Settings::load_from(dir.path(), &HashMap::new()).unwrap_err();
    assert!(err.to_string().contains("`messages_per_second`"), "{err}");
    assert!(!err.to_string().contains('\n'));
}

#[test]
fn a_value_of_the_wrong_type_in_toml_is_refused_in_one_line() {
    let dir = config_with_local("admins = \"12345\"\n");
    let err = Settings::load_from(dir.path(), &HashMap::new()).unwrap_err();
    assert!(!err.to_string().contains('\n'), "{err}");
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn out_of_range_values_name_their_key() {
    let dir = config_with_local("[bot]\nmessages_per_sec_overall = 0\n");
    let err = Settings::load_from(dir.path(), &HashMap::new()).unwrap_err();
    assert_one_line_naming(&err, "bot.messages_per_sec_overall");

    let dir = config_with_local("[answer]\nthreshold = 1.5\n");
    let err = Settings::load_from(dir.path(), &HashMap::new()).unwrap_err();
    assert_one_line_naming(&err, "answer.threshold");
}

#[tokio::test]
async fn a_database_path_that_cannot_be_created_is_one_line_naming_database_url() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the database folder should be: no folder can be made under it.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let url = format!("sqlite://{}/data/newsdesk.db", blocker.display());
    let settings = load(&[
        ("DATABASE_URL", url.as_str()),
        ("NEWSDESK_CONTENT_DIR", dir.path().to_str().unwrap()),
    ])
    .unwrap();
    let err = App::build(settings).await.unwrap_err();
    let line = format!("{err:#}");
    assert_one_line_naming(&line, "DATABASE_URL");
    assert!(line.contains("not-a-folder"), "{line}");
}

#[test]
fn the_token_never_appears_in_debug_output() {
    let token = "123456:SECRET-token-value";
    let s = load(&[("TELOXIDE_TOKEN", token)]).unwrap();
    assert_eq!(s.telegram.token.as_ref().unwrap().expose(), token);
    let debug = format!("{s:?} {:#?}", s);
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(debug.contains("redacted"));
}

#[tokio::test]
async fn the_test_app_passes_admins_and_support_chat_through_the_environment() {
    let t = TestApp::builder()
        .admins(&[11, 22])
        .support_chat_id(-100777)
        .build()
        .await;
    assert_eq!(t.app.settings.admins, vec![11, 22]);
    assert_eq!(t.app.settings.support_chat_id, Some(-100777));
}

#[test]
fn a_malformed_token_is_refused_by_name_without_its_value() {
    for token in ["abc", "123456:", ":key", "12x:key", "123:key with space"] {
        let err = load(&[("TELOXIDE_TOKEN", token)]).unwrap_err();
        assert_eq!(err.setting, "TELOXIDE_TOKEN", "{token}");
        assert!(err.problem.contains("malformed"), "{err}");
        assert!(!err.to_string().contains(token), "{token} shown in: {err}");
    }
    assert!(load(&[("TELOXIDE_TOKEN", "123456789:AAF-x_y")]).is_ok());
}

#[test]
fn webhook_mode_listens_on_8080_by_default_and_polling_only_when_asked() {
    let s = load(&[("NEWSDESK_WEBHOOK_URL", "https://bot.example.com/tg/hook")]).unwrap();
    assert_eq!(s.http.listen, Some("0.0.0.0:8080".parse().unwrap()));
    assert_eq!(s.http.webhook_url.unwrap().path(), "/tg/hook");
    assert_eq!(s.http.webhook_secret, None);

    let polling = load(&[]).unwrap();
    assert_eq!(polling.http.listen, None, "no HTTP server unless asked");
    let asked = load(&[("NEWSDESK_LISTEN", "127.0.0.1:9100")]).unwrap();
    assert_eq!(asked.http.listen, Some("127.0.0.1:9100".parse().unwrap()));
}

#[test]
fn bad_http_settings_are_refused_by_name_and_a_bad_secret_is_not_shown() {
    let err = load(&[("NEWSDESK_LISTEN", "eighty")]).unwrap_err();
    assert_eq!(err.setting, "NEWSDESK_LISTEN");
    let err = load(&[("NEWSDESK_WEBHOOK_URL", "bot.example.com/hook")]).unwrap_err();
    assert_eq!(err.setting, "NEWSDESK_WEBHOOK_URL");
    let err = load(&[("NEWSDESK_WEBHOOK_URL", "https://bot.example.com/metrics")]).unwrap_err();
    assert!(err.problem.contains("taken"), "{err}");
    let err = load(&[("NEWSDESK_WEBHOOK_SECRET", "has spaces hunter2")]).unwrap_err();
    assert_eq!(err.setting, "NEWSDESK_WEBHOOK_SECRET");
    assert!(!err.to_string().contains("hunter2"), "{err}");
    let ok = load(&[("NEWSDESK_WEBHOOK_SECRET", "Ab_9-x")]).unwrap();
    assert_eq!(ok.http.webhook_secret.unwrap().expose(), "Ab_9-x");
}
