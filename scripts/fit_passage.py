#!/usr/bin/env python3
"""Fit the paragraph ranker in config/default.toml's [passage] section.

For every question of the tuning sets, `newsdesk ask --json --paragraphs` prints the candidate
paragraphs of the article the answer would come from, each with the features the ranker weighs
(src/nlu/passage/model.rs). A question teaches the ranker when the choice matters for it: it is
answerable, and among its candidates some paragraph holds the gold strings and some does not. (A
question whose article is wrong, or whose gold no single paragraph holds, fails or passes whatever
the ranker does and is left out.)

The model is listwise (a conditional logit): within one question, P(paragraph) is the softmax of
sum(weight * feature) over its candidates, and the loss is -log of the probability given to the
paragraphs holding the gold, plus an L2 penalty on the weights of the standardised features
pulling them toward the weights in use (--from-zero: toward zero; its strength is chosen by
five-fold cross-validation over questions). A plain weighted sum ranks in
Rust, so only the weights are written (no bias: it cancels within a question).

Tuning sets: as scripts/fit_answer.py (tests/archive/qa/tune.jsonl, probe-14.jsonl, probe-15.jsonl
and probe-17-{slang,english,dated}.jsonl with set C's and D's articles as distractors, the
single-article sets tests/qa/{tune,fresh,blind2})
and /work/shared/eval/dev_qa.jsonl when present. Never the holdouts.

The newsdesk binary reads config/default.toml from the working directory, so a fit written there
can be scored end-to-end (/work/shared/eval/score.py) before rebuilding; `cargo test` needs the build.
--ascent replaces the logit by coordinate ascent on the count of questions whose top paragraph
holds the gold, from the weights in use (with --free: the weights it may move); it reports its
five-fold cross-validation. --free fits only some features (the others keep their weight), --single-weight counts the
single-article sets' questions more (they carry bars in `cargo test`), --cache keeps the dumps.

Usage: scripts/fit_passage.py --bin target/debug/newsdesk [--leave-out probe-15] [--free a,b]
       [--l2 0.3 | --ascent] [--cache DIR] [--write]
"""
import argparse, re, sys

import numpy as np

import fitting
from fitting import SETS, holds_gold

FEATURES = ["word", "word_share", "local", "near", "both", "unexplained", "date", "extreme",
            "carried", "lead", "position", "typed", "share", "rare", "focus", "focus_near", "echo",
            "echo_before", "tight", "untitled_typed", "cause", "labelled", "echo_asked"]
SETS = [*SETS, ("/work/shared/eval/dev_qa.jsonl", [])]


def groups_of(cases, outs):
    """(features matrix, gold mask, answer type) per question whose paragraph choice matters."""
    out = []
    for c, o in zip(cases, outs):
        ps = o.get("paragraphs") or []
        if not c["answered"] or len(ps) < 2:
            continue
        gold = np.array([holds_gold(c, p["text"]) for p in ps])
        if gold.all() or not gold.any():
            continue
        x = np.array([[float(p["features"][k]) for k in FEATURES] for p in ps])
        out.append((x, gold, o.get("answer_type", "?")))
    return out


def dumps(binary, cache=""):
    """(set, cases, `ask --json --paragraphs` outputs) for each tuning set present, the dumps kept
    in and reused from `cache` when given (while only the fit changes)."""
    return fitting.dumps(binary, "--paragraphs", cache, SETS)


def top_right(groups, w):
    """Questions whose highest-keyed paragraph (the first of equals, as in Rust) holds the gold."""
    return sum(bool(g[int(np.argmax(x @ w))]) for x, g, _ in groups)


def padded(groups):
    """The questions as one array (questions x candidates x features), with masks of the real
    candidates and of the gold ones, so that a step of the fit is a few array operations."""
    m = max(len(g) for _, g, _ in groups)
    d = groups[0][0].shape[1]
    x = np.zeros((len(groups), m, d))
    real = np.zeros((len(groups), m), dtype=bool)
    gold = np.zeros((len(groups), m), dtype=bool)
    for i, (xi, gi, _) in enumerate(groups):
        x[i, :len(gi)], real[i, :len(gi)], gold[i, :len(gi)] = xi, True, gi
    return x, real, gold


def grad(x, real, gold, w, l2, w0, free):
    """The gradient of the mean -log P(gold) plus the penalty."""
    z = np.where(real, x @ w, -np.inf)
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    pg = np.where(gold, p, 0.0)
    q = pg / np.maximum(pg.sum(axis=1, keepdims=True), 1e-12)
    # d(-log sum_gold p)/dw = E_p[x] - E_{p | gold}[x]
    g = np.einsum("gm,gmd->d", p - q, x) / len(x)
    return np.where(free, g + l2 * (w - w0), 0.0)


def fit(groups, l2, prior, free, steps=3000, lr=0.05):
    """Adam on the standardised features, the penalty pulling toward `prior` (raw weights); the
    weights are returned on the raw features."""
    allx = np.vstack([x for x, _, _ in groups])
    scale = allx.std(axis=0)
    scale[scale < 1e-9] = 1.0
    x, real, gold = padded(groups)
    x = x / scale
    d = len(FEATURES)
    w0 = prior * scale
    w, m, v = w0.copy(), np.zeros(d), np.zeros(d)
    for i in range(1, steps + 1):
        gr = grad(x, real, gold, w, l2, w0, free)
        m = 0.9 * m + 0.1 * gr
        v = 0.999 * v + 0.001 * gr * gr
        w -= lr * (m / (1 - 0.9 ** i)) / (np.sqrt(v / (1 - 0.999 ** i)) + 1e-8)
    return w / scale


