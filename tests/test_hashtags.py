"""A201-A205: hashtag finding, CamelCase suggestions and fixes, hashtag count, emoji, fancy letters, shouting."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from postcheck.text.hashtags import LEXICON, code_ranges, find_hashtags, suggest
from tests.conftest import SHARED, run_cli, write


def post(text: str, platforms: str = "[x]") -> str:
    return f"---\nplatforms: {platforms}\n---\n{text}\n"


def tags(text: str) -> list[str]:
    return [h.tag for h in find_hashtags(text)]


# --- finding hashtags ---------------------------------------------------------------------------------------


def test_hashtags_found_as_twitter_text_finds_them():
    assert tags("Book now #FluJab, #stay_well! #2024 a#b &#39; #café") == ["FluJab", "stay_well", "café"]


def test_hashtag_in_url_fragment_is_not_a_hashtag():
    assert tags("See https://x.test/#section and www.nhs.uk/conditions#symptoms #Real") == ["Real"]


def test_hashtag_inside_code_span_is_not_a_hashtag():
    text = "Type `#notatag` or ``#nor `this` one`` then #RealOne"
    assert tags(text) == ["RealOne"]
    assert code_ranges("a `b` c") == [(2, 5)]


# --- suggestions ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["wellbeing", "physiotherapy", "breastfeeding", "Wellbeing", "vaccines"])
def test_single_words_raise_nothing(tag):
    assert suggest(tag) == (None, False)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("nhs111online", "NHS111Online"),
        ("covid19vaccine", "COVID19Vaccine"),
        ("season1episode2", "Season1Episode2"),
        ("flujab", "FluJab"),
        ("Flujab", "FluJab"),
        ("FLUJAB", "FluJab"),
        ("mentalhealthawarenessweek", "MentalHealthAwarenessWeek"),
        ("nhsengland", "NHSEngland"),
    ],
)
def test_multiword_hashtags_get_camelcase(tag, expected):
    assert suggest(tag)[0] == expected


@pytest.mark.parametrize(
    "tag", ["NHS", "COVID19", "LGBTQ", "nhs", "FluJab", "NHSEngland", "iPhone", "flu", "2024", "ARFID"]
)
def test_acronyms_short_and_cased_hashtags_are_trusted(tag):
    assert suggest(tag) == (None, False)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("mhstrategy", "MHStrategy"),  # one rare short piece beside a common word: an acronym, unsafe fix
        ("1dtoday", "1DToday"),  # a letters-and-digit code
        ("dingdingding", "DingDingDing"),  # a word said again and again
    ],
)
def test_acronym_code_and_repeated_pieces(tag, expected):
    assert suggest(tag)[0] == expected


@pytest.mark.parametrize(
    "tag",
    ["otbc", "dcth", "retweetist", "squirmles", "funda", "phpvikinger", "followfridayed", "fatafeat", "goatrance"],
)
def test_short_pieces_word_endings_and_trailing_a_are_left_alone(tag):
    assert suggest(tag) == (None, False)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("hearingaids", "HearingAids"),  # not "HearingAIDS": lexicon acronyms that are everyday words
        ("haveaniceday", "HaveANiceDay"),
        ("worldaidsday", "WorldAidsDay"),
        ("mriscan", "MRIScan"),  # a lexicon word beats a run of short words ("MrIsCan")
        ("nhsaid", "NHSAid"),  # and a two-letter abbreviation ("NhSaid")
        ("nhsapp", "NHSApp"),  # a 3-letter word beside a 3-letter lexicon acronym
    ],
)
def test_lexicon_acronyms_that_are_everyday_words_and_lexicon_words_in_splits(tag, expected):
    assert suggest(tag)[0] == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("voterid", ("VoterID", False)),  # not "VoteRid"; but "vote rid" is a close rival, so not a safe fix
        ("asbawarenessweek", ("ASBAwarenessWeek", True)),
        ("sendsupport", ("SendSupport", False)),  # SEND (special needs) or send: not for --fix to decide
        ("worldaidsday", ("WorldAidsDay", False)),
        ("nhsscotland", ("NHSScotland", True)),  # a lexicon term of two words, written without its capitals
        ("youtube", (None, False)),  # one name, whatever its capitals
        ("NhsScotland", (None, False)),  # the author's capitals are trusted
    ],
)
def test_council_and_nhs_terms(tag, expected):
    assert suggest(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("thejar", ("TheJar", True)),  # a determiner anchors a short word
        ("theot", (None, False)),  # but not a rare piece of two letters
        ("yegbiker", ("YegBiker", False)),  # an unknown acronym beside a word that is not among the most common
        ("otbc", (None, False)),
    ],
)
def test_short_words_after_a_determiner_and_acronyms_beside_rarer_words(tag, expected):
    assert suggest(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("japantechtalk", ("JapanTechTalk", False)),  # "techtalk" is known whole, "tech talk" nearly as probable
        ("supportbreastfeeding", ("SupportBreastfeeding", True)),  # health words stay whole
        ("techtalk", (None, False)),  # a compound alone is one word
    ],
)
def test_compounds_inside_a_split_are_split_but_never_safely(tag, expected):
    assert suggest(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("awardshow", "AwardsHow"),  # or "award show": the pieces read either way
        ("meadowsmall", "MeadowSmall"),  # or "meadows mall"
        ("gadgetshowlive", "GadgetsHowLive"),  # or "gadget show live"
        ("numberoflanguagesispeak", "NumberOfLanguagesIsPeak"),  # or "i speak"
    ],
)
def test_a_split_with_a_close_rival_is_never_a_safe_fix(tag, expected):
    assert suggest(tag) == (expected, False)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("stayhomesavelives", "StayHomeSaveLives"), ("mentalhealthawareness", "MentalHealthAwareness")],
)
def test_a_split_far_ahead_of_its_rivals_stays_a_safe_fix(tag, expected):
    assert suggest(tag) == (expected, True)


def test_config_words_give_everyday_word_acronyms_their_capitals():
    assert suggest("worldaidsday", ["AIDS"])[0] == "WorldAIDSDay"
    assert suggest("niceguidance", ["NICE"])[0] == "NICEGuidance"
    assert suggest("sendsupport", ["SEND"]) == ("SENDSupport", True)


def test_a_between_words_needs_a_common_pair_before_it():
    assert suggest("whatadayitsbeen")[0] == "WhatADayItsBeen"
    assert suggest("intaphoto") == (None, False)  # "int a" is a web pair, but a rare one


def test_acronym_guesses_are_not_safe_fixes():
    assert suggest("mhstrategy")[1] is False
    assert suggest("flujab") == ("FluJab", True)


def test_inner_capitals_of_lexicon_words_are_dropped_inside_a_longer_hashtag():
    assert suggest("newiphonefund")[0] == "NewIphoneFund"  # "NewiPhoneFund" reads as New-i-Phone-Fund
    assert suggest("iphone") == (None, False)
    assert suggest("aandewaits")[0] == "AandEWaits"  # a form that starts with a capital keeps its capitals


@pytest.mark.parametrize("word", LEXICON)
def test_suggestions_change_only_the_case_of_letters(word):
    tag = re.sub(r"[^a-z0-9]", "", word.lower()) + "waitingtimes"  # "A&E", "LGBTQ+": no such letters in a hashtag
    suggestion = suggest(tag)[0]
    assert suggestion is not None and suggestion.lower() == tag


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("happpybirthday", ("HapppyBirthday", False)),  # stretched letters read as the plain word, kept as written
        ("sooooocute", ("SoooooCute", False)),
        ("buzzzing", (None, False)),  # one stretched word
        ("uselessskills", ("UselessSkills", True)),  # three letters across two words: no stretching
    ],
)
def test_stretched_letters(tag, expected):
    assert suggest(tag) == expected


def test_config_words_extend_the_lexicon():
    assert suggest("msehealth", ["MSE"])[0] == "MSEHealth"


@pytest.mark.parametrize("tag", ["kktc", "xqzvbnm", "santé", "健康第一", "gesundheitsamt"])
def test_unknown_or_other_script_hashtags_raise_nothing(tag):
    assert suggest(tag)[0] is None


@pytest.mark.parametrize("tag", ["hermosura", "ventanilla", "kartoffel"])
def test_words_the_lists_lack_are_not_cut_into_short_pieces(tag):
    # spelt like a word ("her|mo|sura", "kart|off|el" would be the best split into known words)
    assert suggest(tag) == (None, False)


@pytest.mark.parametrize(
    ("tag", "expected"), [("callofdutymagic", "CallOfDutyMagic"), ("blackandwhitephoto", "BlackAndWhitePhoto")]
)
def test_phrases_the_lists_know_whole_are_split_round_of_the_and(tag, expected):
    assert suggest(tag)[0] == expected


@pytest.mark.parametrize("tag", ["wherein", "thereof", "understand", "grandson"])
def test_words_holding_of_the_and_stay_whole(tag):
    assert suggest(tag) == (None, False)


# --- A201 through the CLI ------------------------------------------------------------------------------------


def test_lowercase_multiword_hashtag_gets_camelcase_fix(check):
    run = check({"post.md": post("Book your jab. #flujab")}, "--select", "A201")
    (finding,) = run.json["findings"]
    assert finding["suggestion"] == "#FluJab"
    assert finding["fix"]["edits"][0]["content"] == "#FluJab"


def test_camelcase_and_single_word_hashtags_pass(check):
    run = check(
        {"post.md": post("#FluJab #wellbeing #NHS111Online https://x.test/#section\n`#codeonly`")}, "--select", "A"
    )
    assert run.codes == []


def test_fix_rewrites_exactly_the_lowercase_hashtags_and_is_idempotent(tmp_path):
    original = post("Stay well this winter #flujab #mentalhealthawareness #stayhomesavelives #FluJab #wellbeing")
    write(tmp_path, {"postcheck.toml": "", "post.md": original})
    run_cli(".", "--fix", "--select", "A201", "--no-cache", cwd=tmp_path)
    fixed = (tmp_path / "post.md").read_text(encoding="utf-8")
    assert fixed == original.replace("#flujab", "#FluJab").replace(
        "#mentalhealthawareness", "#MentalHealthAwareness"
    ).replace("#stayhomesavelives", "#StayHomeSaveLives")
    again = run_cli(".", "--fix", "--select", "A201", "--no-cache", "--format", "json", cwd=tmp_path)
    assert (tmp_path / "post.md").read_text(encoding="utf-8") == fixed
    assert again.codes == []


def test_no_word_model_is_loaded_when_hashtags_are_camelcase(tmp_path):
    text = "Winter #FluJab #NHS111Online #NHS #StayWell #COVID19 #flu #nhsscotland #2026 #a&e"
    write(tmp_path, {"postcheck.toml": "", "post.md": post(text)})
    script = textwrap.dedent(
        """
        import sys
        from postcheck.cli import main
        sys.argv = ["postcheck", "check", ".", "--no-cache", "--format", "json"]
        try:
            main()
        except SystemExit:
            pass
        from postcheck.text import hashtags

        loaded = {"wordsegment", "wordfreq"} & set(sys.modules) or hashtags.segmenter.cache_info().currsize
        print("LOADED" if loaded else "NOT-LOADED", file=sys.stderr)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert "NOT-LOADED" in done.stderr, done.stderr


