"""The words on an image, read with OCR once per image content, and how much of them an alt text carries (A107).

The engine is RapidOCR (PP-OCR models run by ONNX Runtime), installed by the `ocr` extra: its wheel carries the
models, so OCR runs offline on the CPU, and OpenCV comes as the headless build, so no system library is needed.
Its detector is the cheap text-presence step: the recogniser runs only on the regions it finds, so an image without
text costs the detector alone. Images are scaled down to MAX_SIDE first. Results are cached on disk by content hash
(media/probe_cache.py), so posts that share an image, and later runs, do not read it again.
"""

from __future__ import annotations

import difflib
import functools
import gc
import os
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postcheck.media import OCR_EXTRA as EXTRA
from postcheck.media import MediaError, open_regular
from postcheck.media import ocr_missing as engine_missing
from postcheck.media.images import MAX_PIXELS

MAX_SIDE = 512  # px: body text of 30 px on a 1080 px poster still reads (test set); time grows with pixels
MIN_SCORE = 0.8  # lines the recogniser is less sure of are patterns read as letters ("ooooo"), not text


class OcrUnavailable(Exception):
    """OCR cannot run here; the message says how to install it."""


@functools.cache
def _cache_kind() -> str:
    """The cache entry's name: another engine release or scale reads the image anew. The release is told by the
    installed package's own file, found without importing it (importlib.metadata would scan every installed
    package: 12 ms of a one-post run)."""
    import os
    from importlib.util import find_spec

    spec = find_spec("rapidocr")
    if spec is None or not spec.origin:
        raise OcrUnavailable(f"the OCR engine is not installed: pip install 'postcheck[{EXTRA}]'")
    stamp = os.stat(spec.origin)
    release = f"{stamp.st_size}.{stamp.st_mtime_ns}"
    return f"ocr-{release}-{MAX_SIDE}-{MIN_SCORE}-{EDGE_LEVELS}-{MIN_EDGE_PIXELS}-{REC_BATCH}"


@dataclass(frozen=True)
class TextLine:
    """One line of text the OCR found: the words, the recogniser's confidence and the box (x0, y0, x1, y1),
    in pixels of the image as read (scaled down to MAX_SIDE)."""

    text: str
    score: float
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class ImageText:
    """The text on an image, line by line in reading order (columns one after another)."""

    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return {"lines": [[line.text, line.score, list(line.box)] for line in self.lines]}

    @classmethod
    def from_json(cls, data: Any) -> ImageText:
        """The ImageText that `to_json` wrote; raises ValueError for anything else (the cache is untrusted)."""
        if not isinstance(data, dict) or not isinstance(data.get("lines"), list) or len(data["lines"]) > 10_000:
            raise ValueError("not an OCR result")
        lines = []
        for item in data["lines"]:
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str) and len(item[0]) < 10_000):
                raise ValueError("not an OCR line")
            score, box = item[1], item[2]
            if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
                raise ValueError("not an OCR score")
            if not (isinstance(box, list) and len(box) == 4 and all(type(v) is int and 0 <= v < 2**31 for v in box)):
                raise ValueError("not an OCR box")
            lines.append(TextLine(item[0], float(score), tuple(box)))
        return cls(tuple(lines))


# --- reading ----------------------------------------------------------------------------------------------

_engine: Any = None
_engine_lock = threading.Lock()  # one inference at a time: a reading uses every thread it was given


def _forget_engine_in_child() -> None:
    """A forked process starts without its parent's engine: ONNX Runtime's threads did not come with the fork, and
    a lock another thread held at that moment never would be released (a reading there waited for ever)."""
    global _engine, _engine_lock
    _engine = None
    _engine_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_engine_in_child)
REC_BATCH = 2  # text lines recognised together: 6 (RapidOCR's default) made a 45 MB larger peak, no faster here


own_cores = False  # set in A107's reader process, which has the cores to itself once the posts have loaded


