#!/usr/bin/env python3
"""Check the gold strings of a question file against articles/, articles-c/ and articles-d/.

usage: python3 tests/archive/check_gold_d.py [QA.jsonl [ARTICLE_DIR ...]]

With no arguments it checks qa/probe-15.jsonl against the three directories above; given
directories (relative to the current directory or absolute) replace them, so one script serves
every set (check_gold_c.py and check_gold_e.py are shorthands for sets C and E).

Topic groups are a file's slug up to its date, joined where a later set extends an archive group
(every gempa-* is "gempa", ump-jatim-* and ump-dki-* are "ump"). check_gold_c.py runs the same
checks over articles/ and articles-c/ only (`main(path, dirs)`):

FAIL: an answerable question names no existing article, carries no gold, or a gold string does
      not occur (case-insensitive) in its article; an unanswerable/offtopic question carries an
      article or gold; a line has an unknown category or a repeated question.
WARN: an `any` string, or every `all` string together, also occurs in another article of the
      same topic group across the three directories (a reply quoting the wrong-dated article
      could still pass).
Exit status 1 on any FAIL.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIRS = [os.path.join(HERE, d) for d in ("articles", "articles-c", "articles-d")]
ALL_DIRS = DIRS + [os.path.join(HERE, "articles-e")]
CATS = {"formal", "slang", "english", "dated", "confusable", "unanswerable", "offtopic"}


def group(slug):
    m = re.match(r"(.*?)-\d{4}-\d{2}-\d{2}", slug)
    g = m.group(1) if m else slug
    g = re.sub(r"-\d{4}$", "", g)  # ump-dki-2024 -> ump-dki
    if g.startswith("gempa-"):
        return "gempa"
    if g.startswith("ump-"):
        return "ump"
    if g.startswith("ott-kpk"):
        return "ott-kpk"
    return {"ihsg-sepekan": "ihsg"}.get(g, g)


def main(path, dirs=DIRS):
    texts = {}
    for d in dirs:
        for fn in os.listdir(d):
            if fn.endswith(".txt"):
                with open(os.path.join(d, fn), encoding="utf-8") as fh:
                    texts[fn[:-4]] = fh.read().lower()
    fails = warns = 0
    seen = set()
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        r = json.loads(line)
        q = r.get("q", "")
        if r.get("cat") not in CATS:
            print(f"FAIL line {i}: unknown category {r.get('cat')!r}"); fails += 1
        if q.lower() in seen:
            print(f"FAIL line {i}: repeated question: {q}"); fails += 1
        seen.add(q.lower())
        golds = (r.get("any") or []) + (r.get("all") or [])
        if not r.get("answered"):
            if r.get("article") or golds:
                print(f"FAIL line {i}: unanswered question carries an article or gold: {q}"); fails += 1
            if r.get("cat") not in ("unanswerable", "offtopic"):
                print(f"FAIL line {i}: answered=false in category {r.get('cat')}: {q}"); fails += 1
            continue
        slug = r.get("article")
        if slug not in texts:
            print(f"FAIL line {i}: no article {slug!r}: {q}"); fails += 1
            continue
        if not golds:
            print(f"FAIL line {i}: no gold strings: {q}"); fails += 1
        for g in golds:
            if g.lower() not in texts[slug]:
                print(f"FAIL line {i}: {g!r} not in {slug}: {q}"); fails += 1
        rivals = [o for o in texts if o != slug and group(o) == group(slug)]
        for g in r.get("any") or []:
            others = [o for o in rivals if g.lower() in texts[o]]
            if others:
                print(f"WARN line {i}: {g!r} also in {others}: {q}"); warns += 1
        if r.get("all"):
            others = [o for o in rivals if all(g.lower() in texts[o] for g in r["all"])]
            if others:
                print(f"WARN line {i}: all of {r['all']!r} also in {others}: {q}"); warns += 1
    print(f"{fails} failures, {warns} warnings")
    return 1 if fails else 0


if __name__ == "__main__":
    qa = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "qa", "probe-15.jsonl")
    sys.exit(main(qa, dirs=sys.argv[2:] or DIRS))