def test_model_cache_round_trip_gives_the_built_tables(tmp_path, monkeypatch):
    from postcheck.text import hashtags

    words = {"a": -3.0, "ab": -5.5, "abc": -7.25, "b": -4.0, "bc": -6.0, "c": -4.5, "cat": -8.0, "zz9": -9.0}
    pairs = {"abc": (-9.5, 1), "bcat": (-11.0, 2)}
    letters = {"^^^a": -1.5, "^^a": -3.0, "abc$": -0.5}
    built = []
    tables = {"words": words, "pairs": pairs, "letters": letters}
    monkeypatch.setattr(hashtags, "build_model", lambda: built.append(1) or tables)
    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(tmp_path))
    first = hashtags.load_model()
    second = hashtags.load_model()  # from the cache
    assert built == [1] and len(list(tmp_path.glob("postcheck/hashtag-model-*"))) == 1
    for model in (first, second):
        for table, source in ((model.words, words), (model.letters, letters)):
            assert all(table.get(key) == value and type(table.get(key)) is type(value) for key, value in source.items())
        assert {key: (model.pairs.get(key), model.pairs.get(key, column=1)) for key in pairs} == pairs
        for table in (model.words, model.pairs, model.letters):
            assert [table.get(key) for key in ("", "aa", "abcd", "ca", "zz", "~", "é")] == [None] * 7
    assert hashtags.Segmenter(second).pair("bcat") == (-11.0, ("bc", "at"))
    next(tmp_path.glob("postcheck/hashtag-model-*")).write_bytes(b"not a model")
    assert hashtags.load_model().words.get("cat") == -8.0 and built == [1, 1]  # a broken cache is rebuilt