def _threads() -> int:
    """ONNX Runtime's threads for one inference: one in a worker of postcheck's process pool, whose workers
    already keep every core busy (two threads each spent 70% more CPU for 10% less wall time); the usable
    cores, up to 2, in a process of its own."""
    import multiprocessing

    from postcheck.context import usable_cores

    return 1 if multiprocessing.parent_process() is not None and not own_cores else min(2, usable_cores())


def _session(model: Path) -> Any:
    """An ONNX Runtime session for `model`, set up for a small peak rather than for the last millisecond."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only: warnings would go to the user's terminal
    # Memory patterns pre-plan a buffer per input shape, and each text line's width is a new shape: the plans
    # kept 50 MB more at the peak of a run over posters, for no measurable speed. The arena keeps its largest
    # size for the life of the process.
    options.enable_mem_pattern = False
    options.enable_cpu_mem_arena = False
    options.intra_op_num_threads = _threads()
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # no busy-waiting between ops
    return onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])


def _rapidocr() -> Any:
    """The OCR engine, built once, with the models inside the installed package (never downloaded). The
    detector's model is loaded on the first image that may carry text, the recogniser's on the first that does."""
    global _engine
    if _engine is not None:
        return _engine
    reason = engine_missing()
    if reason:
        raise OcrUnavailable(reason)
    try:
        import rapidocr
        from omegaconf import flag_override
    except ImportError as error:
        raise OcrUnavailable(f"the OCR engine does not load ({error}): pip install 'postcheck[{EXTRA}]'") from None
    models = Path(rapidocr.__file__).parent / "models"
    det, rec = sorted(models.glob("*_det_*.onnx")), sorted(models.glob("*_rec_*.onnx"))
    if len(det) != 1 or len(rec) != 1:
        # Without bundled models RapidOCR would download some: postcheck never goes online for this.
        raise OcrUnavailable(
            f"the installed rapidocr has no bundled models in {models}: reinstall 'postcheck[{EXTRA}]'"
        )

    class Engine(rapidocr.RapidOCR):
        """RapidOCR with sessions of postcheck's options, passed as its `session` setting (RapidOCR's own
        sessions keep a buffer plan per input shape and one thread per core)."""

        def _with_session(self, section: str, model: Path) -> None:
            if self.cfg[section].get("session") is None:
                with flag_override(self.cfg[section], "allow_objects", True):
                    self.cfg[section].session = _session(model)

        def _load_det_model(self) -> Any:
            self._with_session("Det", det[0])
            return super()._load_det_model()

        def _load_rec_model(self) -> Any:
            self._with_session("Rec", rec[0])
            return super()._load_rec_model()

    params = {
        "Global.log_level": "error",
        "Global.use_cls": False,  # posters are upright; the angle classifier only costs time
        "Det.model_path": str(det[0]),
        "Rec.model_path": str(rec[0]),
        "Rec.rec_batch_num": REC_BATCH,
        "Det.limit_type": "max",
        "Det.limit_side_len": MAX_SIDE,
    }
    with _engine_lock:
        if _engine is None:
            try:
                _engine = Engine(params=params)
            except Exception as error:  # noqa: BLE001 - a broken install must not end the run with a traceback
                raise OcrUnavailable(
                    f"the OCR engine does not start ({error}): reinstall 'postcheck[{EXTRA}]'"
                ) from None
    return _engine


def release_engine() -> None:
    """Drop the OCR engine and give its memory back to the system (a run about to fork workers that will not
    need it: each would otherwise start with a copy of its pages). The next reading loads it again."""
    global _engine

    with _engine_lock:
        if _engine is None:
            return  # never loaded (no image had text to read): nothing to give back, and no collection to pay
        _engine = None
    gc.collect()
    _trim_heap()  # ONNX Runtime's buffers (140 MB) would stay resident


def _trim_heap() -> None:
    """Give the memory the C library keeps for reuse back to the system, where it is glibc (which keeps what is
    freed); elsewhere (macOS, musl) do nothing: there it is reused, not returned."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # no C library to load, or no malloc_trim in it
        pass


