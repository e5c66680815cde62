#!/usr/bin/env bash
# Backs up a live newsdesk database with `sqlite3 .backup` while newsdesk is writing to it,
# restores the copy, and checks that the articles and the chats (with their conversation state)
# survived: the procedure README.md ("Deploying") describes, run for real. Exits non-zero on any
# difference. Needs the sqlite3 command-line shell and a built newsdesk (NEWSDESK_BIN, default
# target/debug/newsdesk under CARGO_TARGET_DIR when set, built here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${NEWSDESK_BIN:-${CARGO_TARGET_DIR:-target}/debug/newsdesk}"
if [ ! -x "$bin" ]; then
    cargo build --bin newsdesk
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 2; }

work="$(mktemp -d)"
writer=""
cleanup() {
    if [ -n "$writer" ]; then kill "$writer" 2>/dev/null || true; wait "$writer" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

live="$work/live/newsdesk.db"
restored="$work/restored/newsdesk.db"
mkdir -p "$work/live" "$work/restored"
nd() { (cd "$work" && env -i PATH="$PATH" RUST_LOG=warn DATABASE_URL="sqlite://$1" "$bin" "${@:2}"); }

# A database in use: the seed article, a second article, and two chats with a conversation.
nd "$live" import "$PWD/content/kontan-whatsapp-privasi-2021.txt" "$PWD/tests/fixtures/kontan-deposito-bank-digital-2024.txt" >/dev/null
nd "$live" ask --chat 4242 "Tahun berapa WhatsApp diakuisisi Facebook?" >/dev/null
nd "$live" ask --chat -100777 "Siapa penulis berita ini?" >/dev/null

# Keep newsdesk writing (one question a tenth of a second, in chat 5151) during the backup.
fifo="$work/questions"
mkfifo "$fifo"
(cd "$work" && env -i PATH="$PATH" RUST_LOG=warn DATABASE_URL="sqlite://$live" "$bin" ask --chat 5151 <"$fifo" >/dev/null) &
writer=$!
exec 3>"$fifo"
for _ in $(seq 1 10); do echo "harga emas?" >&3; sleep 0.1; done

# The backup itself: SQLite's online backup, consistent while the writer goes on.
sqlite3 "$live" ".backup '$work/backup.db'"

for _ in $(seq 1 5); do echo "kurs dollar?" >&3; sleep 0.1; done
exec 3>&-
wait "$writer"
writer=""

# Restore: the backup file becomes the database of a fresh installation.
cp "$work/backup.db" "$restored"

check=$(sqlite3 "$restored" "PRAGMA integrity_check;")
[ "$check" = "ok" ] || { echo "FAIL: integrity_check says: $check" >&2; exit 1; }

articles_before=$(sqlite3 "$live" "SELECT group_concat(title, '|') FROM (SELECT title FROM articles ORDER BY id);")
articles_after=$(nd "$restored" articles --json | grep -c '"title"' || true)
titles_after=$(sqlite3 "$restored" "SELECT group_concat(title, '|') FROM (SELECT title FROM articles ORDER BY id);")
[ "$titles_after" = "$articles_before" ] || { echo "FAIL: articles differ: '$articles_before' vs '$titles_after'" >&2; exit 1; }
[ "$articles_after" = "2" ] || { echo "FAIL: newsdesk lists $articles_after articles in the restored database, expected 2" >&2; exit 1; }

for chat in 4242 -100777 5151; do
    n=$(sqlite3 "$restored" "SELECT count(*) FROM chats WHERE chat_id = $chat;")
    [ "$n" = "1" ] || { echo "FAIL: chat $chat is missing from the restored database" >&2; exit 1; }
done
asked=$(sqlite3 "$restored" "SELECT count(*) FROM questions WHERE chat_id = 5151;")
[ "$asked" -ge 1 ] || { echo "FAIL: no question of the live chat made it into the backup" >&2; exit 1; }

# The restored database works: newsdesk opens it (migrations are a no-op) and the conversation of
# chat 4242 continues ("kapan?" after the acquisition question).
follow_up=$(nd "$restored" ask --json --chat 4242 "kapan?")
case "$follow_up" in
    *'"answered":true'*) ;;
    *) echo "FAIL: the restored chat's follow-up was not answered: $follow_up" >&2; exit 1 ;;
esac

echo "backup-restore: ok (2 articles, 3 chats, $asked questions of the live chat at backup time, integrity ok)"