def test_stored_models_unused_for_a_month_are_deleted_and_one_in_use_is_kept(tmp_path, monkeypatch):
    import os
    import time

    from postcheck.text import hashtags

    tables = {"words": {"cat": -8.0}, "pairs": {"bcat": (-11.0, 2)}, "letters": {"^^^c": -1.0}}
    monkeypatch.setattr(hashtags, "build_model", lambda: tables)
    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(tmp_path))
    folder = tmp_path / "postcheck"
    folder.mkdir()
    month = time.time() - 31 * 86400
    for name, when in (("hashtag-model-3-00000000.bin", month), ("hashtag-model-4-11111111.bin", time.time())):
        (folder / name).write_bytes(b"another release's model")
        os.utime(folder / name, (when, when))
    hashtags.load_model()  # builds and stores this environment's model
    mine = hashtags._model_cache()
    assert sorted(p.name for p in folder.glob("hashtag-model-*")) == sorted([mine.name, "hashtag-model-4-11111111.bin"])
    os.utime(mine, (month, month))  # last written a month ago, but used now: touched, so not pruned
    assert hashtags.load_model().words.get("cat") == -8.0 and time.time() - mine.stat().st_mtime < 60


def test_viterbi_search_over_the_tables_finds_the_best_split(tmp_path, monkeypatch):
    import itertools

    from postcheck.text import hashtags

    logp = {"a": -3.0, "ab": -5.5, "abc": -7.25, "b": -4.0, "bc": -6.0, "c": -4.5, "cat": -8.0, "at": -2.0}
    pairs = {"abca": -7.0, "bcat": -11.0}
    cuts = {"abca": 3, "bcat": 2}
    tables = {"words": logp, "pairs": {k: (v, cuts[k]) for k, v in pairs.items()}, "letters": {"^^^a": -1.0}}
    monkeypatch.setattr(hashtags, "build_model", lambda: tables)
    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", "0")
    model = hashtags.Segmenter()
    bonus = model.WORD_BONUS

    def exhaustive(text: str) -> float | None:
        best = None
        for n in range(len(text)):
            for cut in itertools.combinations(range(1, len(text)), n):
                pieces = [text[a:b] for a, b in zip((0, *cut), (*cut, len(text)), strict=True)]
                scores = [max(logp.get(p, -1e9) + bonus, pairs.get(p, -1e9) + 2 * bonus) for p in pieces]
                if all(s > -1e8 for s in scores) and (best is None or sum(scores) > best):
                    best = sum(scores)
        return best

    for text in ("abcat", "cabcab", "abcabcat", "bcata", "ax", "catcat"):
        found = model.best(text, {})
        expected = exhaustive(text)
        assert (found and round(found[1], 9)) == (expected and round(expected, 9)), text
        if found:
            assert "".join(found[0]) == text


