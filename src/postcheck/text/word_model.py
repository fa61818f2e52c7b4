"""A second reading for the rules whose wording people vary without end (M104's advice, M105's requests): a logistic
regression over a text's words and word pairs, trained on tests/moderation_cases*.yml (`python bench/word_models.py`
retrains the shipped models and measures them on batches they had not seen).

The patterns find the shapes they know and say what a finding is about; a model finds the same thing in words they
do not know ("clove oil on a cotton bud numbs it nicely"), as people write it. A model only reads: the rule decides
what it is asked about (advice.py never asks about a reply that points to a GP; data_requests.py only about a text
that names personal data and no private channel alone)."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

from postcheck.text import APOSTROPHES, SENTENCE_TEXT

ADVICE = Path(__file__).with_name("advice_model.tsv")  # M104: replies that advise or reassure on a medical matter
REQUESTS = Path(__file__).with_name("request_model.tsv")  # M105: texts that ask the reader for personal data
# The fewest features a model must know in a text to have a say: 99% of the texts they learnt from have 14 or more,
# and on a few words ("Try it", "Rest.") one word decides.
MIN_FEATURES = 10

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?]")


def features(text: str) -> list[str]:
    """The words of a text, lower-cased with its apostrophes straightened, and each pair of words in a sentence;
    `<s>` marks where a sentence starts, so "<s> try" (an order) differs from "we try"."""
    text = text.translate(APOSTROPHES).lower()
    words = ["<s>"]
    for token in _TOKEN.findall(text):
        if token not in ".!?":
            words.append(token)
        elif words[-1] != "<s>":
            words.append("<s>")
    return [w for w in words if w != "<s>"] + [f"{a} {b}" for a, b in pairwise(words) if b != "<s>"]


Model = tuple[float, dict[str, float], dict[str, float]]  # the intercept, each feature's idf, each feature's weight


@cache
def load(path: Path) -> Model:
    """A shipped model, read once, the first time a rule asks it."""
    intercept = 0.0
    idf, weight = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        feature, its_idf, its_weight = line.split("\t")
        if feature == "<intercept>":
            intercept = float(its_weight)
        else:
            idf[feature], weight[feature] = float(its_idf), float(its_weight)
    return intercept, idf, weight


def tf_idf(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """A text's features as the model reads them, in training and after: 1 + log of the count, times the feature's
    idf, scaled to unit length over the features with an idf (the others are left out)."""
    values = {f: (1 + math.log(count)) * idf[f] for f, count in counts.items() if f in idf}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {f: v / norm for f, v in values.items()}


def read(text: str, model: Model) -> tuple[float, int]:
    """How likely the text is what the model learnt to find, 0 to 1, and how many features the model knows in it."""
    intercept, idf, weight = model
    vector = tf_idf(Counter(features(text)), idf)
    z = intercept + sum(v * weight[f] for f, v in vector.items())
    return 1 / (1 + math.exp(-z)), len(vector)


def probability(text: str, model: Model) -> float:
    return read(text, model)[0]


def strongest_sentence(text: str, model: Model) -> tuple[int, int, float]:
    """Where the sentence that reads most like what the model finds starts and ends, and its probability read alone."""
    sentences = [m for m in SENTENCE_TEXT.finditer(text) if m.group().strip()] or [re.match(r".*", text, re.S)]
    scored = [(probability(m.group(), model), m) for m in sentences]
    likely, best = max(scored, key=lambda pair: pair[0])
    start = best.start() + len(best.group()) - len(best.group().lstrip())
    return start, best.start() + len(best.group().rstrip()), likely
