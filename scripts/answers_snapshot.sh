#!/usr/bin/env bash
# Dumps `newsdesk ask --json --features` for every question of the tuning sets into OUT_DIR, one
# file per set, so a refactor or a speed change can be checked to leave every answer and feature
# unchanged: run it before and after, then `diff -r BEFORE AFTER`. The sets and the articles each
# imports are scripts/fitting.py's SETS (what the fits read, so a new tuning set is covered once it
# is listed there); then the single-article sets and the shared dev set over the default content.
# Never runs the held-out sets (holdout.jsonl, blind-c.jsonl, probe-16.jsonl, tests/qa/holdout*).
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
# One line per set: the set, then the articles it imports, tab-separated.
sets() { python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import fitting
for data, imports in fitting.SETS: print("\t".join([data, *imports]))' "$root/scripts"; }
while IFS=$'\t' read -r -a row; do
    data=${row[0]}
    case $data in tests/archive/*) kind=archive ;; *) kind=fixtures ;; esac
    ask "$root/$data" "$kind-$(basename "$data" .jsonl)" "${row[@]:1}"
done < <(sets)
# The single-article sets over the default content, less their held-out and blind ones.
for f in "$root"/tests/qa/*.jsonl; do
    case $(basename "$f") in holdout* | blind*) continue ;; esac
    ask "$f" "qa-$(basename "$f" .jsonl)"
done
ask /work/shared/eval/dev_qa.jsonl dev
wc -l "$out"/*.jsonl