def best_scale(groups, w):
    """The factor on `w` of the least -log P(gold), on a grid."""
    x, real, gold = padded(groups)

    def loss(k):
        z = np.where(real, x @ (k * w), -np.inf)
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return -np.log(np.maximum(np.where(gold, p, 0.0).sum(axis=1), 1e-12)).mean()

    return min(np.geomspace(0.5, 64, 29), key=loss)


def ascend(groups, w, free, rounds=6):
    """Coordinate ascent on the count of questions whose top paragraph holds the gold (what
    answering uses), from `w`, moving only the `free` weights by small steps. The logit fit
    moves every weight at once to fit probabilities, and its gains in cross-validation have
    not carried end-to-end; a few steps of the count on a few features have (stop 18)."""
    x, real, gold = padded(groups)

    def right(w):
        z = np.where(real, x @ w, -np.inf)
        return int(gold[np.arange(len(gold)), z.argmax(axis=1)].sum())

    w, best = w.copy(), right(w)
    for _ in range(rounds):
        improved = False
        for j in np.flatnonzero(free):
            for step in (-0.2, -0.1, -0.05, -0.02, 0.02, 0.05, 0.1, 0.2):
                w2 = w.copy()
                w2[j] += step
                r = right(w2)
                if r > best:
                    best, w, improved = r, w2, True
        if not improved:
            break
    return w


def cross_validate(groups, l2, prior, free, folds=5):
    right = 0
    for k in range(folds):
        train = [g for i, g in enumerate(groups) if i % folds != k]
        test = [g for i, g in enumerate(groups) if i % folds == k]
        right += top_right(test, fit(train, l2, prior, free, steps=1500))
    return right


def config_weights():
    pairs = fitting.section_weights("passage")
    return np.array([pairs[k] for k in FEATURES])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--write", action="store_true", help="rewrite config/default.toml's [passage]")
    ap.add_argument("--leave-out", default="", help="fit without the tuning sets whose path holds this; they are reported as the check")
    ap.add_argument("--from-zero", action="store_true", help="pull the weights toward zero, not toward the current ones")
    ap.add_argument("--free", default="", help="fit only these features (comma-separated); the others keep their weight")
    ap.add_argument("--single-weight", type=int, default=1, help="count each question of tests/qa/*.jsonl this many times")
    ap.add_argument("--cache", default="", help="keep the dumps in this folder and reuse them (while only the fit changes)")
    ap.add_argument("--l2", type=float, default=None, help="the penalty (default: chosen by cross-validation)")
    ap.add_argument("--ascent", action="store_true", help="coordinate ascent on questions right (top paragraph), from the weights in use, moving only --free")
    a = ap.parse_args()
    current = config_weights()
    by_set = {data: groups_of(cases, outs) for data, cases, outs in dumps(a.bin, a.cache)}
    # The single-article sets carry bars in `cargo test`: their questions can count more.
    train = [g for d, gs in by_set.items() if not (a.leave_out and a.leave_out in d)
             for g in gs for _ in range(a.single_weight if "/qa/" in d and "archive" not in d else 1)]
    # By default the penalty pulls toward the weights in use: a feature moves only as far as the
    # tuning questions ask (a paragraph choice the fit improves can still cost the answer model,
    # fitted on the choices made so far).
    # Only the weights' direction ranks; the softmax wants a scale too: the prior is the weights
    # in use at the scale that fits the questions best.
    prior = np.zeros(len(FEATURES)) if a.from_zero else current * best_scale(train, current)
    # The features left out of --free keep their prior weight.
    free = np.array([not a.free or k in a.free.split(",") for k in FEATURES])
    if a.ascent:
        folds, before, after = 5, 0, 0
        for k in range(folds):
            tr = [g for i, g in enumerate(train) if i % folds != k]
            te = [g for i, g in enumerate(train) if i % folds == k]
            before += top_right(te, current)
            after += top_right(te, ascend(tr, current, free))
        print(f"cross-validation (questions right of {len(train)}): in use {before}, ascent {after}")
        w = ascend(train, current, free)
        l2 = None
    else:
        w = None
        l2 = a.l2
    if w is None and l2 is None:
        scores = {c: cross_validate(train, c, prior, free) for c in (0.01, 0.03, 0.1, 0.3, 1.0)}
        print("cross-validation (questions right of", len(train), "):",
              ", ".join(f"l2={c}: {r}" for c, r in scores.items()))
        # The strongest penalty among the best: the softest weights that do as well.
        best = max(scores.values())
        l2 = max(c for c, r in scores.items() if r == best)
    if w is None:
        w = fit(train, l2, prior, free)
    print(f"l2 {l2}; questions whose paragraph choice matters: {len(train)} fitted on")
    for d, gs in by_set.items():
        mark = " (left out)" if a.leave_out and a.leave_out in d else ""
        name = "/".join(d.split("/")[-2:])
        print(f"  {name:24s} {len(gs):4d} q  current {top_right(gs, current):4d}"
              f"  fitted {top_right(gs, w):4d}{mark}")
        types = sorted({t for _, _, t in gs})
        for t in types:
            sub = [g for g in gs if g[2] == t]
            print(f"      {t:10s} {len(sub):4d}  {top_right(sub, current):4d} -> {top_right(sub, w):4d}")
    for k, wi, ci in zip(FEATURES, w, current):
        print(f"  {k:12s} {wi:+.3f}   (now {ci:+.3f})")
    if a.write:
        weights = ", ".join(f"{k} = {wi:.3f}" for k, wi in zip(FEATURES, w))
        path = fitting.rewrite_section(
            "passage",
            lambda sec: re.sub(r"(?m)^weights = .*$", f"weights = {{ {weights} }}", sec, count=1))
        print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
