"""Caption parsing (webvtt-py, with the WebVTT spec's checks around it; SRT, SBV), conversion, and rules A301-A308."""

from __future__ import annotations

import pytest

from postcheck.media.captions import convert, parse_captions
from tests.video_factory import bursts, silence, tone, video_bytes

VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nBook your flu jab today\n\n00:02.500 --> 00:04.500\nat your GP surgery\n"
SRT = "1\n00:00:00,000 --> 00:00:02,000\nBook your flu jab today\n\n2\n00:00:02,500 --> 00:00:04,500\nat your GP\n"


def _post(video: str = "media/clip.mp4", platforms: str = "[youtube]", extra: str = "") -> str:
    return f"---\nplatforms: {platforms}\nvideos:\n  - file: {video}\n{extra}---\nWatch our video\n"


# --- parsing ---------------------------------------------------------------------------------------------


def test_vtt_cues_carry_times_text_and_lines():
    captions = parse_captions(VTT, "vtt")
    assert captions.valid
    first, second = captions.cues
    assert (first.start, first.end, first.text, first.line, first.end_line) == (
        0.0,
        2.0,
        "Book your flu jab today",
        3,
        4,
    )
    assert (second.start, second.end, second.line) == (2.5, 4.5, 6)


@pytest.mark.parametrize(
    "text, words",
    [
        ("WEBVTTfoo\n", "space, a tab"),
        ("WEBVTT\x0c\n", "form feed"),
        ("\ufeff\ufeffWEBVTT\n", "byte-order mark"),
        ("webvtt\n", "uppercase"),
        ("", "empty"),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "start with WEBVTT"),
    ],
)
def test_signatures_browsers_refuse_are_rejected(text, words):
    captions = parse_captions(text, "vtt")
    assert captions.rejected and words in captions.issues[0].message and captions.issues[0].line == 1


def test_one_bom_and_text_after_the_signature_are_fine():
    assert parse_captions("\ufeffWEBVTT - captions\n\n00:01.000 --> 00:02.000\nHi\n", "vtt").valid


def test_cue_with_malformed_timestamp_is_dropped_and_reported_at_its_line():
    text = "WEBVTT\n\n00:00:01,000 --> 00:00:02.000\ncomma\n\n00:03.000 --> 00:04.000\nkept\n"
    captions = parse_captions(text, "vtt")
    assert [c.text for c in captions.cues] == ["kept"]
    (issue,) = captions.issues
    assert issue.line == 3 and "comma is SRT" in issue.message and not captions.rejected


def test_nul_characters_are_reported_but_the_cue_stays():
    captions = parse_captions("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\x00there\n", "vtt")
    assert len(captions.cues) == 1 and captions.issues[0].line == 4 and "NUL" in captions.issues[0].message


def test_note_blocks_are_comments_and_text_without_timings_is_dropped():
    text = "WEBVTT\n\nNOTE written by comms\n\nHello with no timing\n\n00:01.000 --> 00:02.000\nHi\n"
    captions = parse_captions(text, "vtt")
    assert len(captions.cues) == 1 and [i.line for i in captions.issues] == [5]


def test_crlf_and_cr_line_endings_keep_line_numbers():
    captions = parse_captions("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n\r\nbad --> x\r\n", "vtt")
    assert captions.cues[0].line == 3 and captions.issues[0].line == 6


def test_cues_browsers_drop_are_left_out_of_webvtt_pys_cues():
    """webvtt-py reads `00:00.00` (two-digit fraction) as a cue; browsers drop it. Text decides where timings repeat."""
    import webvtt

    text = "WEBVTT\n\n00:00.000 --> 00:01.000\na\n\n00:00.00 --> 00:01.000\nb\n\n00:00.000 --> 00:01.000\nc\n"
    assert [c.text for c in webvtt.WebVTT.from_string(text).captions] == ["a", "b", "c"]
    captions = parse_captions(text, "vtt")
    assert [(c.text, c.line, c.end_line) for c in captions.cues] == [("a", 3, 4), ("c", 9, 10)]
    (issue,) = captions.issues
    assert issue.line == 6 and "dropped" in issue.message


