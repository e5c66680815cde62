#!/usr/bin/env python3
"""Check gold strings of a question file against the article files.

usage: check_gold.py QA.jsonl [ARTICLES_DIR]

For every answered question: each `any`/`all` string must occur (case-insensitive)
in the named article. Also reports strings that occur in another article of the
same topic group (group = slug up to the first date part, e.g. "bi-rate").
Exit status 1 if a string is missing.
"""
import json
import os
import re
import sys

qa = sys.argv[1]
adir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "articles")
texts = {f[:-4]: open(os.path.join(adir, f), encoding="utf-8").read().lower()
         for f in os.listdir(adir) if f.endswith(".txt")}


def group(slug):
    m = re.match(r"(.*?)-\d{4}-\d{2}-\d{2}", slug)
    return m.group(1) if m else slug


missing = 0
for n, line in enumerate(open(qa, encoding="utf-8"), 1):
    r = json.loads(line)
    if not r.get("answered"):
        continue
    slug = r["article"]
    if slug not in texts:
        print(f"line {n}: no article {slug}")
        missing += 1
        continue
    for g in r.get("any", []) + r.get("all", []):
        if g.lower() not in texts[slug]:
            print(f"line {n}: MISSING {g!r} in {slug}")
            missing += 1
        others = [o for o in texts if o != slug and group(o) == group(slug) and g.lower() in texts[o]]
        if others:
            print(f"line {n}: {g!r} also in {others}")
print("missing:", missing)
sys.exit(1 if missing else 0)
