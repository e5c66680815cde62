//! All integration tests in one binary (one link instead of twenty-two): each module is one area of
//! the product, tested from outside through the library or the real binary. `common` is the shared kit
//! (`TestApp`, the fake Bot API, `TestBot`); `desk_kit` drives the desk directly.

mod common;
mod desk_kit;

mod archive_qa;
mod cli;
mod console;
mod content_parser;
mod delivery_crash;
mod delivery_faults;
mod delivery_group;
mod delivery_hostile;
mod desk_admin;
mod desk_buttons;
mod desk_groups;
mod desk_handoff;
mod desk_private;
mod fake_bot_api;
mod nlu_ask_cli;
mod nlu_dated;
mod nlu_engine;
mod nlu_explain;
mod nlu_naming;
mod nlu_qa;
mod ops_http;
mod rough_edges;
mod run_anywhere;
mod settings;
mod store;
mod telegram_adapter;
mod telegram_admin;
mod telegram_buttons;
mod telegram_content_swap;
mod telegram_groups;
mod telegram_handoff;
mod telegram_private;
mod telegram_start;
mod web_extract;
mod web_feeds;
mod web_import;
mod web_telegram;
