#!/usr/bin/env python3
"""Check the gold strings of the set C questions against the articles.

usage: python3 tests/archive/check_gold_c.py [tests/archive/qa/blind-c.jsonl]

The evaluation imports articles/ and articles-c/ together, so an answerable question may name an
article in either directory (set C names only articles-c/ ones).

FAIL: an answerable question names no existing article, carries no gold, or a gold string does
      not occur (case-insensitive) in its article; an unanswerable/offtopic question carries an
      article or gold; a line has an unknown category or a repeated question.
WARN: an `any` string, or every `all` string together, also occurs in another article of the
      same topic group across both directories (a reply quoting the wrong-dated article could
      still pass).
Exit status 1 on any FAIL.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIRS = [os.path.join(HERE, "articles"), os.path.join(HERE, "articles-c")]
CATS = {"formal", "slang", "english", "dated", "confusable", "unanswerable", "offtopic"}
# topic group = slug up to the date, with a few renames so that set C joins the old groups
SAME = {"gempa-cianjur": "gempa", "gempa-sumedang": "gempa", "gempa-sukabumi": "gempa",
        "gempa-pacitan": "gempa", "gempa-bantul": "gempa", "ihsg-sepekan": "ihsg",
        "ott-kpk-jombang": "ott-kpk", "ott-kpk-pemalang": "ott-kpk", "ott-kpk-koltim": "ott-kpk"}


def group(slug):
    m = re.match(r"(.*?)-\d{4}-\d{2}-\d{2}", slug)
    g = m.group(1) if m else slug
    return SAME.get(g, g)


def main(path):
    texts = {}
    for d in DIRS:
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
        # a rival article passes an `any` string alone, but an `all` list only as a whole
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
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "qa", "blind-c.jsonl")))
