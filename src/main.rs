//! The `newsdesk` binary: loads settings and hands over to the CLI. Wiring only.

use std::process::ExitCode;

use clap::Parser;
use newsdesk::cli::{self, Cli};
use newsdesk::settings::Settings;

// mimalloc instead of glibc's malloc: allocation and freeing were the largest single cost of a
// busy bot (many small, short-lived JSON values and strings handed between threads); see
// BENCHMARKS.md "Bot load" and the `no_thp` note in Cargo.toml.
#[global_allocator]
static ALLOCATOR: newsdesk::allocator::Mimalloc = newsdesk::allocator::Mimalloc;

fn main() -> ExitCode {
    // `.env` is optional; one that exists but cannot be read is a mistake worth stopping for.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("error: .env: {e}");
        return ExitCode::FAILURE;
    }
    newsdesk::ops::logging::init();

    // Parsed before the settings so that `--help` works even while a setting is wrong.
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli, settings)) {
        Ok(code) => code,
        Err(e) => {
            // `{:#}` puts the whole context chain on one line.
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