# --- A202 ---------------------------------------------------------------------------------------------------------


def test_more_hashtags_than_the_limit(check):
    assert check({"post.md": post("Jab. #FluJab #StayWell #Winter #NHS")}, "--select", "A202").codes == ["A202"]
    toml = "[hashtags]\nmax = 4\n"
    assert check({"post.md": post("Jab. #FluJab #StayWell #Winter #NHS"), "postcheck.toml": toml}).codes == []


def test_hashtag_run_inside_a_sentence(check):
    run = check({"post.md": post("Get your #FluJab #StayWell at your pharmacy today")}, "--select", "A202")
    assert run.codes == ["A202"]
    ok = check({"post.md": post("Get your #FluJab at your pharmacy. #StayWell #Winter https://www.nhs.uk")})
    assert ok.codes == []


# --- A203 ---------------------------------------------------------------------------------------------------------


def test_emoji_sequences_count_once(check):
    text = "Thank you 👩‍⚕️ 🇬🇧 👍🏽"  # a ZWJ sequence, a flag, a skin tone: three emoji
    assert check({"post.md": post(text)}, "--select", "A203").codes == []
    assert check({"post.md": post(text + " 1️⃣")}, "--select", "A203").codes == ["A203"]


def test_same_emoji_repeated(check):
    assert check({"post.md": post("Open today 🎉 🎉")}, "--select", "A203").codes == ["A203"]