def test_srt_webvtt_py_refuses_falls_back_to_the_scan():
    captions = parse_captions("00:00:01,000 --> 00:00:02,000\nHi\n", "srt")
    assert [c.text for c in captions.cues] == ["Hi"] and "no number" in captions.issues[0].message


def test_srt_with_blank_lines_before_its_first_cue_is_read_as_players_read_it():
    captions = parse_captions("\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n", "srt")
    assert [c.text for c in captions.cues] == ["Hi"] and not captions.issues


def test_srt_cue_number_followed_by_spaces_is_read_as_players_read_it():
    text = "1 \n00:00:01,000 --> 00:00:02,000\nHi\n\n2\t\n00:00:02,000 --> 00:00:03,000\nthere\n"
    captions = parse_captions(text, "srt")
    assert [c.text for c in captions.cues] == ["Hi", "there"] and not captions.issues


def test_srt_file_only_webvtt_py_refuses_is_rejected():
    captions = parse_captions("1\n00:00:01,000 --> 00:00:02,000\n", "srt")
    assert captions.rejected and "webvtt-py cannot read it" in captions.issues[0].message


def test_srt_milliseconds_are_read_as_webvtt_py_reads_them():
    assert parse_captions("1\n00:00:01,5 --> 00:00:02,000\nHi\n", "srt").cues[0].start == 1.005


def test_srt_parses_and_reports_malformed_timing_lines():
    captions = parse_captions(SRT + "\n3\n00:00:05.000 -> 00:00:06,000\nlost\n", "srt")
    assert [c.start for c in captions.cues] == [0.0, 2.5]
    assert captions.issues[0].line == 10 and "malformed timing line" in captions.issues[0].message


GLUED_SRT = (
    "1\n00:00:00,000 --> 00:00:01,000\nOne\n\n2\n00:00:01.000 -> 00:00:02,000\nBad arrow\n\n"
    "3\n00:00:02,000 --> 00:00:03,000\nThree\n"
)


def test_srt_block_players_drop_is_not_joined_to_the_cue_before_it():
    """webvtt-py adds a block without a valid timing line to the previous cue's text; players drop it."""
    captions = parse_captions(GLUED_SRT, "srt")
    assert [(c.text, c.line, c.end_line) for c in captions.cues] == [("One", 2, 3), ("Three", 10, 11)]
    assert [i.line for i in captions.issues] == [6]


def test_srt_cue_without_a_blank_line_before_it_is_read_and_reported_at_its_number():
    text = "1\n00:00:01,000 --> 00:00:02,000\nHello\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n"
    captions = parse_captions(text, "srt")
    assert [(c.text, c.line, c.end_line) for c in captions.cues] == [("Hello", 2, 3), ("World", 5, 6)]
    (issue,) = captions.issues
    assert issue.line == 4 and "no blank line" in issue.message and not captions.rejected


def test_srt_cue_text_ending_in_a_number_is_not_a_cue():
    captions = parse_captions("1\n00:00:01,000 --> 00:00:02,000\nCall us on\n111\n", "srt")
    assert [c.text for c in captions.cues] == ["Call us on\n111"] and not captions.issues


def test_sbv_parses():
    captions = parse_captions("0:00:01.000,0:00:02.500\nHello\n\n0:00:03.000,0:00:04.000\nthere\n", "sbv")
    assert [(c.start, c.end) for c in captions.cues] == [(1.0, 2.5), (3.0, 4.0)]


def test_sbv_timing_without_three_digit_milliseconds_is_dropped():
    captions = parse_captions("0:00:01.000,0:00:02.500\nHello\n\n0:00:03.5,0:00:04.000\nthere\n", "sbv")
    assert [c.text for c in captions.cues] == ["Hello"] and captions.issues[0].line == 4


