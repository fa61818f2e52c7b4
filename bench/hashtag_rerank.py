"""Fit and cross-validate a small reranker over A201's candidate splits, on the dev sets only (issue 13).

Usage: python bench/hashtag_rerank.py [--data DIR]

For each dev hashtag (lower-cased, one part, read by the model) it takes what `suggest` gives today and the
segmenter's own candidates: the best split before the rule's checks ("raw") and the best split without one of its
word boundaries ("runner-up"). Three logistic regressions (numpy, Newton steps, L2 1.0) over features of a split
(segments, shortest and longest, rarest and mean log probability, lexicon words, single letters, web word pairs
and their PMI, whole string known / its log probability / margin over the split, margin to the runner-up, length,
wordfreq and wordsegment frequencies of the whole and the rarest part, how word-like the whole is spelt) decide:
- abstain: drop today's suggestion when P(right) < t_a;
- split: suggest the raw split where today there is none when P(right) > t_u;
- swap: suggest the runner-up instead of today's suggestion when P(right) > t_w.
Each model is fitted on the rows where its action changes the outcome. 4-way cross-validation: fit on three dev
sets, pick the thresholds on those three (most right with no more wrong suggestions than today), score the fourth.
The test sets are never read. In-process scoring equals bench/hashtags.py's through the CLI.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hashtags import DATA, DEV_SETS, boundaries, camel_words, judge, load_set  # noqa: E402
from postcheck.text import hashtags as H  # noqa: E402

FEATURES = (
    "nseg", "minlen", "maxlen", "pairfrac", "pmi", "minlp", "meanlp", "lexn", "single", "wholeknown", "wholelp",
    "wholevs", "rivalm", "length", "wf_whole", "wf_min", "wf_ws_gap", "ws_whole", "ws_min", "wordlike",
)  # fmt: skip
ABSTAIN_FEATURES = (*FEATURES, "conf", "same_raw")
GRID_ABSTAIN = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
GRID_TAKE = (1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5)
L2 = 1.0


class Splits:
    """Features of candidate splits, from the segmenter's model and the two word lists it is built from."""

    def __init__(self) -> None:
        import wordsegment
        from wordfreq import zipf_frequency

        if not wordsegment.UNIGRAMS:
            wordsegment.load()
        self.model, self.zipf, self.web = H.segmenter(), zipf_frequency, wordsegment.UNIGRAMS
        self.lexicon = H._lexicon(())
        self.boosts = H._boosts(tuple(self.lexicon))

    def logp(self, word: str) -> float:
        found = H._logp(word, self.model, self.boosts)
        return -25.0 if found is None else max(found, -25.0)

    def written(self, words: list[str]) -> str:
        return "".join(H._case(w, self.lexicon) for w in words)

    def features(self, text: str, words: list[str], own: float, other: float | None) -> dict[str, float]:
        """`words` split from `text`; `own` its Viterbi log probability, `other` its nearest rival's."""
        lps = [self.logp(w) for w in words]
        pmis = []
        for a, b in itertools.pairwise(words):
            unit = self.model.pair(a + b)
            pmis.append(unit[0] - self.logp(a) - self.logp(b) if unit is not None and unit[1] == (a, b) else None)
        whole = self.model.score(text)
        whole_lp = whole if whole is not None else self.model.unknown(text)
        total = sum(lps) + H.Segmenter.WORD_BONUS * len(words)
        wf = [self.zipf(w, "en", wordlist="large") for w in words]
        wf_whole = self.zipf(text, "en", wordlist="large")
        return {
            "nseg": len(words),
            "minlen": min(map(len, words)),
            "maxlen": max(map(len, words)),
            "pairfrac": sum(p is not None for p in pmis) / len(pmis),
            "pmi": max(-5.0 if p is None else p for p in pmis),
            "minlp": min(lps),
            "meanlp": sum(lps) / len(lps),
            "lexn": sum(w in self.lexicon for w in words),
            "single": sum(len(w) == 1 for w in words),
            "wholeknown": float(whole is not None),
            "wholelp": max(whole_lp, -40.0),
            "wholevs": max(min(whole_lp - total, 15.0), -15.0),
            "rivalm": max(min(other - own, 0.0), -15.0) if other is not None else -15.0,
            "length": len(text),
            "wf_whole": wf_whole,
            "wf_min": min(wf),
            "wf_ws_gap": wf_whole - min(wf),
            "ws_whole": math.log10(self.web.get(text, 0) + 1),
            "ws_min": min(math.log10(self.web.get(w, 0) + 1) for w in words),
            "wordlike": self.model.unknown(text) / len(text),
        }


