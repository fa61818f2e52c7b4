"""A203-A205 on real-world text: letterlike gaps, CJK typography, maths, decorative emoji, capitals across lines."""

from __future__ import annotations

import pytest

from tests.conftest import FIXED_NOW, run_cli, write


def post(text: str) -> str:
    return f"---\nplatforms: [x]\n---\n{text}\n"


@pytest.fixture
def fix(tmp_path, check):
    """fix(text, code) -> the post body after --fix; asserts that a second run finds nothing."""

    def run(text: str, code: str) -> str:
        check({"post.md": post(text)}, "--fix", "--select", code)
        again = check({}, "--select", code)
        assert again.codes == [], again.output
        return (tmp_path / "post.md").read_text(encoding="utf-8").split("---\n", 2)[2].removesuffix("\n")

    return run


# --- A204: letterlike symbols that fill the gaps of the fancy alphabets -------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("𝐻𝑒𝑙𝑝 𝑡ℎ𝑒 𝑁𝐻𝑆 𝑡ℎ𝑖𝑠 𝑤𝑖𝑛𝑡𝑒𝑟", "Help the NHS this winter"),  # ℎ: italic h is U+210E
        ("ℋℯ𝓁𝓁ℴ everyone", "Hello everyone"),  # script H, e, o are letterlike symbols
        ("𝔊𝔬𝔬𝔡 ℭ𝔥𝔯𝔦𝔰𝔱𝔪𝔞𝔰", "Good Christmas"),  # fraktur C
        ("𝕍𝕚𝕤𝕚𝕥 ℕ𝕙𝕤", "Visit Nhs"),  # double-struck N
    ],
)
def test_letterlike_gap_letters_in_a_fancy_run_are_fixed(fix, text, plain):
    assert fix(text, "A204") == plain


def test_letterlike_symbols_on_their_own_are_left_alone(check):
    text = "The set ℝ of reals, ℕ too; 21 ℃ at № 10 with NHS™ and ℹ info"
    assert check({"post.md": post(text)}, "--select", "A204").codes == []


# --- A204: fullwidth characters ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["健康 第１回 ２０２６年", "会議（１）のお知らせ", "ＮＨＳ　の検診", "全角ＡＢＣ"])
def test_fullwidth_digits_and_letters_next_to_cjk_pass(check, text):
    assert check({"post.md": post(text)}, "--select", "A204").codes == []


def test_fullwidth_symbols_join_a_run_but_the_fix_changes_only_letters_and_digits(fix, check):
    # punctuation stays as written: a plain quote, comma, "#" or "<" would be syntax in JSON, YAML, CSV or Markdown
    assert fix("Ｑ＆Ａ today, ｏｐｅｎ！ 你好，世界", "A204") == "Q＆A today, open！ 你好，世界"
    [finding] = check({"post.md": post("Ｑ＆Ａ today")}, "--select", "A204").json["findings"]
    assert finding["suggestion"] == "Q＆A"  # the suggestion is what --fix writes


# --- A204: enclosed letters written as emoji -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Take the Ⓜ️ line", "Blood type 🅰️ or 🅱️", "ℹ️ Opening times", "𝐁𝐨𝐨𝐤 Ⓜ️ now"])
def test_enclosed_letters_written_as_emoji_are_left_to_a203(check, text):
    run = check({"post.md": post(text)}, "--select", "A204")
    assert all("Ⓜ" not in f["message"] and "ℹ" not in f["message"] for f in run.json["findings"])
    assert run.codes == ([] if "𝐁" not in text else ["A204"])


# --- A204: maths ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["The set ℝ and 𝔼[X]", "𝑥 + 𝑦 = 𝑧", "Let 𝑓(𝑥) = 2𝑥", "① Book ② Attend", "𝑎 𝑏"])
def test_single_fancy_letters_are_maths_not_fancy_text(check, text):
    assert check({"post.md": post(text)}, "--select", "A204").codes == []


# --- A204: superscript and subscript letters ------------------------------------------------------------------------


def test_superscript_and_subscript_words_are_fancy_text(fix):
    assert fix("ᵗʰᵃⁿᵏ ʸᵒᵘ to our staff and ₕₑₐₗₜₕ tips", "A204") == "thank you to our staff and health tips"


