#!/usr/bin/env python3
"""Split a question file ~50/50 into tune and holdout halves, stratified by category.

Usage: python3 tests/archive/split-b.py INPUT.jsonl OUTPUT_PREFIX [TAG]
  writes OUTPUT_PREFIX + "tune-" + TAG + ".jsonl" and OUTPUT_PREFIX + "holdout-" + TAG + ".jsonl"
  (TAG defaults to "b"), e.g.
  python3 tests/archive/split-b.py tests/archive/qa/b-all.jsonl tests/archive/qa/

Deterministic: random.seed(8); categories are visited in sorted order, each category's
questions are shuffled and the first half goes to tune. When a category has an odd count,
the extra question goes alternately to tune and to holdout, so the halves stay balanced.
Each output keeps the input order of its lines.
"""
import json, random, sys
from collections import defaultdict

def main(inp, prefix, tag="b"):
    random.seed(8)
    lines = [l for l in open(inp, encoding="utf-8").read().splitlines() if l.strip()]
    by_cat = defaultdict(list)
    for i, l in enumerate(lines):
        by_cat[json.loads(l)["cat"]].append(i)
    tune, extra_to_tune = set(), True
    for cat in sorted(by_cat):
        idx = by_cat[cat][:]
        random.shuffle(idx)
        k = len(idx) // 2
        if len(idx) % 2:
            k += 1 if extra_to_tune else 0
            extra_to_tune = not extra_to_tune
        tune.update(idx[:k])
    out_t = prefix + "tune-" + tag + ".jsonl"
    out_h = prefix + "holdout-" + tag + ".jsonl"
    with open(out_t, "w", encoding="utf-8") as ft, open(out_h, "w", encoding="utf-8") as fh:
        for i, l in enumerate(lines):
            (ft if i in tune else fh).write(l + "\n")
    counts = {c: (sum(i in tune for i in v), sum(i not in tune for i in v)) for c, v in sorted(by_cat.items())}
    print(f"{out_t}: {len(tune)}  {out_h}: {len(lines) - len(tune)}")
    for c, (t, h) in counts.items():
        print(f"  {c:13s} tune {t:3d}  holdout {h:3d}")

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
