#!/usr/bin/env python3
"""Builds lexicon/en/bilingual-pivot.tsv: English->Indonesian through a third language, from the
WikDict dictionaries Debian ships (FreeDict, all CC BY-SA 3.0), for English words that
dict-freedict-eng-ind lacks ("use", "receive", "effect" have no row there).

An English word reaches an Indonesian word through a pivot language X when an X word translates
the English one (eng-X, or X-eng read backwards) and X-ind translates that X word into the
Indonesian one. One pivot is noisy (an X word's other senses leak in), so an Indonesian word is
kept only when at least MIN_LANGS different pivot languages lead to it: the senses that survive
two unrelated languages are the shared, literal ones.

Pivots: Finnish (eng-fin, fin-eng, fin-ind), Polish (pol-eng, pol-ind), Greek (ell-eng, ell-ind);
the other X-ind pairs Debian has (deu, nld, ita) come with GPL English sides, not mixed in here.

    python3 scripts/lexicon/freedict_pivot.py DIR_OR_DEBS...
Each argument is a dict-freedict-*.deb (or a folder it was extracted to); the pairs above are
needed. Rows for English headwords bilingual-freedict.tsv already has are not written (its rows
would replace them on load anyway). Python 3.11 standard library only.
"""
import argparse
import gzip
import os
import re
import sys
from collections import defaultdict

from debsrc import extract
from freedict_eng_ind import HEADWORD, b64, parse_entry

MIN_LANGS = 2
MAX_TRANSLATIONS = 4
X_TRANSLATIONS = 4  # an X word's first senses only: later ones are the noise the pivot multiplies
PIVOTS = ("fin", "pol", "ell")
HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.normpath(os.path.join(HERE, "../../lexicon/en"))


def read_pair(src):
    """(pair name, version, {headword: [translations]}) of one dict-freedict package."""
    dictd, version, tmp = extract(src, "usr/share/dictd")
    index = next(f for f in os.listdir(dictd) if f.endswith(".index"))
    pair = index.removeprefix("freedict-").removesuffix(".index")
    data = gzip.open(os.path.join(dictd, f"freedict-{pair}.dict.dz")).read()
    rows = {}
    for line in open(os.path.join(dictd, index), encoding="utf-8"):
        head, off, size = line.rstrip("\n").split("\t")
        if head.startswith("00database"):
            continue
        entry = data[b64(off):b64(off) + b64(size)].decode("utf-8")
        tr = rows.setdefault(head.lower(), [])
        for t in parse_entry(entry):
            if t not in tr:
                tr.append(t)
    if tmp:
        tmp.cleanup()
    return pair, version, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("debs", nargs="+")
    ap.add_argument("-o", "--out", default=os.path.join(LEXICON, "bilingual-pivot.tsv"))
    a = ap.parse_args()
    pairs, versions = {}, {}
    for src in a.debs:
        pair, version, rows = read_pair(src)
        pairs[pair], versions[pair] = rows, version
    need = {f"{x}-ind" for x in PIVOTS} | {f"{x}-eng" for x in PIVOTS}
    if missing := need - pairs.keys():
        sys.exit(f"missing dictionaries: {', '.join(sorted(missing))}")

    eng_x = defaultdict(lambda: defaultdict(set))  # english -> pivot -> X words
    for x in PIVOTS:
        for xw, ens in pairs[f"{x}-eng"].items():
            for e in ens:
                eng_x[e][x].add(xw)
        for e, xws in pairs.get(f"eng-{x}", {}).items():
            eng_x[e][x].update(xws)
    known = {l.split("\t")[0] for l in open(os.path.join(LEXICON, "bilingual-freedict.tsv"), encoding="utf-8")
             if not l.startswith("#")}

    rows = {}
    for e, by_lang in eng_x.items():
        # single words only: a pivot phrase would swallow two question words on a weak guess
        if e in known or " " in e or not HEADWORD.match(e):
            continue
        via = defaultdict(set)
        first = {}  # first appearance, for a stable order among equals
        for x, xws in sorted(by_lang.items()):
            for xw in sorted(xws):
                for i in pairs[f"{x}-ind"].get(xw, [])[:X_TRANSLATIONS]:
                    via[i].add(x)
                    first.setdefault(i, len(first))
        kept = sorted((i for i, langs in via.items() if len(langs) >= MIN_LANGS),
                      key=lambda i: (-len(via[i]), first[i]))
        if kept:
            rows[e] = kept[:MAX_TRANSLATIONS]

    sources = ", ".join(f"dict-freedict-{p} {v}" for p, v in sorted(versions.items()))
    header = (f"# English->Indonesian through Finnish, Polish and Greek (an Indonesian word kept when at least "
              f"{MIN_LANGS} pivot languages lead to it), for English words bilingual-freedict.tsv lacks.\n"
              f"# From FreeDict/WikDict (Wiktionary) Debian packages {sources}; CC BY-SA 3.0 (c) FreeDict "
              f"contributors, see lexicon/LICENSES.md.\n"
              f"# Format as bilingual-freedict.tsv. Built by scripts/lexicon/freedict_pivot.py; do not edit.\n")
    body = "".join(f"{h}\t{'|'.join(v)}\n" for h, v in sorted(rows.items()))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + body)
    print(f"rows written {len(rows)}, translations {sum(map(len, rows.values()))}, "
          f"bytes {len((header + body).encode())} -> {a.out}", file=sys.stderr)
    for w in "use receive effect weaken quake exempt core wage victim".split():
        print(f"  {w:10} {'|'.join(rows.get(w, [])) or '--'}", file=sys.stderr)


if __name__ == "__main__":
    main()
