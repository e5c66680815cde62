#!/usr/bin/env python3
"""Builds lexicon/id/thesaurus-mythes.tsv from the Debian package mythes-id (LibreOffice dictionaries).

Source: usr/share/mythes/th_id_ID_v2.dat, MyThes format, encoding named on its first line (ISO-8859-1):

    word|number of senses
    [pos]|synonym|synonym|...      <- one line per sense; [ant] lines hold antonyms

Output: word<TAB>synonym|synonym|... (lowercase). Kept: single-word entries and single-word synonyms
(letters, reduplication hyphen allowed: `aba-aba`); antonym lines ([ant]) dropped; synonyms deduplicated
across senses in file order, the entry itself removed. Entries with more than MAX_SYNONYMS synonyms are
dropped (too broad to be safe for matching), and so are entries left with none.

Python 3.11 standard library only. Re-run from the .deb:
    python3 scripts/lexicon/mythes_id.py /work/debs/mythes-id_1%3a7.5.0-1_all.deb
(an extracted directory holding usr/share/mythes/ also works). Prints counts and a spot check.
"""
import argparse
import glob
import gzip
import os
import re
import subprocess
import sys
import tempfile

from debsrc import extract

MAX_SYNONYMS = 12
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
SPOT = "harga naik turun gempa gaji tutup beli jual perusahaan pesan bocor menteri pemilihan emas tiket".split()


def read_mythes(path):
    """Yields (word, [(pos, [terms])]) in file order; pos is "n", "v", "ant", ... or "" when missing."""
    raw = open(path, "rb").read()
    first, _, rest = raw.partition(b"\n")
    lines = rest.decode(first.decode("ascii").strip()).split("\n")
    i = 0
    while i < len(lines):
        head = lines[i].rstrip("\r")
        i += 1
        if not head:
            continue
        word, _, n = head.rpartition("|")
        senses = []
        for _ in range(int(n)):
            parts = lines[i].rstrip("\r").split("|")
            i += 1
            # the part of speech is "[n]"; a few rows are malformed ("[v]benguk", "ant]", no label at all)
            m = re.match(r"^\[?(n|v|a|adv|p|num|pron|ant)\](.*)$", parts[0].strip(), re.I)
            pos, first = (m.group(1).lower(), m.group(2)) if m else ("", parts[0])
            senses.append((pos, ([first] if first.strip() else []) + parts[1:]))
        yield word, senses


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("deb", help="mythes-id_*.deb or an extracted directory")
    ap.add_argument("-o", "--out", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lexicon/id/thesaurus-mythes.tsv")))
    a = ap.parse_args()
    root, version, tmp = extract(a.deb, "")
    (dat,) = glob.glob(os.path.join(root, "usr/share/mythes/th_id_ID*.dat"))

    rows = {}
    n_entries = n_multi = n_broad = n_empty = n_dup = 0
    for word, senses in read_mythes(dat):
        n_entries += 1
        w = word.strip().lower()
        if not WORD.match(w):
            n_multi += 1  # phrases, abbreviations with dots, digits
            continue
        syn = []
        for pos, terms in senses:
            if pos == "ant":
                continue
            for t in terms:
                t = re.sub(r"\([^)]*\)", " ", t)  # "(kata) keterangan" style notes
                t = " ".join(t.split()).lower()
                if WORD.match(t) and t != w and t not in syn:
                    syn.append(t)
        if not syn:
            n_empty += 1
            continue
        if len(syn) > MAX_SYNONYMS:
            n_broad += 1
            continue
        if w in rows:  # the same word in two cases (Ahad/ahad): merge
            n_dup += 1
            syn = rows[w] + [s for s in syn if s not in rows[w]]
            if len(syn) > MAX_SYNONYMS:
                continue
        rows[w] = syn

    header = (f"# Indonesian synonyms from the mythes-id thesaurus ({os.path.basename(dat)}), Debian package mythes-id {version} "
              f"(LibreOffice dictionaries), LGPL-2.1, Copyright (C) 2017 Ali Ahmadi; see lexicon/LICENSES.md.\n"
              f"# Format: word<TAB>synonym|synonym|... (lowercase single words, at most {MAX_SYNONYMS}, thesaurus order, "
              f"antonyms dropped; not symmetric). Built by scripts/lexicon/mythes_id.py; do not edit.\n")
    body = "".join(f"{w}\t{'|'.join(s)}\n" for w, s in sorted(rows.items()))
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + body)

    print(f"package {version}, {os.path.basename(dat)}", file=sys.stderr)
    print(f"entries {n_entries}; not a single word {n_multi}; no single-word synonym {n_empty}; "
          f"more than {MAX_SYNONYMS} synonyms {n_broad}; case duplicates merged {n_dup}", file=sys.stderr)
    print(f"rows written {len(rows)}, synonyms {sum(len(s) for s in rows.values())}, "
          f"bytes {len((header + body).encode())} -> {a.out}", file=sys.stderr)
    print("spot check:", file=sys.stderr)
    for w in SPOT:
        print(f"  {w:12} {'|'.join(rows.get(w, [])) or '-- missing or dropped --'}", file=sys.stderr)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