# --- A204 ---------------------------------------------------------------------------------------------------------


def test_fancy_letters_fixed_by_nfkc_only(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "post.md": post("𝐅𝐥𝐮 clinic — ｏｐｅｎ ⓝⓞⓦ, ꜱᴍᴀʟʟ café 你好，世界")})
    run = run_cli(".", "--select", "A204", "--no-cache", "--format", "json", cwd=tmp_path)
    assert run.codes == ["A204"] * 3  # "ｏｐｅｎ ⓝⓞⓦ" is one run
    run_cli(".", "--fix", "--select", "A204", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "post.md").read_text(encoding="utf-8") == post("Flu clinic — open now, small café 你好，世界")


# --- A205 ---------------------------------------------------------------------------------------------------------


def test_shouting_caps(check):
    assert check({"post.md": post("BOOK YOUR JAB now")}, "--select", "A205").codes == ["A205"]
    assert check({"post.md": post("Ask your NHS GP or ICB about COVID19 MMR HPV jabs")}, "--select", "A205").codes == []
    assert check({"post.md": post("BOOK YOUR jab #FLUJABNOW")}, "--select", "A205").codes == []
    freepost = post("Reply to FREEPOST EXAMPLESHIRE CONSULTATION by Friday")  # Royal Mail's own capitals
    assert check({"post.md": freepost}, "--select", "A205").codes == []
    hours = post("Open 9AM - 5.30 PM MON-FRI")  # a time's AM and PM are not words
    assert check({"post.md": hours}, "--select", "A205").codes == []
    assert check({"post.md": post("WE AM OPEN late")}, "--select", "A205").codes == ["A205"]
    mask = post("Type your date of birth as DD/MM/YYYY and your time as HH:MM")  # a form's mask, not three words
    assert check({"post.md": mask}, "--select", "A205").codes == []
    assert check({"post.md": post("ENTER YOUR DOB as DD/MM/YYYY")}, "--select", "A205").codes == ["A205"]


# --- the data set (dev files only) --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_hashtags", Path(__file__).parents[1] / "bench" / "hashtags.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_protocol(bench):
    assert bench.judge("flujab", ["flu jab"], "FluJab")
    assert not bench.judge("flujab", ["flu jab"], None)
    assert bench.judge("wellbeing", ["wellbeing"], None)
    assert not bench.judge("wellbeing", ["wellbeing"], "WellBeing")  # A201 on a one-word gold is wrong
    assert bench.judge("season1episode2", ["season 1 episode 2"], None)  # boundaries next to digits are ignored
    assert bench.judge("flu_jab", ["flu jab"], None)  # an underscore is a boundary
    assert not bench.judge("dontgiveup", ["don t give up"], "DontGiveUp")
    assert bench.contractions_whole("don t give up") == "dont give up"
    assert bench.contractions_whole("plan b 3 d") == "plan b 3 d"


def test_dev_set_accuracy(bench):
    data = SHARED / "data" / "hashtags"
    if not (data / "boun_dev.tsv").exists():
        pytest.skip(f"no hashtag data at {data}")
    pairs = bench.load_set("boun_dev", data)
    outcomes = [(suggest(tag.lower()), bench.judge(tag, golds, suggest(tag.lower())[0])) for tag, golds in pairs]
    assert sum(right for _, right in outcomes) / len(pairs) >= 0.89
    assert sum(safe and not right for (_, safe), right in outcomes) <= 10  # wrong fixes that --fix would apply


def test_emoji_in_place_of_a_word_is_a203(check):
    run = check({"p.md": "---\nplatforms: [x]\n---\nGet your 💉 today at the clinic.\n"})
    assert run.codes == ["A203"] and "stands in for a word" in run.json["findings"][0]["message"]