def test_vtt_converts_to_srt_and_back():
    srt = convert(parse_captions(VTT + "\n00:05.000 --> 00:06.000\nA &amp; E\n", "vtt"), "srt")
    assert srt.startswith("1\n00:00:00,000 --> 00:00:02,000\nBook your flu jab today\n") and "A & E" in srt
    back = parse_captions(convert(parse_captions(srt, "srt"), "vtt"), "vtt")
    assert back.valid and [c.plain_text for c in back.cues][:2] == ["Book your flu jab today", "at your GP surgery"]


def test_vtt_to_srt_keeps_escaped_angle_brackets_as_text():
    vtt = "WEBVTT\n\n00:00.000 --> 00:03.000\nUnder 5s: temperature &lt; 38 or &gt; 40? Call 111\n"
    srt = convert(parse_captions(vtt, "vtt"), "srt")
    assert srt == "1\n00:00:00,000 --> 00:00:03,000\nUnder 5s: temperature < 38 or > 40? Call 111\n"


def test_vtt_to_srt_drops_tags_srt_lacks_and_keeps_bold_italic_underline():
    vtt = (
        "WEBVTT\n\n00:00.000 --> 00:01.500\n<v Roger>Hello &amp; &lt;welcome&gt;\n\n"
        "00:01.500 --> 00:03.000\n<c.yellow>Bye</c> <b.loud>now</b> <i>and</i> <u>then</u>\n<00:00:02.000>karaoke\n"
    )
    srt = convert(parse_captions(vtt, "vtt"), "srt")
    assert srt.split("\n\n") == [
        "1\n00:00:00,000 --> 00:00:01,500\nHello & <welcome>",
        "2\n00:00:01,500 --> 00:00:03,000\nBye <b>now</b> <i>and</i> <u>then</u>\nkaraoke\n",
    ]


def test_srt_to_vtt_escapes_ampersand_and_angle_brackets():
    srt = "1\n00:00:00,000 --> 00:00:03,000\nFish & chips < 5 pounds, <b>not</b> > 9\n"
    vtt = convert(parse_captions(srt, "srt"), "vtt")
    assert vtt == "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nFish &amp; chips &lt; 5 pounds, <b>not</b> &gt; 9\n"
    back = parse_captions(vtt, "vtt")
    assert back.valid and back.cues[0].plain_text == "Fish & chips < 5 pounds, not > 9"


# --- A301 / A302 -----------------------------------------------------------------------------------------


def test_video_with_sound_and_no_captions_raises_a301(check, tmp_path):
    run = check({"post.md": _post(), "media/clip.mp4": video_bytes(tmp_path, audio=tone())}, "--select", "A3")
    assert run.codes == ["A301"]


def test_video_without_sound_needs_no_captions(check, tmp_path):
    run = check({"post.md": _post(), "media/clip.mp4": video_bytes(tmp_path)}, "--select", "A3")
    assert run.codes == []


@pytest.mark.parametrize(
    "extra, files",
    [
        ("    captions: burned-in\n", {}),
        ("    captions: Burnt-in\n", {}),
        ("    captions: [burned in]\n", {}),
        ("", {"media/clip.en_GB.vtt": VTT}),
        ("", {"media/clip.en-GB.vtt": VTT}),
        ("    captions: subs/english.vtt\n", {"media/subs/english.vtt": VTT}),
    ],
)
def test_burned_in_in_any_case_or_spelling_sidecar_or_listed_captions_satisfy_a301(check, tmp_path, extra, files):
    media = {"media/clip.mp4": video_bytes(tmp_path, seconds=5.0, audio=bursts([(0, 4.4)]))}
    run = check({"post.md": _post(extra=extra), **media, **files}, "--select", "A301")
    assert run.codes == []


def test_embedded_mov_text_track_satisfies_a301(check, tmp_path):
    clip = video_bytes(tmp_path, audio=tone(), subtitles=[(0, 2, "Hello")])
    assert check({"post.md": _post(), "media/clip.mp4": clip}, "--select", "A301").codes == []


