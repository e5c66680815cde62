#!/usr/bin/env python3
"""Builds id/slang-indocollex.tsv (in lexicon/) from IndoCollex's informal-formal.tsv (MIT, see LICENSE-IndoCollex).

Run once by hand; the output is checked in and loaded with include_str!. Filters (SOURCE.md):
- rows whose informal side is an English word (in, is, me, go, held, animals, ...) would corrupt
  English questions: dropped when the word is in an English word list (/usr/share/dict/words,
  Debian package wamerican), unless it is a well-known Indonesian chat form kept on purpose;
- reversed or wrong rows (bang->ngab, malang->ngalam, kppn->kapan) and identity rows: dropped;
- quotes and the `-nya` marker on the formal side: stripped.
Usage: filter_indocollex.py INFORMAL_FORMAL_TSV > lexicon/id/slang-indocollex.tsv
"""
import sys

BAD = {"bang", "malang", "kppn"}
# Chat forms that collide with an English dictionary entry but are overwhelmingly Indonesian slang.
KEEP = {"ga", "gak", "yg", "dgn", "tdk", "sy", "blm", "sdh", "udh", "krn", "jg", "aja", "gue", "gw", "lo", "lu",
        "bgt", "tau", "mau", "kalo", "klo", "pake", "nih", "deh", "sih", "dong", "kok", "gimana", "gmn", "ngga"}

english = set()
for line in open("/usr/share/dict/words", encoding="utf-8", errors="ignore"):
    w = line.strip()
    if w and "'" not in w:
        english.add(w.lower())

out = []
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if i == 0:
        continue
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 2:
        continue
    inf, form = (p.strip().strip('"').lower() for p in parts)
    form = " ".join(t for t in form.split() if t != "-nya")
    if not inf or not form or inf == form or inf in BAD:
        continue
    if inf in english and inf not in KEEP:
        continue
    if " " in inf:
        continue
    out.append(f"{inf}\t{form}")

print("# Filtered from IndoCollex (haryoa/indo-collex, commit df626e81), MIT License,")
print("# Copyright (c) 2021 Haryo Akbarianto Wibowo; see LICENSE-IndoCollex. Built by filter_indocollex.py.")
print("\n".join(sorted(set(out))))
