#!/usr/bin/env python3
"""Builds lexicon/en/bilingual-wordnet.tsv: English->Indonesian through shared WordNet synsets.

Wordnet Bahasa (Bond et al., MIT licence; the Indonesian lemmas of the Open Multilingual Wordnet
release, `wns/msa/wn-data-ind.tab`, only its "good" Y/O entries) keys each Indonesian lemma to a
Princeton WordNet 3.0 synset (`offset-pos`). Princeton WordNet 3.0 (Debian `wordnet-base`,
WordNet licence) lists, per English lemma and part of speech, its synsets most frequent first
(`index.noun` etc.). An English word's Indonesian words are then the lemmas of its most frequent
synset: the everyday sense FreeDict lacks or lists late ("peak" -> "puncak", "household" ->
"rumah tangga", "top" -> "atas") comes from a hand-checked wordnet, not from a guess. Later synsets
are left out: tried at stop 20, they matched paragraphs about another sense ("year" as an age,
"end" as a death) more often than they helped.

Output: `english<TAB>indonesian|indonesian|...` (lowercase), the Indonesian lemmas of the word's
first synset across parts of speech (each part's first synset; among them, the part whose senses
SemCor tagged most often), most frequent lemma first (`wn-freq-ind.tab`), at most PER_SYNSET. A
lemma is one to three plain words. English headwords: one or two plain words (a two-word lemma
such as "stock market" is kept as a phrase). The engine reads these only where the articles write
them (see `Lexicon::english_wordnet_of`).

    python3 scripts/lexicon/wordnet_bahasa.py WORDNET_BASE_DEB_OR_DIR wn-data-ind.tab wn-freq-ind.tab
The two .tab files are those of the GitHub repository omwn/omw-data at commit
f75be19ec590da12a7a5665e361690b5badb7a25 (`git show f75be19:wns/msa/wn-data-ind.tab`); the .deb is
Debian's wordnet-base 1:3.0-37 (`apt-get download wordnet-base`). Sources, checksums and licences:
lexicon/LICENSES.md. Python 3.11 standard library only.
"""
import argparse
import os
import re
import sys
from collections import defaultdict

from debsrc import extract

PER_SYNSET = 3
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
HEADWORD = re.compile(r"^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)?$")
LEMMA = re.compile(r"^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*){0,2}$")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "../../lexicon/en/bilingual-wordnet.tsv"))
SPOT = "case peak household spokesman collapse top kind late homecoming registrant conduct".split()


def read_index(wn):
    """{english lemma: [(rank, -tagged, pos, offset)]} from Princeton's index.<pos> files: sense
    rank within the part of speech, then how many of that part's senses SemCor tagged."""
    senses = defaultdict(list)
    for name, p in POS.items():
        for line in open(os.path.join(wn, f"index.{name}"), encoding="utf-8"):
            if line.startswith(" "):
                continue  # licence header
            f = line.split()
            lemma, n_synsets, n_ptrs = f[0], int(f[2]), int(f[3])
            tagged = int(f[5 + n_ptrs])
            offsets = f[6 + n_ptrs:6 + n_ptrs + n_synsets]
            for rank, off in enumerate(offsets):
                senses[lemma.replace("_", " ")].append((rank, -tagged, p, off))
    return senses


def read_bahasa(data, freq):
    """{offset-pos: [indonesian lemmas, most frequent first]}; satellite adjectives keyed as `a`."""
    count = defaultdict(int)
    for line in open(freq, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) == 3 and f[2].isdigit():
            key = f[0][:-1] + "a" if f[0].endswith("-s") else f[0]
            count[(key, f[1].replace("_", " ").lower())] = int(f[2])
    synsets = defaultdict(list)
    for line in open(data, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(f) != 3 or f[1] != "ind:lemma":
            continue
        key = f[0][:-1] + "a" if f[0].endswith("-s") else f[0]
        lemma = " ".join(f[2].replace("_", " ").lower().split())
        if LEMMA.match(lemma) and lemma not in synsets[key]:
            synsets[key].append(lemma)
    for key, lemmas in synsets.items():
        order = {l: i for i, l in enumerate(lemmas)}
        lemmas.sort(key=lambda l: (-count[(key, l)], order[l]))
    return synsets


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wordnet", help="wordnet-base .deb or the folder it was extracted to")
    ap.add_argument("data", help="wn-data-ind.tab (Open Multilingual Wordnet, wns/msa/)")
    ap.add_argument("freq", help="wn-freq-ind.tab (same folder)")
    ap.add_argument("-o", "--out", default=OUT)
    a = ap.parse_args()
    wn, version, tmp = extract(a.wordnet, "usr/share/wordnet")
    senses = read_index(wn)
    synsets = read_bahasa(a.data, a.freq)
    rows = {}
    for en, ss in senses.items():
        if not HEADWORD.match(en):
            continue
        _, _, p, off = min(ss)
        out = [l for l in synsets.get(f"{off}-{p}", []) if l != en][:PER_SYNSET]
        if out:
            rows[en] = out
    if tmp:
        tmp.cleanup()
    header = ("# English->Indonesian through shared WordNet synsets: Wordnet Bahasa (Open Multilingual Wordnet "
              "wns/msa/wn-data-ind.tab, Y/O entries; MIT, (c) Francis Bond et al.) on Princeton WordNet 3.0 "
              f"(Debian wordnet-base {version}; WordNet licence), see lexicon/LICENSES.md.\n"
              "# Format: english<TAB>indonesian|... (the Indonesian lemmas of the word's most frequent synset). "
              "Built by scripts/lexicon/wordnet_bahasa.py; do not edit.\n")
    body = "".join(f"{h}\t{'|'.join(v)}\n" for h, v in sorted(rows.items()))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + body)
    print(f"rows written {len(rows)}, translations {sum(map(len, rows.values()))}, "
          f"bytes {len((header + body).encode())} -> {a.out}", file=sys.stderr)
    for w in SPOT:
        print(f"  {w:12} {'|'.join(rows.get(w, [])) or '--'}", file=sys.stderr)


if __name__ == "__main__":
    main()