def test_invalid_sidecar_raises_a302_instead_of_a301(check, tmp_path):
    files = {"post.md": _post(), "media/clip.mp4": video_bytes(tmp_path, audio=tone()), "media/clip.vtt": "WEBVTTX\n"}
    run = check(files, "--select", "A3")
    assert run.codes == ["A302"]
    finding = run.json["findings"][0]
    assert finding["path"].endswith("clip.vtt") and finding["line"] == 1 and finding["post"]["path"] == "post.md"


def test_sidecar_that_is_not_utf8_is_f006_at_the_line_of_the_bad_byte(check, tmp_path):
    srt = "1\n00:00:00,000 --> 00:00:02,000\nCaf\xe9 opens\n".encode("latin-1")
    files = {"post.md": _post(), "media/clip.mp4": video_bytes(tmp_path, audio=tone()), "media/clip.srt": srt}
    run = check(files, "--select", "A3,F006")
    assert run.codes == ["F006"]
    finding = run.json["findings"][0]
    assert finding["path"].endswith("clip.srt") and (finding["line"], finding["column"]) == (3, 4)
    assert "0xe9" in finding["message"] and "UTF-8" in finding["message"]


@pytest.mark.parametrize("listed", [False, True])
def test_empty_caption_file_is_f006_as_an_empty_image_or_video_is(check, tmp_path, listed):
    post = _post(extra="    captions: [media/clip.vtt]\n" if listed else "")
    files = {"post.md": post, "media/clip.mp4": video_bytes(tmp_path, audio=tone()), "media/clip.vtt": b""}
    run = check(files, "--select", "A3,F006")
    assert run.codes == ["F006"] and "empty file" in run.json["findings"][0]["message"]


@pytest.mark.parametrize("name", ["subs.vtt", "clip.vtt"])  # clip.vtt is also found beside the video
def test_listed_caption_that_is_not_utf8_is_one_f006_at_the_line_of_the_bad_byte(check, tmp_path, name):
    vtt = b"WEBVTT\n\n00:00.000 --> 00:02.000\nBook \xff now\n"
    post = _post(extra=f"    captions: [media/{name}]\n")
    files = {"post.md": post, "media/clip.mp4": video_bytes(tmp_path, audio=tone()), f"media/{name}": vtt}
    run = check(files, "--select", "A3,F006")
    assert run.codes == ["F006"]
    finding = run.json["findings"][0]
    assert finding["path"].endswith(name) and (finding["line"], finding["column"]) == (4, 6)


def test_cue_timing_on_the_signature_line_is_a302():
    captions = parse_captions("WEBVTT 00:00:00.000 --> 00:00:02.000\nHello\n\n00:03.000 --> 00:04.000\nHi\n", "vtt")
    (issue,) = captions.issues
    assert issue.line == 1 and "WEBVTT line" in issue.message and not captions.rejected
    assert [cue.text for cue in captions.cues] == ["Hi"]


# --- A303 ------------------------------------------------------------------------------------------------


