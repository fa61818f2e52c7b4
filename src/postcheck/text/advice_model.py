"""A second reading of M104: how much a reply reads like medical advice, by a logistic regression over its words and
word pairs, trained on tests/moderation_cases*.yml: M104's Bad replies as advice, its Good replies and the other M
rules' posts as not (`python bench/advice_model.py` retrains it and measures it on batches it has not seen).

The patterns of advice.py find the shapes of advice they know, and say which medical word a finding is about; this
model finds advice in words they do not know ("clove oil on a cotton bud numbs it nicely"), as people write it. It
only reads; it never decides alone whether a reply points to a GP or NHS 111 (advice.py does)."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

from postcheck.text import APOSTROPHES, SENTENCE_TEXT

MODEL = Path(__file__).with_name("advice_model.tsv")
# Chosen on batches the model had not seen (`bench/advice_model.py --measure`).
REPORT_FROM = 0.6  # the model alone reports a reply read whole from here
OVERRULE_BELOW = 0.2  # below this, read whole and sentence by sentence, the model overrules the patterns
# The fewest features the model must know in a reply to have a say: 99% of the replies it learnt from have 14 or
# more, and on a few words ("Try it", "Rest.") one word decides.
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
def _shipped() -> Model:
    """The model shipped beside this module, read once, on the first reply checked."""
    intercept = 0.0
    idf, weight = {}, {}
    for line in MODEL.read_text(encoding="utf-8").splitlines():
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


def read(text: str, model: Model | None = None) -> tuple[float, int]:
    """How likely the reply gives medical advice or reassurance, 0 to 1, and how many features the model knows in it."""
    intercept, idf, weight = model or _shipped()
    vector = tf_idf(Counter(features(text)), idf)
    z = intercept + sum(v * weight[f] for f, v in vector.items())
    return 1 / (1 + math.exp(-z)), len(vector)


def probability(text: str, model: Model | None = None) -> float:
    return read(text, model)[0]


def strongest_sentence(text: str, model: Model | None = None) -> tuple[int, int, float]:
    """Where the sentence that reads most like advice starts and ends, and its probability read alone."""
    sentences = [m for m in SENTENCE_TEXT.finditer(text) if m.group().strip()] or [re.match(r".*", text, re.S)]
    scored = [(probability(m.group(), model), m) for m in sentences]
    likely, best = max(scored, key=lambda pair: pair[0])
    start = best.start() + len(best.group()) - len(best.group().lstrip())
    return start, best.start() + len(best.group().rstrip()), likely
