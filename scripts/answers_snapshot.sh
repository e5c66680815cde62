#!/usr/bin/env bash
# Dumps `newsdesk ask --json --features` for every question of the tuning sets (the archive's
# tune.jsonl and probe-14.jsonl with the 48 articles imported, probe-15.jsonl and
# probe-17-{slang,english,dated}.jsonl and probe-18-{slang,english,confusable}.jsonl with articles/, articles-c/ and articles-d/ imported; the single-article sets and the shared dev set over the
# default content) into OUT_DIR, one file per set, so a speed change can be checked to leave every
# answer and feature unchanged: run it before and after, then `diff -r BEFORE AFTER`.
# Never runs the held-out sets (holdout.jsonl, blind-c.jsonl, probe-16.jsonl).
# Usage: scripts/answers_snapshot.sh BIN OUT_DIR
set -euo pipefail
bin=$(realpath "$1"); out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
questions() { python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    if l.strip(): print(json.loads(l)["q"].replace("\n", " "))' "$1"; }
ask() { # $1 = set file, $2 = output name, rest = articles to import
    local data=$1 name=$2; shift 2
    local tmp; tmp=$(mktemp -d)
    export DATABASE_URL="sqlite://$tmp/snap.db" RUST_LOG=warn
    unset TELOXIDE_TOKEN
    for f in "$@"; do "$bin" import "$f" >/dev/null; done
    questions "$data" | "$bin" ask --json --features >"$out/$name.jsonl"
    rm -rf "$tmp"
}
a=$root/tests/archive
ask "$a/qa/tune.jsonl" archive-tune "$a"/articles/*.txt
ask "$a/qa/probe-14.jsonl" archive-probe-14 "$a"/articles/*.txt
for s in probe-15 probe-17-slang probe-17-english probe-17-dated \
    probe-18-slang probe-18-english probe-18-confusable; do
    ask "$a/qa/$s.jsonl" "archive-$s" "$a"/articles/*.txt "$a"/articles-c/*.txt "$a"/articles-d/*.txt
done
# The single-article sets, less their held-out and blind ones (never run while changing answering).
for f in "$root"/tests/qa/*.jsonl; do
    case $(basename "$f") in holdout* | blind*) continue ;; esac
    ask "$f" "qa-$(basename "$f" .jsonl)"
done
ask /work/shared/eval/dev_qa.jsonl dev
wc -l "$out"/*.jsonl
