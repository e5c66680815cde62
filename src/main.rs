//! The `newsdesk` binary: loads settings and hands over to the CLI. Wiring only.

fn main() {}