def _load_scaled(path: Path) -> Any:
    """The image's first frame as shown (EXIF orientation, transparency over white), at most MAX_SIDE pixels;
    None when it is all one colour (nothing to read, and scaling it down would cost as much as decoding it)."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with open_regular(path) as handle, Image.open(handle) as image:  # never blocks on a pipe swapped in
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a fraction of the size, much faster
                extrema = image.getextrema()
                if all(low == high for low, high in (extrema if isinstance(extrema[0], tuple) else (extrema,))):
                    return None  # turned or not, one colour: asked first, as turning copies the whole image
                image = ImageOps.exif_transpose(image)
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
                    image = Image.alpha_composite(white, image.convert("RGBA"))
                return image.convert("RGB")
    except MediaError:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow raises many types for corrupt data
        raise MediaError(f"cannot be read for OCR: {error}") from None


# The cheap text-presence step, before any model: letters are strokes that stand out from what is around them,
# so an image (as read, at most MAX_SIDE pixels) where hardly a pixel differs from its neighbour by EDGE_LEVELS
# in any colour (a plain background, a smooth gradient, a blurred photo) has no text to read. A 12 px word of
# grey on white shows a few hundred such pixels, flat-colour JPEG noise a handful.
EDGE_LEVELS = 16
MIN_EDGE_PIXELS = 24


def may_have_text(image: Any) -> bool:
    """Whether a Pillow RGB image has enough sharp edges to carry a word (a cheap test, before any model)."""
    from PIL import ImageChops

    width, height = image.size
    if width < 2 or height < 2:
        return False
    sideways = ImageChops.difference(image.crop((1, 0, width, height)), image.crop((0, 0, width - 1, height)))
    down = ImageChops.difference(image.crop((0, 1, width, height)), image.crop((0, 0, width, height - 1)))
    across, along = sideways.histogram(), down.histogram()  # 256 counts per band, R, G then B
    edges = max(
        sum(across[band * 256 + EDGE_LEVELS : band * 256 + 256])
        + sum(along[band * 256 + EDGE_LEVELS : band * 256 + 256])
        for band in range(3)
    )
    return edges >= MIN_EDGE_PIXELS


def _read(path: Path) -> ImageText:
    image = _load_scaled(path)
    if image is None or not may_have_text(image):
        return ImageText(())  # no model loaded, nor the engine imported, for an image without edges
    engine = _rapidocr()
    with _engine_lock:
        result = engine(image)
    if not gc.isenabled():  # a run keeps the collector off, and each reading leaves cycles behind: 0.15 MB an image
        gc.collect(0)
    # Each reading allocates and frees about 100 MB of tensors, and glibc keeps what is freed for reuse: between
    # the run's own lasting allocations it cannot reuse all of it, and over 1,000 posters the resident set grew in
    # steps from 280 MB to 470-565 MB. Handing it back after each reading kept the same run at 303-331 MB, for
    # about 30 ms more CPU a poster (trimming every 8th reading let it reach 370 MB and still grow).
    _trim_heap()
    found = []
    boxes = result.boxes if result.boxes is not None else []
    for box, text, score in zip(boxes, result.txts or (), result.scores or (), strict=False):
        text = " ".join(str(text).split())
        if not text or score < MIN_SCORE:
            continue
        xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
        found.append(TextLine(text, round(float(score), 4), (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))))
    return ImageText(tuple(reading_order(found)))


def reading_order(lines: list[TextLine]) -> list[TextLine]:
    """Lines in reading order: a line below another that it overlaps sideways continues that column; columns
    are read one after another, by where they start (top, then left)."""
    columns: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda item: (item.box[1], item.box[0])):
        x0, y0, x1, _ = line.box
        height = max(1, line.box[3] - y0)
        home = None
        for column in columns:
            last = column[-1]
            overlap = min(x1, last.box[2]) - max(x0, last.box[0])
            narrower = max(1, min(x1 - x0, last.box[2] - last.box[0]))
            if overlap > narrower / 2 and y0 - last.box[3] < 2 * height and y0 >= last.box[1] + height / 2:
                home = column
                break
        if home is None:
            columns.append([line])
        else:
            home.append(line)
    columns.sort(key=lambda column: (column[0].box[1], column[0].box[0]))
    return [line for column in columns for line in column]


_seen: dict[str, ImageText] = {}  # content hash -> text, for this process (the language server, a --watch run)
_reading: dict[str, threading.Lock] = {}  # content hash -> held while a thread reads it: two copies, one reading
_seen_lock = threading.Lock()
SEEN_MAX = 4096


def _read_once(path: Path) -> ImageText:
    """_read(path), once per image content in this process, however many threads ask for it at a time."""
    from postcheck.media.probe_cache import content_hash

    digest = content_hash(path)
    with _seen_lock:
        if len(_reading) >= SEEN_MAX:
            _seen.clear()
            _reading.clear()
        reading = _reading.setdefault(digest, threading.Lock())
    with reading:
        if digest not in _seen:
            _seen[digest] = _read(path)
        return _seen[digest]


def read_image_text(path: Path, cache_dir: Path | None = None) -> ImageText:
    """The text on the image at `path`, from the cache when its content was read before.

    Raises OcrUnavailable when the `ocr` extra is not installed, MediaError when the image cannot be read."""
    reason = engine_missing()
    if reason:
        raise OcrUnavailable(reason)
    if cache_dir is None:
        return _read_once(path)
    from postcheck.media.probe_cache import cached

    kind = _cache_kind()

    def compute() -> dict[str, Any]:
        try:
            return {"text": _read_once(path).to_json()}
        except MediaError as error:
            return {"error": str(error)}

    def decode(data: Any) -> ImageText | MediaError:
        if isinstance(data, dict) and isinstance(data.get("error"), str) and len(data) == 1:
            return MediaError(data["error"])
        if isinstance(data, dict) and len(data) == 1 and "text" in data:
            return ImageText.from_json(data["text"])
        raise ValueError("not an OCR entry")

    result = cached(cache_dir, path, kind, compute, decode)
    if isinstance(result, MediaError):
        raise result
    return result


# --- coverage ---------------------------------------------------------------------------------------------

# Words that carry no information of their own: an alt that drops them still conveys the text. "No" and "not"
# are not among them: "No appointment needed" and "Appointment needed" say opposite things.
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "for", "from", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she",
    "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us",
    "was", "we", "were", "what", "when", "which", "who", "will", "with", "you", "your"
})  # fmt: skip
# Letters and digits the recogniser mistakes for one another on posters: 5pm read as Spm, local as Iocal.
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "8": "b", "|": "l"})
_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(_fold(text)))


def significant(token: str) -> bool:
    """Whether a word of the image's text must be conveyed: not a stopword, not a lone letter or a run of one
    letter (a pattern read as 'ooooo')."""
    if token in STOPWORDS or (len(token) < 2 and not token.isdigit()):
        return False
    return not (len(token) >= 3 and len(set(token)) == 1 and not token.isdigit())


@dataclass(frozen=True)
class ImageWord:
    """A significant word of the image's text: where it is (line index, start and end in that line's text)
    and whether the alt text conveys it."""

    line: int
    start: int
    end: int
    text: str
    conveyed: bool


@dataclass(frozen=True)
class AltCoverage:
    """How much of an image's text an alt text carries."""

    text: ImageText
    words: tuple[ImageWord, ...]  # significant words, in reading order

    @property
    def distinct(self) -> int:
        """How many different significant words the image carries."""
        return len({_fold(w.text) for w in self.words})

    @property
    def missing(self) -> tuple[ImageWord, ...]:
        return tuple(w for w in self.words if not w.conveyed)

    @property
    def distinct_missing(self) -> int:
        return len({_fold(w.text) for w in self.missing})

    @property
    def share(self) -> float:
        """The share of the image's different significant words that the alt conveys (1.0 when there are none)."""
        return 1.0 - self.distinct_missing / self.distinct if self.distinct else 1.0

    def missing_text(self, limit: int = 60) -> str:
        """The image's text from the first missing word on, shortened to about `limit` characters."""
        if not self.missing:
            return ""
        first = self.missing[0]
        rest = [self.text.lines[first.line].text[first.start :]]
        rest += [line.text for line in self.text.lines[first.line + 1 :]]
        quoted = " ".join(rest)
        if len(quoted) <= limit:
            return quoted
        cut = quoted[:limit].rsplit(" ", 1)[0] if " " in quoted[:limit] else quoted[:limit]
        return cut.rstrip(" ,;:.") + "\u2026"


