#!/usr/bin/env python3
"""Fit the paragraph ranker's boosted trees in config/passage_trees.json.

The weighted sum of `[passage]` (scripts/fit_passage.py) ranks each candidate paragraph by one
feature at a time; some evidence only counts together with other evidence (a value near the
question's words matters for a "berapa" question, less for a "siapa"; the lead's restating words
matter less when a later paragraph holds the figure). Gradient-boosted trees (LightGBM's
lambdarank, the gold paragraph against the others of its article) learn such interactions from
the same dumps: the 23 measured features, the weighted sum itself and its gap to the best
candidate's and rank among them, the number of candidates, the paragraph's number and the
question's answer type. newsdesk ranks the candidates by the trees' sum and falls back to the
weighted sum for an answer type the trees never saw (src/nlu/passage/trees.rs).

Questions as in fit_passage.py (a question teaches the ranker when the choice matters for it).
Cross-validation: five folds over whole tuning sets (a set's questions share its articles, so
folds over questions would let the trees learn an article), against the weighted sum in use.

The fit writes a compact form of the trees: for each, its splits (input, threshold, left, right;
a child below 0 is leaf ~child) and leaf values, in the order LightGBM evaluates them
(`input <= threshold` goes left). Rebuild newsdesk after writing: the file is compiled in.

Usage: scripts/fit_passage_trees.py --bin target/release/newsdesk [--cache DIR] [--write]
"""
import argparse, json, os

import numpy as np
import lightgbm as lgb

from fitting import ROOT, holds_gold
import fit_passage as fp

DERIVED = ["key", "key_gap", "key_rank", "candidates", "paragraph"]
# Five folds over sets (stop 43): 200 trees of 7 leaves at rate 0.05 2,860; 100 of 5 at 0.1 with
# at least 40 candidates a leaf 2,864, at half the cost per question (a tree walk per candidate).
# Stop 44, refitted on 79 sets (3,519 questions whose choice matters): weighted sum 2,969, five
# folds 2,996; end to end in-sample 4,134 -> 4,140 of 4,868.
PARAMS = dict(objective="lambdarank", learning_rate=0.1, num_leaves=5, min_child_samples=40,
              n_estimators=100, verbose=-1)


def questions(cases, outs, set_name):
    out = []
    for c, o in zip(cases, outs):
        ps = o.get("paragraphs") or []
        if not c["answered"] or len(ps) < 2:
            continue
        gold = np.array([holds_gold(c, p["text"]) for p in ps])
        if gold.all() or not gold.any():
            continue
        x = np.array([[float(p["features"][k]) for k in fp.FEATURES] for p in ps])
        out.append((set_name, x, gold, o.get("answer_type", "?"), [p["paragraph"] for p in ps]))
    return out


def inputs(q, w, types):
    """The trees' inputs for each candidate of one question (see DERIVED and the module doc)."""
    _, x, _, answer_type, paragraphs = q
    key = x @ w
    # Rank by the weighted sum, the first of equals first (as candidates come in Rust).
    order = np.argsort(-key, kind="stable")
    rank = np.empty(len(key))
    rank[order] = np.arange(len(key))
    derived = np.column_stack([key, key - key.max(), rank, np.full(len(key), len(key)),
                               np.array(paragraphs, float)])
    kinds = np.tile(np.array([answer_type == t for t in types], float), (len(key), 1))
    return np.hstack([x, derived, kinds])


def train(qs, w, types):
    X = np.vstack([inputs(q, w, types) for q in qs])
    y = np.concatenate([q[2].astype(int) for q in qs])
    m = lgb.LGBMRanker(**PARAMS)
    m.fit(X, y, group=[len(q[2]) for q in qs])
    return m


def right(m, qs, w, types):
    return sum(bool(q[2][int(np.argmax(m.predict(inputs(q, w, types))))]) for q in qs)


def compact(booster):
    """LightGBM's JSON dump as lists of splits and leaves per tree."""
    trees = []
    for info in booster.dump_model()["tree_info"]:
        splits, leaves = [], []

        def walk(node):
            if "leaf_value" in node:
                leaves.append(node["leaf_value"])
                return ~(len(leaves) - 1)
            assert node["decision_type"] == "<=", node["decision_type"]
            at = len(splits)
            splits.append(None)
            left, right_ = walk(node["left_child"]), walk(node["right_child"])
            splits[at] = [node["split_feature"], node["threshold"], left, right_]
            return at

        walk(info["tree_structure"])
        trees.append({"split": splits, "leaf": leaves})
    return trees


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--cache", default="", help="keep the dumps in this folder and reuse them")
    ap.add_argument("--write", action="store_true", help="rewrite config/passage_trees.json")
    ap.add_argument("--hold", default="", help="K/N: fit without the tuning sets of fold K of N "
                    "(sets sorted by path, every Nth), to score those end-to-end with the build")
    a = ap.parse_args()
    qs = [q for data, cases, outs in fp.dumps(a.bin, a.cache) for q in questions(cases, outs, data)]
    w = fp.config_weights()
    types = sorted({q[3] for q in qs})
    names = sorted({q[0] for q in qs})
    fold = {n: i % 5 for i, n in enumerate(names)}
    in_use = sum(bool(q[2][int(np.argmax(q[1] @ w))]) for q in qs)
    cv = 0
    for k in range(5):
        m = train([q for q in qs if fold[q[0]] != k], w, types)
        cv += right(m, [q for q in qs if fold[q[0]] == k], w, types)
    print(f"questions whose paragraph choice matters: {len(qs)}; weighted sum in use {in_use}; "
          f"trees, five folds over sets: {cv}")
    if a.hold:
        k, n = map(int, a.hold.split("/"))
        held = {name for i, name in enumerate(names) if i % n == k}
        print("held out:", " ".join(sorted(held)))
        qs = [q for q in qs if q[0] not in held]
    m = train(qs, w, types)
    print(f"trees fitted on {len(qs)}: {right(m, qs, w, types)}")
    if a.write:
        out = {
            "note": "Written by scripts/fit_passage_trees.py; see its doc. Inputs: the [passage] "
                    "features, the derived ones, then answer types as type_<name>.",
            "inputs": fp.FEATURES + DERIVED + [f"type_{t}" for t in types],
            "trees": compact(m.booster_),
        }
        path = os.path.join(ROOT, "config/passage_trees.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(out, f, separators=(",", ":"))
            f.write("\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
