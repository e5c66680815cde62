#!/usr/bin/env python3
"""Deterministic ~50/50 split of a question file, stratified by category.

usage: split.py INPUT.jsonl OUT_PREFIX [TAG]

Writes OUT_PREFIX + "tune-TAG.jsonl" and OUT_PREFIX + "holdout-TAG.jsonl".
TAG defaults to the input file name before "-all" (e.g. "a-all.jsonl" -> "a").
Within each category the lines are shuffled with random.seed(8); the first half
goes to tune, the rest to holdout. When a category has an odd count, the extra
line goes to tune and holdout in turn (categories taken in sorted order).
Line order inside each output follows the input order.
"""
import json
import os
import random
import sys


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    src, prefix = argv[1], argv[2]
    if len(argv) == 4:
        tag = argv[3]
    else:
        base = os.path.basename(src)
        tag = base[:-len(".jsonl")] if base.endswith(".jsonl") else base
        if tag.endswith("-all"):
            tag = tag[:-len("-all")]
    rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
    random.seed(8)
    by_cat = {}
    for i, r in enumerate(rows):
        by_cat.setdefault(r["cat"], []).append(i)
    tune = set()
    extra_to_tune = True
    for cat in sorted(by_cat):
        idx = list(by_cat[cat])
        random.shuffle(idx)
        n = len(idx) // 2
        if len(idx) % 2:
            n += 1 if extra_to_tune else 0
            extra_to_tune = not extra_to_tune
        tune.update(idx[:n])
    outs = {"tune": [], "holdout": []}
    for i, r in enumerate(rows):
        outs["tune" if i in tune else "holdout"].append(r)
    for name, lst in outs.items():
        path = f"{prefix}{name}-{tag}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for r in lst:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        counts = {}
        for r in lst:
            counts[r["cat"]] = counts.get(r["cat"], 0) + 1
        print(path, len(lst), dict(sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv)