class _AltWords:
    """The alt text's words, with the forms an OCR'd word may match: joined neighbours ('8am to 6pm' read as
    '8amto6pm', also for '8 am to 6 pm'), prefixes (Mon, Monday; clinic, clinics), and letters the recogniser
    confuses."""

    def __init__(self, alt: str):
        tokens = [m.group() for m in _tokens(alt)]
        self.exact = set(tokens)
        for size in (2, 3, 4, 5):
            self.exact.update("".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))
        self.confused = {t.translate(_CONFUSABLE) for t in self.exact}
        self.tokens = sorted(set(tokens))

    def conveys(self, word: str) -> bool:
        if word in self.exact or word.translate(_CONFUSABLE) in self.confused:
            return True
        for token in self.tokens:
            if word.isdigit():
                # 9 on the poster, 9am in the alt; never 9 for 19
                if token.startswith(word) and (len(token) == len(word) or not token[len(word)].isdigit()):
                    return True
                continue
            after = word[len(token) : len(token) + 1]
            if token.isdigit() and word.startswith(token) and after and not after.isdigit():
                return True  # 9am on the poster, 9 in the alt ("9 to 5")
            if len(word) >= 3 and token.startswith(word):
                return True  # Mon on the poster, Monday in the alt; clinic, clinics
            if len(token) >= 3 and token not in STOPWORDS and word.startswith(token):
                return True  # Monday on the poster, Mon in the alt; clinics, clinic
            close = len(word) >= 4 and abs(len(word) - len(token)) <= 2
            if close and difflib.SequenceMatcher(None, word, token).ratio() >= 0.8:
                return True  # one or two letters misread
        return False