@pytest.mark.parametrize("text", ["The 1ˢᵗ and 2ⁿᵈ of May, the 8ᵗʰ too", "20 m² of garden", "CO₂ and H₂O"])
def test_ordinal_endings_units_and_formulas_are_typography(check, text):
    assert check({"post.md": post(text)}, "--select", "A204").codes == []


def test_a_fancy_word_takes_the_single_letters_of_its_run_with_it(fix):
    assert fix("𝐈 𝐥𝐨𝐯𝐞 the 𝐍𝐇𝐒 and 𝐁𝐨𝐨𝐤 now", "A204") == "I love the NHS and Book now"


# --- A203: emoji in place of a word --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Merry Christmas 🎄 from all of us at the ICB",
        "Thank you 🙏 to all our staff",
        "We are hiring 📢 join our team",
        "Stay well this winter ❄️ and keep warm",
        "Family 👨‍👩‍👧‍👦 day",
        "Pop into your local 💊 for advice",  # after an adjective: the rule stays simple
        "Thank you 🙏 all of you",
        "See you 👋 next week",
    ],
)
def test_decorative_emoji_between_clauses_pass(check, text):
    assert check({"post.md": post(text)}, "--select", "A203").codes == []


@pytest.mark.parametrize(
    "text",
    [
        "Get your 💉 today",
        "I ❤️ the NHS",
        "We ❤️ our nurses",
        "Pop in to the 🏥 today",
        "Ask at a 💊 near you",
        "Don't 🍺 and 🚗 this Christmas",
        "Eat before you 🍺 and stick with your mates",
    ],
)
def test_emoji_after_a_word_that_cannot_end_a_phrase_stands_in_for_a_word(check, text):
    run = check({"post.md": post(text)}, "--select", "A203")
    assert run.codes == ["A203"] and "stands in for a word" in run.json["findings"][0]["message"]


# --- A205 ----------------------------------------------------------------------------------------------------------


def test_capitals_across_lines_give_a_one_line_message(check, tmp_path):
    run = check({"post.md": post("HELLO\nWORLD\nAGAIN")}, "--select", "A205")
    assert run.codes == ["A205"]
    assert "'HELLO WORLD AGAIN'" in run.json["findings"][0]["message"]
    text = run_cli(".", "--select", "A205", "--no-cache", "--now", FIXED_NOW, cwd=tmp_path).output
    assert "post.md:4:1: A205 3 words in capitals ('HELLO WORLD AGAIN'): " in text


def test_a204_fix_writes_no_syntax_into_the_file(tmp_path):
    files = {
        "postcheck.toml": "",
        "q.json": '{"platforms": ["x"], "text": "Say ＂ＨＥＬＬＯ＂ to us, ＡＢ＼ｎＣ"}',
        "dq.yaml": 'platforms: [x]\ntext: "Say ＂ＨＩ＂ ok"\n',
        "plain.yaml": "platforms: [x]\ntext: Clinic ＯＰＥＮ ＃ＦｌｕＪａｂ today\n",
        "c.md": "---\nplatforms: [x]\n---\nHello ＜！－－ＨＩＤＤＥＮ world ＯＫ－－＞ end\n",
        "s.csv": "date,time_24hr,message_text\n01/12/2026,10:00,ＦＬＵ，ＪＡＢＳ today\n",
    }
    write(tmp_path, files)
    assert run_cli(".", "--fix", "--select", "A204", cwd=tmp_path).exit_code == 0
    after = run_cli(".", "--format", "json", "--select", "F001,A201,A204", cwd=tmp_path)
    assert after.codes == [] and after.json["summary"]["posts"] == 5  # every file still reads as the same posts
    assert (tmp_path / "q.json").read_text() == '{"platforms": ["x"], "text": "Say ＂HELLO＂ to us, AB＼nC"}'
    assert "FLU，JABS today" in (tmp_path / "s.csv").read_text()


def test_a204_fix_never_turns_an_unquoted_yaml_value_into_another_type(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "t.yaml": "platforms: [x]\ntext: ｔｒｕｅ\n", "s.yaml": "text: Say ｈｉ\n"})
    run = run_cli(".", "--format", "json", "--select", "A204", cwd=tmp_path)
    found = {f["path"]: f for f in run.json["findings"]}
    assert found["t.yaml"]["fix"] is None and found["t.yaml"]["suggestion"] == "true"  # `text: true` is a boolean
    assert found["s.yaml"]["fix"] is not None