def test_long_uncaptioned_speech_raises_a303(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=14.0, audio=bursts([(0.0, 13.5)]))
    vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n\n00:02.000 --> 00:04.000\nthere\n"
    run = check({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": vtt}, "--select", "A303")
    assert run.codes == ["A303"] and "has no caption" in run.json["findings"][0]["message"]


@pytest.mark.parametrize(
    "second, message",
    [
        ("00:08.000", "sound from 0:02.0 to 0:08.0 (6.0 s) has no caption"),
        ("00:09.000", "sound from 0:02.0 to 0:09.0 (7.0 s) has no caption"),
        ("00:07.000", None),  # 5 s is not longer than max-gap
    ],
)
def test_audible_gap_between_cues_is_measured_from_cue_to_cue(check, tmp_path, second, message):
    clip = video_bytes(tmp_path, seconds=12.0, audio=bursts([(0.0, 12.0)]))
    vtt = f"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n\n{second} --> 00:11.500\nthere\n"
    run = check({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": vtt}, "--select", "A303")
    assert [f["message"] for f in run.json["findings"]] == ([message] if message else [])


def test_speech_with_pauses_between_sentences_is_one_stretch_for_a303(check, tmp_path):
    # 3.3 s of sound, 0.7 s of pause, again and again: no piece is over 5 s, but 19 s of speech go uncaptioned
    sentences = [(t + 0.7, t + 4.0) for t in range(0, 30, 4)]
    clip = video_bytes(tmp_path, seconds=30.0, audio=bursts(sentences))
    vtt = "WEBVTT\n\n00:00.700 --> 00:04.000\nHello\n\n00:24.700 --> 00:28.000\nthere\n\n00:28.700 --> 00:30.000\nend\n"
    run = check({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": vtt}, "--select", "A303")
    assert run.codes == ["A303"] and "has no caption" in run.json["findings"][0]["message"]


def test_short_tail_after_the_last_cue_raises_a303(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=8.0, audio=bursts([(0.0, 7.5)]))
    vtt = "WEBVTT\n\n00:00.000 --> 00:02.500\nHello\n\n00:02.500 --> 00:04.000\nthere\n"
    run = check({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": vtt}, "--select", "A303")
    assert run.codes == ["A303"] and "goes on until" in run.json["findings"][0]["message"]


def test_captions_covering_the_sound_and_silent_gaps_pass_a303(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=14.0, audio=bursts([(0.0, 3.8), (10.0, 12.0)]))
    vtt = "WEBVTT\n\n00:00.000 --> 00:04.000\nHello there\n\n00:10.000 --> 00:12.000\nand goodbye\n"
    run = check({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": vtt}, "--select", "A303")
    assert run.codes == []


def test_silent_audio_track_needs_no_cues(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=8.0, audio=silence())
    run = check({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": "WEBVTT\n"}, "--select", "A303")
    assert run.codes == []


# --- A304-A307 -------------------------------------------------------------------------------------------


def _cue_run(check, tmp_path, cues: str, *args, **video):
    clip = video_bytes(tmp_path, seconds=video.pop("seconds", 12.0), **video)
    files = {"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": "WEBVTT\n\n" + cues}
    return check(files, *args)


def test_fast_cue_raises_a304(check, tmp_path):
    run = _cue_run(check, tmp_path, "00:00.000 --> 00:01.000\nThis sentence is far too long to read in one second\n")
    assert "A304" in run.codes
    finding = next(f for f in run.json["findings"] if f["code"] == "A304")
    assert finding["line"] == 3 and "characters per second" in finding["message"]


def test_reading_speed_in_words_per_minute_when_configured(check, tmp_path):
    cue = "00:00.000 --> 00:03.000\none two three four five six seven eight nine ten\n"  # 200 wpm, 16 cps
    assert "A304" not in _cue_run(check, tmp_path, cue, "--select", "A304").codes
    files = {"postcheck.toml": "[captions]\nmax-wpm = 180\n"}
    clip = video_bytes(tmp_path, seconds=5.0)
    files.update({"post.md": _post(), "media/clip.mp4": clip, "media/clip.vtt": "WEBVTT\n\n" + cue})
    run = check(files, "--select", "A304")
    assert run.codes == ["A304"] and "words per minute" in run.json["findings"][0]["message"]


def test_long_line_and_too_many_lines_raise_a305(check, tmp_path):
    cues = "00:00.000 --> 00:06.000\n" + "x" * 43 + "\n\n00:06.000 --> 00:09.000\none\ntwo\nthree\n"
    run = _cue_run(check, tmp_path, cues, "--select", "A305")
    assert run.codes == ["A305", "A305"]
    assert [f["line"] for f in run.json["findings"]] == [4, 6]


def test_cue_before_a_dropped_srt_block_is_judged_on_its_own_text(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    files = {"post.md": _post(), "media/clip.mp4": clip, "media/clip.srt": GLUED_SRT}
    run = check(files, "--select", "A302,A304,A305")
    assert [(f["code"], f["line"]) for f in run.json["findings"]] == [("A302", 6)]


def test_vertical_video_allows_three_lines(check, tmp_path):
    cues = "00:00.000 --> 00:03.000\none\ntwo\nthree\n"
    assert _cue_run(check, tmp_path, cues, "--select", "A305", width=16, height=32).codes == []


def test_cue_durations_outside_the_bounds_raise_a306(check, tmp_path):
    cues = "00:00.000 --> 00:00.500\nHi\n\n00:01.000 --> 00:09.000\nA long steady cue\n\n00:09.000 --> 00:11.000\nOK\n"
    run = _cue_run(check, tmp_path, cues, "--select", "A306")
    assert run.codes == ["A306", "A306"] and [f["line"] for f in run.json["findings"]] == [3, 6]


def test_overlap_backwards_order_and_past_the_end_raise_a307(check, tmp_path):
    cues = (
        "00:00.000 --> 00:02.000\na\n\n00:01.500 --> 00:03.000\noverlap\n\n00:05.000 --> 00:04.000\nbackwards\n\n"
        "00:04.000 --> 00:04.500\nout of order\n\n00:06.000 --> 00:20.000\npast the end\n"
    )
    run = _cue_run(check, tmp_path, cues, "--select", "A307", seconds=8.0)
    messages = [f["message"] for f in run.json["findings"]]
    assert len(messages) == 4
    assert "before the previous one ends" in messages[0] and "before it starts" in messages[1]
    assert "out of order" in messages[2] and "after the video ends" in messages[3]


# --- A308 ------------------------------------------------------------------------------------------------


def test_facebook_needs_a_locale_named_srt_and_the_fix_writes_it(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    files = {"post.md": _post(platforms="[facebook]"), "media/clip.mp4": clip, "media/clip.vtt": VTT}
    run = check(files, "--select", "A308")
    assert run.codes == ["A308"]
    edit = run.json["findings"][0]["fix"]
    assert edit["applicability"] == "safe"
    run = check(files, "--select", "A308", "--fix")
    written = tmp_path / "media" / "clip.en_GB.srt"
    assert written.read_text(encoding="utf-8").startswith("1\n00:00:00,000 --> 00:00:02,000\n")
    assert (tmp_path / "media" / "clip.vtt").read_text(encoding="utf-8") == VTT  # the original is untouched
    assert check(files, "--select", "A308").codes == []


def test_bluesky_needs_webvtt(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    files = {"post.md": _post(platforms="[bluesky]"), "media/clip.mp4": clip, "media/clip.en_GB.srt": SRT}
    check(files, "--select", "A308", "--fix")
    assert (tmp_path / "media" / "clip.en_GB.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    assert check(files, "--select", "A308").codes == []


def test_a308_fix_to_srt_keeps_every_character_the_viewer_sees(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    vtt = "WEBVTT\n\n00:00.000 --> 00:03.000\nUnder 5s: temperature &lt; 38 or &gt; 40? Call 111\n"
    files = {"post.md": _post(platforms="[facebook]"), "media/clip.mp4": clip, "media/clip.vtt": vtt}
    check(files, "--select", "A308", "--fix")
    written = (tmp_path / "media" / "clip.en_GB.srt").read_text(encoding="utf-8")
    assert "Under 5s: temperature < 38 or > 40? Call 111\n" in written


def test_a308_fix_to_webvtt_escapes_text_so_a302_passes_it_and_a_second_fix_changes_nothing(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    srt = "1\n00:00:00,000 --> 00:00:03,000\nFish & chips < 5 pounds\n"
    files = {"post.md": _post(platforms="[bluesky]"), "media/clip.mp4": clip, "media/clip.en_GB.srt": srt}
    check(files, "--select", "A3", "--fix")
    written = tmp_path / "media" / "clip.en_GB.vtt"
    content = written.read_text(encoding="utf-8")
    assert "Fish &amp; chips &lt; 5 pounds\n" in content
    assert parse_captions(content, "vtt").cues[0].plain_text == "Fish & chips < 5 pounds"
    run = check({}, "--select", "A3", "--fix")
    assert run.codes == [] and written.read_text(encoding="utf-8") == content


def test_a308_fix_never_overwrites_an_existing_file(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    files = {
        "post.md": _post(platforms="[x]", extra="    captions: media/subs/clip.vtt\n"),
        "media/clip.mp4": clip,
        "media/subs/clip.vtt": VTT,
        "media/clip.srt": "keep me",
    }
    run = check(files, "--select", "A302,A308", "--fix")
    assert sorted(run.codes) == ["A302", "A308"]
    assert next(f for f in run.json["findings"] if f["code"] == "A308")["fix"] is None
    assert (tmp_path / "media" / "clip.srt").read_text(encoding="utf-8") == "keep me"


def test_youtube_takes_either_format(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    files = {"post.md": _post(platforms="[youtube]"), "media/clip.mp4": clip, "media/clip.vtt": VTT}
    assert check(files, "--select", "A308").codes == []


def test_a308_fix_of_a_listed_file_named_otherwise_is_named_after_the_video(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    post = _post(platforms="[bluesky]", extra="    captions: subs/final.srt\n")
    files = {"post.md": post, "media/clip.mp4": clip, "subs/final.srt": SRT}
    check(files, "--select", "A308", "--fix")
    assert (tmp_path / "media" / "clip.vtt").exists() and not (tmp_path / "media" / "final.vtt").exists()
    assert check({}, "--select", "A308").codes == []  # the converted file is the video's sidecar: fixed for good


def test_a308_does_not_convert_a_file_with_a302_issues(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0)
    srt = "1\n00:00:00,000 --> 00:00:01,000\nhello\n\n00:00:01,500 --> 00:00:02,000\nno number\n"
    run = check({"post.md": _post(platforms="[bluesky]"), "media/clip.mp4": clip, "media/clip.srt": srt}, "--fix")
    assert "A302" in run.codes and "A308" in run.codes and not (tmp_path / "media" / "clip.vtt").exists()


def test_a_bcp47_sidecar_is_the_videos_captions_and_a308_renames_it_for_facebook(check, tmp_path):
    clip = video_bytes(tmp_path, seconds=5.0, audio=bursts([(0, 4.4)]))
    media = {"media/clip.mp4": clip, "media/clip.en-GB.srt": SRT}
    run = check({"post.md": _post(platforms="[facebook]"), **media}, "--select", "A3")
    assert run.codes == ["A308"]
    assert "--fix writes media/clip.en_GB.srt" in run.json["findings"][0]["message"]


def test_moderation_reads_the_captions_viewers_read_and_points_into_the_caption_file(check, tmp_path):
    """A staff name, a swear word or a mobile said in a video is published as its captions (M101-M103 read the cues'
    text, a number running on from one cue into the next included; the timing lines are not read: "00:00:02,500" is
    no phone number)."""
    srt = (
        "1\n00:00:00,000 --> 00:00:02,000\nHi, I'm Jane Example, your ward sister.\n\n"
        "2\n00:00:02,500 --> 00:00:04,500\nIt's been a bloody long winter.\n\n"
        "3\n00:00:05,000 --> 00:00:07,000\nOr text me on 07700\n\n"
        "4\n00:00:07,000 --> 00:00:07,900\n900461, any time.\n"
    )
    files = {
        "postcheck.toml": '[moderation]\nstaff = ["Jane Example"]\n',
        "post.md": _post(),
        "media/clip.mp4": video_bytes(tmp_path, seconds=8.0, audio=bursts([(0, 7.0)])),
        "media/clip.srt": srt,
    }
    run = check(files, "--select", "M")
    found = {(f["code"], f["line"]) for f in run.json["findings"]}
    assert found == {("M103", 3), ("M102", 7), ("M101", 11)}
    assert all(f["path"].endswith("clip.srt") and f["post"]["path"] == "post.md" for f in run.json["findings"])
    assert all(" in the captions" in f["message"] for f in run.json["findings"])