def test_emoji_bullets_are_a203_but_one_leading_emoji_is_not(check):
    bullets = check({"p.md": "---\nplatforms: [x]\n---\nClinic news\n✅ Walk in\n✅ No appointment\n"})
    assert bullets.codes == ["A203"] and "2 lines start with an emoji" in bullets.json["findings"][0]["message"]


def test_one_leading_emoji_is_a203_and_emoji_after_a_sentence_pass(check):
    run = check({"p.md": "---\nplatforms: [x]\n---\n📢 The clinic is open. Come and see us 🎉\n"})
    assert run.codes == ["A203"] and run.json["findings"][0]["message"].startswith("a line starts with 📢")
    assert check({"p.md": "---\nplatforms: [x]\n---\nThe clinic is open. Come and see us 🎉\n"}).codes == []


# --- finding hashtags as twitter-text does ------------------------------------------------------------------

EXTRACT = SHARED / "data" / "twitter-text" / "extract.yml"


def _hashtag_cases() -> list[tuple[str, list]]:
    if not EXTRACT.is_file():
        return []
    tests = yaml.safe_load(EXTRACT.read_text(encoding="utf-8"))["tests"]
    cases = [(case["text"], case["expected"]) for key in ("hashtags", "hashtags_from_astral") for case in tests[key]]
    for case in tests["hashtags_with_indices"]:
        cases.append((case["text"], [(tag["hashtag"], tag["indices"]) for tag in case["expected"]]))
    return cases


@pytest.mark.skipif(not EXTRACT.is_file(), reason="twitter-text's extract.yml is not in ../shared/data")
@pytest.mark.parametrize("text, expected", _hashtag_cases())
def test_hashtags_are_found_as_twitter_text_finds_them(text, expected):
    found = find_hashtags(text)
    if expected and isinstance(expected[0], tuple):  # with indices, in UTF-16 code units as twitter-text counts

        def units(i: int) -> int:
            return len(text[:i].encode("utf-16-le")) // 2

        assert [(tag.tag, [units(tag.start), units(tag.end)]) for tag in found] == expected
    else:
        assert [tag.tag for tag in found] == expected


def test_hashtag_scan_finds_what_twitter_texts_pattern_finds():
    """The scan against twitter-text's own pattern, run with the `regex` module, over generated texts."""
    import random
    import unicodedata

    import regex

    from postcheck.text.hashtags import _TAG_EXTRA, _scan_hashtags

    chars = r"\p{L}\p{M}\p{Nd}" + "".join(sorted(_TAG_EXTRA))
    pattern = regex.compile(
        rf"(?:(?<=[\ufe0e\ufe0f])|(?<![&{chars}]))[#\uff03](?!\ufe0f|\u20e3)([{chars}]*[\p{{L}}\p{{M}}][{chars}]*)"
    )

    def reference(text: str) -> list[tuple[int, int, str]]:
        return [
            (m.start(), m.end(), m.group(1))
            for m in pattern.finditer(text)
            if not text.startswith(("#", "\uff03", "://"), m.end())
        ]

    def agreed(ch: str) -> bool:  # Python's Unicode tables may be older than the regex module's
        kind = unicodedata.category(ch)
        ours = kind[0] in "LM" or kind == "Nd"
        return kind != "Cn" and ours == bool(regex.fullmatch(r"[\p{L}\p{M}\p{Nd}]", ch))

    rng = random.Random(7)
    pieces = list("ab_Z09&#:/ .\u00e9\u0301\u200d\u200c\ufe0e\ufe0f\u20e3\u30fb\u00b7\uff03\uff11") + [
        "://",
        "#a",
        "&#",
        "\u270c",
        "\U0001f3ff",
        "\u0939\u093f",
        "\u0661",
        "\U0001d400",
        "#\ufe0f\u20e3",
    ]
    pieces += ["#"] * 40 + ["\uff03"] * 5 + list("abcdefghijklmnop") * 10 + [" "] * 30
    pieces += [ch for ch in map(chr, rng.sample(range(0x80, 0x30000), 3000)) if agreed(ch)][:400]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 24))) for _ in range(10000)]
    found = 0
    for text in texts:
        ours = [(tag.start, tag.end, tag.tag) for tag in _scan_hashtags(text)]
        assert ours == reference(text), text
        found += len(ours)
    assert found > 1000