def rows_of(name: str, splits: Splits, data: Path) -> list[dict]:
    """Per hashtag of a set: today's outcome, and the candidates' features and outcomes where there are any."""
    rows = []
    for tag, golds in load_set(name, data):
        text = tag.lower()
        now, confident = H.suggest(text)
        row = {"set": name, "now": now, "ok": judge(tag, golds, now), "whole_ok": judge(tag, golds, None)}
        rows.append(row)
        plain_part = text.isascii() and text.isalnum() and not H._ELONGATED.search(text)
        if not plain_part or not H._needs_model(text, splits.lexicon):
            continue
        table = splits.model.table(text, splits.boosts)
        found = splits.model.read(table)
        if found is None or len(found[0]) < 2:
            continue
        cuts = list(itertools.accumulate(len(w) for w in found[0][:-1]))
        rivals = [r for r in splits.model.best_without(text, splits.boosts, table, cuts) if r is not None]
        rivals.sort(key=lambda r: -r[1])
        rival = rivals[0][1] if rivals else None
        raw = splits.written(found[0])
        row["raw"] = (splits.features(text, found[0], found[1], rival), judge(tag, golds, raw))
        if rivals and len(rivals[0][0]) > 1:
            runner = splits.written(rivals[0][0])
            row["runner"] = (splits.features(text, rivals[0][0], rivals[0][1], found[1]), judge(tag, golds, runner))
        if now is not None:
            words = [w.lower() for w in camel_words(now)]
            features = splits.features(text, words, found[1], rival)
            features["conf"] = float(confident)
            features["same_raw"] = float(boundaries(camel_words(now)) == boundaries(camel_words(raw)))
            row["now_f"] = features
    return rows


def actions(kind: str, rows: list[dict]) -> list[tuple[dict, bool, int, int]]:
    """(features, whether the candidate is right, change in right, change in wrong suggestions) per action."""
    found = []
    for r in rows:
        if kind == "abstain" and r["now"] is not None and "now_f" in r:
            found.append((r["now_f"], r["ok"], r["whole_ok"] - r["ok"], -(not r["ok"])))
        elif kind == "split" and r["now"] is None and "raw" in r:
            features, ok = r["raw"]
            found.append((features, ok, ok - r["ok"], int(not ok)))
        elif kind == "swap" and r["now"] is not None and "runner" in r:
            features, ok = r["runner"]
            found.append((features, ok, ok - r["ok"], int(not ok) - int(not r["ok"])))
    return found


NAMES = {"abstain": ABSTAIN_FEATURES, "split": FEATURES, "swap": FEATURES}


def matrix(kind: str, found: list) -> np.ndarray:
    return np.array([[f[n] for n in NAMES[kind]] for f, *_ in found], float).reshape(len(found), len(NAMES[kind]))


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Logistic regression on standardised features (Newton steps, L2 on all but the intercept)."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    w = np.zeros(z.shape[1])
    penalty = np.diag(np.r_[0.0, np.full(len(w) - 1, L2)])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        w += np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + penalty, z.T @ (y - p) - penalty @ w)
    return w, mu, sd


def probability(model: tuple, x: np.ndarray) -> np.ndarray:
    w, mu, sd = model
    return 1 / (1 + np.exp(-(np.hstack([np.ones((len(x), 1)), (x - mu) / sd]) @ w)))


def train(rows: list[dict]) -> dict[str, tuple]:
    """One model per action, fitted on the rows where the action changes the outcome."""
    models = {}
    for kind in NAMES:
        found = [a for a in actions(kind, rows) if a[2:] != (0, 0)]
        models[kind] = fit(matrix(kind, found), np.array([a[1] for a in found], float))
    return models


def changes(models: dict, rows: list[dict], thresholds: tuple[float, float, float]) -> tuple[int, int]:
    """Change in right answers and in wrong suggestions when the models act at these thresholds."""
    right = wrong = 0
    for kind, at in zip(NAMES, thresholds, strict=True):
        found = actions(kind, rows)
        if not found:
            continue
        p = probability(models[kind], matrix(kind, found))
        chosen = p < at if kind == "abstain" else p > at
        right += sum(a[2] for a, c in zip(found, chosen, strict=True) if c)
        wrong += sum(a[3] for a, c in zip(found, chosen, strict=True) if c)
    return right, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no hashtag data at {args.data}")
        return 0
    splits = Splits()
    rows = [r for name in DEV_SETS for r in rows_of(name, splits, args.data)]
    total = np.zeros(4, int)
    for held in DEV_SETS:
        fitted, scored = [r for r in rows if r["set"] != held], [r for r in rows if r["set"] == held]
        models = train(fitted)
        best = None
        for thresholds in itertools.product(GRID_ABSTAIN, GRID_TAKE, GRID_TAKE):
            right, wrong = changes(models, fitted, thresholds)
            if wrong <= 0 and (best is None or (right, -wrong) > best[:2]):
                best = (right, -wrong, thresholds)
        right, wrong = changes(models, scored, best[2])
        now_right = sum(r["ok"] for r in scored)
        now_wrong = sum(r["now"] is not None and not r["ok"] for r in scored)
        print(
            f"{held:<16} thresholds {best[2]}: right {now_right} -> {now_right + right}, "
            f"wrong {now_wrong} -> {now_wrong + wrong} of {len(scored)}"
        )
        total += (now_right, now_right + right, now_wrong, now_wrong + wrong)
    print(f"cross-validated, all four: right {total[0]} -> {total[1]}, wrong {total[2]} -> {total[3]} of {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