def alt_coverage(text: ImageText, alt: str) -> AltCoverage:
    """Which of the image's significant words the alt text conveys, robust to OCR noise, case, punctuation,
    line breaks and reading order."""
    if not text.lines:
        return AltCoverage(text, ())  # most images: nothing to look for in the alt
    alt_words = _AltWords(alt)
    verdicts: dict[str, bool] = {}
    words = []
    for index, line in enumerate(text.lines):
        folded = _fold(line.text)
        if len(folded) != len(line.text):
            folded = line.text.casefold()  # keep positions in the line's own text
        for match in _WORD.finditer(folded):
            token = match.group()
            if not significant(token):
                continue
            if token not in verdicts:
                verdicts[token] = alt_words.conveys(token)
            words.append(
                ImageWord(index, match.start(), match.end(), line.text[match.start() : match.end()], verdicts[token])
            )
    return AltCoverage(text, tuple(words))


def as_alt_text(text: ImageText) -> str:
    """The image's text as one sentence for an alt text: lines joined with commas unless they end a sentence."""
    parts: list[str] = []
    for line in text.lines:
        words = line.text.strip()
        if not words:
            continue
        if parts and not re.search(r"[.,;:!?\u2026][\"'\u201d\u2019)]*$", parts[-1]):
            parts[-1] += ","
        parts.append(words)
    joined = " ".join(parts)
    if joined and not re.search(r"[.!?\u2026][\"'\u201d\u2019)]*$", joined):
        joined = joined.rstrip(",;:") + "."
    return joined


def image_text_in_alt(path: Path, alt: str, cache_dir: Path | None = None) -> AltCoverage:
    """The text on the image at `path` and which of its words `alt` conveys (for the HTML report and the language
    server). Raises OcrUnavailable when the `ocr` extra is not installed, MediaError when the image is unreadable."""
    return alt_coverage(read_image_text(path, cache_dir), alt)
