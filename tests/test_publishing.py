"""P101, P104, P105, P106: text limits counted each platform's way, Instagram links, staffed hours, schedule."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from postcheck.text.schedule import holiday_calendar, next_staffed, parse_staffed


def post(text: str, platforms: str = "[x]", **meta: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in meta.items())
    return f"---\nplatforms: {platforms}\n{extra}---\n{text}\n"


def findings(run, code: str) -> list[dict]:
    return [f for f in run.json["findings"] if f["code"] == code]


# --------------------------------------------------------------------------------------------- P101


def test_x_post_of_280_characters_passes_and_281_is_too_long(check):
    assert check({"p.md": post("a" * 280)}, "--select", "P101").codes == []
    run = check({"p.md": post("a" * 281)}, "--select", "P101")
    [finding] = findings(run, "P101")
    assert "281" in finding["message"] and "limit 280" in finding["message"] and "X" in finding["message"]


def test_overflow_span_starts_where_the_text_passes_the_limit(check):
    run = check({"p.md": post("a" * 290)}, "--select", "P101")
    [finding] = findings(run, "P101")
    assert finding["line"] == 4 and finding["column"] == 281
    assert finding["end_column"] == 291


def test_x_counts_every_link_as_23_however_long(check):
    link = "https://www.nhs.uk/conditions/vaccinations/flu-influenza-vaccine/who-should-have-it/"
    text = "a" * 250 + " " + link  # 335 characters, 274 weighted
    assert check({"p.md": post(text)}, "--select", "P101").codes == []


def test_x_counts_emoji_and_cjk_as_2(check):
    assert check({"p.md": post("😷" * 140)}, "--select", "P101").codes == []
    assert check({"p.md": post("😷" * 141)}, "--select", "P101").codes == ["P101"]
    assert check({"p.md": post("故" * 141)}, "--select", "P101").codes == ["P101"]


def test_x_counts_after_nfc_normalisation(check):
    decomposed = "e\u0301" * 280  # 560 code points, 280 characters once composed
    assert check({"p.md": post(decomposed)}, "--select", "P101").codes == []


def test_bluesky_counts_graphemes(check):
    thumbs = "👍🏽"  # two code points, one grapheme
    assert check({"p.md": post(thumbs * 300, "[bluesky]")}, "--select", "P101").codes == []
    run = check({"p.md": post(thumbs * 301, "[bluesky]")}, "--select", "P101")
    assert "301" in run.json["findings"][0]["message"] and "300" in run.json["findings"][0]["message"]


def test_mastodon_counts_links_as_23(check):
    text = "a" * 470 + " https://www.nhs.uk/conditions/vaccinations/flu-influenza-vaccine/"
    assert check({"p.md": post(text, "[mastodon]")}, "--select", "P101").codes == []
    assert check({"p.md": post("a" * 501, "[mastodon]")}, "--select", "P101").codes == ["P101"]


def test_each_platform_over_its_limit_gets_its_own_finding(check):
    run = check({"p.md": post("a" * 400, "[x, bluesky, facebook, mastodon]")}, "--select", "P101")
    messages = sorted(f["message"] for f in findings(run, "P101"))
    assert len(messages) == 2
    assert "Bluesky: 400" in messages[0] and "limit 300" in messages[0]
    assert "X: 400" in messages[1] and "limit 280" in messages[1]


def test_threads_takes_at_most_five_links(check):
    five = " ".join(f"https://www{i}.nhs.uk" for i in range(5))
    assert check({"p.md": post(five, "[threads]")}, "--select", "P101").codes == []
    run = check({"p.md": post(five + " https://www5.nhs.uk", "[threads]")}, "--select", "P101")
    [finding] = findings(run, "P101")
    assert "at most 5 links" in finding["message"] and "has 6" in finding["message"]
    assert finding["column"] == len(five) + 2  # the sixth link


def test_threads_counts_a_csv_link_column_unless_the_text_holds_that_link(check):
    five = " ".join(f"https://www{i}.nhs.uk" for i in range(5))
    rows = f"date,time_24hr,message_text,link\n01/12/2026,10:00,{five},{{}}\n"
    run = check({"posts.csv": rows.format("https://www5.nhs.uk")}, "--select", "P101", "--platform", "threads")
    [finding] = findings(run, "P101")
    assert "has 6" in finding["message"]
    assert finding["column"] == len(f"01/12/2026,10:00,{five},") + 1  # the link cell
    run = check({"posts.csv": rows.format("https://www0.nhs.uk")}, "--select", "P101", "--platform", "threads")
    assert run.codes == []  # the scheduler does not post a link the text already holds


def test_youtube_title_over_100_characters_points_at_the_overflow(check):
    assert check({"p.md": post("Watch.", "[youtube]", title="T" * 100)}, "--select", "P101").codes == []
    run = check({"p.md": post("Watch.", "[youtube]", title="T" * 104)}, "--select", "P101")
    [finding] = findings(run, "P101")
    assert "title" in finding["message"] and "104" in finding["message"] and "100" in finding["message"]
    assert finding["line"] == 3 and finding["column"] == len("title: ") + 101


def test_title_does_not_count_on_platforms_without_titles(check):
    assert check({"p.md": post("Hello", "[x]", title="T" * 150)}, "--select", "P101").codes == []


def test_config_can_raise_a_platform_limit(check):
    toml = "[platform.x]\ntext-max = 25000\n"
    assert check({"p.md": post("a" * 400), "postcheck.toml": toml}, "--select", "P101").codes == []


def test_csv_link_column_counts_towards_the_limit(check):
    csv = "date,time_24hr,message_text,link\n01/12/2026,10:00," + "a" * 270 + ",https://www.nhs.uk/flu\n"
    run = check({"posts.csv": csv}, "--select", "P101", "--platform", "x")
    [finding] = findings(run, "P101")
    assert "294" in finding["message"]  # 270 + space + 23
    assert finding["column"] == csv.splitlines()[1].index("https") + 1


def test_empty_text_is_not_too_long(check):
    assert check({"p.md": post("")}, "--select", "P101").codes == []


# --------------------------------------------------------------------------------------------- P104


def test_instagram_caption_link_is_not_clickable_once_per_post(check):
    text = "Book: https://www.nhs.uk/flu or nhs.uk/covid"
    run = check({"p.md": post(text, "[instagram]")}, "--select", "P104")
    [finding] = findings(run, "P104")
    assert finding["severity"] == "info" and "2 links" in finding["message"]
    assert finding["column"] == text.index("https") + 1


def test_links_elsewhere_are_clickable(check):
    assert check({"p.md": post("Book: https://www.nhs.uk/flu", "[x, facebook]")}, "--select", "P104").codes == []


def test_instagram_caption_with_email_address_has_no_link(check):
    assert check({"p.md": post("Email enquiries@example.nhs.uk", "[instagram]")}, "--select", "P104").codes == []


def test_csv_link_column_on_instagram_is_not_clickable(check):
    csv = "date,time_24hr,message_text,link\n01/12/2026,10:00,Book now,https://www.nhs.uk/flu\n"
    assert check({"posts.csv": csv}, "--select", "P104", "--platform", "instagram").codes == ["P104"]


# --------------------------------------------------------------------------------------------- P105
# --now is Tuesday 24 November 2026, 12:00 UTC.


def p105(check, when: str, toml: str = "") -> list[dict]:
    return findings(check({"p.md": post("Hello", publish_at=when), "postcheck.toml": toml}, "--select", "P1"), "P105")


def test_weekday_inside_staffed_hours_passes(check):
    assert p105(check, "2026-11-25T10:00:00+00:00") == []


def test_saturday_is_outside_staffed_hours_with_the_next_staffed_time(check):
    [finding] = p105(check, "2026-11-28T10:00:00+00:00")
    assert finding["severity"] == "warning" and "outside staffed hours" in finding["message"]
    assert "Mon 30 Nov 09:00" in finding["message"]
    assert finding["suggestion"] == "2026-11-30T09:00:00+00:00"
    assert finding["line"] == 3 and finding["column"] == len("publish_at: ") + 1


def test_five_pm_is_closing_time_and_nine_am_is_open(check):
    assert p105(check, "2026-11-25T09:00:00+00:00") == []
    assert len(p105(check, "2026-11-25T17:00:00+00:00")) == 1


def test_summer_0830_utc_is_0930_bst_and_inside_staffed_hours(check):
    assert p105(check, "2027-06-01T08:30:00+00:00") == []
    assert len(p105(check, "2027-06-01T16:30:00+00:00")) == 1  # 17:30 BST


def test_winter_0830_utc_is_0830_gmt_and_outside(check):
    assert len(p105(check, "2026-12-01T08:30:00+00:00")) == 1


def test_offset_less_time_is_read_in_the_configured_timezone(check):
    assert p105(check, "2027-06-01T09:30:00") == []  # 09:30 BST
    assert len(p105(check, "2027-06-01T09:30:00", '[schedule]\ntimezone = "America/New_York"\n')) == 0
    assert len(p105(check, "2027-06-01T09:30:00+00:00", '[schedule]\ntimezone = "America/New_York"\n')) == 1


def test_boxing_day_on_saturday_moves_the_bank_holiday_to_monday(check):
    [finding] = p105(check, "2026-12-28T10:00:00+00:00")
    assert "bank holiday" in finding["message"] and "Boxing Day" in finding["message"]
    assert finding["suggestion"] == "2026-12-29T09:00:00+00:00"
    assert p105(check, "2026-12-29T10:00:00+00:00") == []


def test_christmas_on_saturday_makes_monday_and_tuesday_substitute_holidays(check):
    assert len(p105(check, "2027-12-27T10:00:00+00:00")) == 1
    assert len(p105(check, "2027-12-28T10:00:00+00:00")) == 1
    assert p105(check, "2027-12-29T10:00:00+00:00") == []


def test_holiday_calendar_follows_the_nation(check):
    st_andrews = "2026-11-30T10:00:00+00:00"  # a Monday; a bank holiday in Scotland only
    assert p105(check, st_andrews) == []
    assert len(p105(check, st_andrews, '[schedule]\nholidays = "scotland"\n')) == 1
    assert p105(check, "2026-12-28T10:00:00+00:00", '[schedule]\nholidays = "none"\n') == []


def test_configured_staffed_hours_replace_the_default(check):
    toml = '[schedule]\nstaffed = "Mon-Fri 09:00-17:00; Sat 10:00-13:00"\n'
    assert p105(check, "2026-11-28T10:00:00+00:00", toml) == []
    assert len(p105(check, "2026-11-28T13:30:00+00:00", toml)) == 1


def test_draft_without_publish_at_is_not_checked(check):
    assert check({"p.md": post("Hello")}, "--select", "P1").codes == []


def test_csv_row_outside_staffed_hours_gets_a_time_written_as_the_csv_writes_it(check):
    rows = "date,time_24hr,message_text\n28/11/2026,10:00,Hello\n"  # a Saturday
    [finding] = findings(check({"posts.csv": rows}, "--select", "P105"), "P105")
    assert finding["message"].startswith("the row's date and time Sat 28 Nov 2026 10:00")
    assert finding["suggestion"] == "30/11/2026 09:00"


def test_csv_rows_are_read_in_the_configured_timezone(check):
    csv = "date,time_24hr,message_text\n28/11/2026,10:00,Open all weekend\n25/11/2026,10:00,Open today\n"
    run = check({"posts.csv": csv}, "--select", "P105", "--platform", "x")
    [finding] = findings(run, "P105")
    assert finding["line"] == 2


def test_staffed_hours_grammar():
    assert parse_staffed("Mon-Fri 09:00-17:00")[0] == [(540, 1020)]
    assert parse_staffed("Mon-Fri 09:00-17:00")[5] == []
    split = parse_staffed("Mon, Wed 09:00-12:30, 13:30-17:00; Sat 10:00-13:00")
    assert split[0] == split[2] == [(540, 750), (810, 1020)] and split[1] == [] and split[5] == [(600, 780)]
    assert parse_staffed("Mon to Fri 9.00am to 5:00pm")[4] == [(540, 1020)]
    assert parse_staffed("Fri-Mon 10:00-11:00")[6] == [(600, 660)]
    overnight = parse_staffed("Sat 22:00-02:00")
    assert overnight[5] == [(1320, 1440)] and overnight[6] == [(0, 120)]
    assert parse_staffed("08:00-20:00")[6] == [(480, 1200)]
    assert parse_staffed("always")[3] == [(0, 1440)]


@pytest.mark.parametrize("spec", ["Mon-Fri", "Funday 09:00-17:00", "Mon 25:00-26:00", "Mon 9-5", "", "Mon 09:00-09:00"])
def test_staffed_hours_that_do_not_parse_are_refused(spec):
    with pytest.raises(ValueError):
        parse_staffed(spec)


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[schedule]\ntimezone = "Europe/Londn"\n', "IANA time zone"),
        ('[schedule]\nstaffed = "Mon-Fri"\n', "days without times"),
        ('[schedule]\nholidays = "narnia"\n', "schedule.holidays must be one of"),
    ],
)
def test_bad_schedule_config_is_a_one_line_error(check, toml, expected):
    run = check({"p.md": post("Hello"), "postcheck.toml": toml})
    assert run.exit_code == 2 and expected in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_next_staffed_time_skips_weekends_and_holidays():
    london = ZoneInfo("Europe/London")
    windows = parse_staffed("Mon-Fri 09:00-17:00")
    calendar = holiday_calendar("england")
    christmas_eve = datetime(2026, 12, 24, 18, 0, tzinfo=london)
    assert next_staffed(christmas_eve, windows, calendar) == datetime(2026, 12, 29, 9, 0, tzinfo=london)
    early = datetime(2026, 11, 25, 7, 0, tzinfo=london)
    assert next_staffed(early, windows, calendar) == datetime(2026, 11, 25, 9, 0, tzinfo=london)


def test_bank_holidays_are_kept_in_the_user_cache_and_match_the_library(tmp_path, monkeypatch):
    import holidays

    from postcheck.text.schedule import BankHolidays

    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(tmp_path))
    built = BankHolidays("ENG")
    [cached_file] = (tmp_path / "postcheck").glob("holidays-*-GB-ENG.json")
    library = holidays.country_holidays("GB", subdiv="ENG")
    for day in (date(2026, 12, 25), date(2026, 12, 28), date(2027, 3, 26), date(2026, 12, 23), date(2080, 12, 25)):
        assert built.get(day) == library.get(day)  # 2080 is past the cached years: the library answers
    import json

    from postcheck.cache import read_json, write_json

    table = json.loads(json.dumps(read_json(cached_file)).replace("Boxing Day", "Cached Day"))
    write_json(cached_file, table, cached_file.parent)  # signed, as postcheck writes it
    assert BankHolidays("ENG").get(date(2026, 12, 28)) == "Cached Day (observed)"  # read from the cache
    cached_file.write_text("[not a table")
    assert BankHolidays("ENG").get(date(2026, 12, 28)) == "Boxing Day (observed)"  # a broken cache is rebuilt


# --------------------------------------------------------------------------------------------- P106


def test_publish_at_in_the_past_is_invalid(check):
    run = check({"p.md": post("Hello", publish_at="2026-11-20T09:30:00+00:00")}, "p.md", "--select", "P1")
    assert run.codes == ["P106"]  # and not also P105
    assert "in the past" in run.json["findings"][0]["message"]


def test_now_decides_what_is_past(check):
    files = {"p.md": post("Hello", publish_at="2026-11-20T09:30:00+00:00")}
    assert check(files, "--select", "P106", "--now", "2026-11-01T00:00:00+00:00").codes == []


def test_future_publish_at_is_valid(check):
    assert check({"p.md": post("Hello", publish_at="2026-12-01T09:30:00+00:00")}, "--select", "P106").codes == []


def test_non_iso_publish_at_is_f003_not_p106(check):
    run = check({"p.md": post("Hello", publish_at="next Tuesday")}, "--select", "F003,P1")
    assert run.codes == ["F003"]


def test_a_lower_case_t_and_z_are_read_as_rfc_3339_allows(check):
    files = {
        "p.md": post("Hello", publish_at="'2026-12-01t18:30:00z'"),
        "q.json": '{"text": "Hi", "publish_at": "2026-12-01T09:30:00z"}',
    }
    assert check(files, "--select", "F003,P1").codes == ["P105"]  # 18:30 UTC is 18:30 in London, in December


def test_an_offset_written_as_yaml_writes_it_is_read(check):
    # YAML reads "+1" as an offset of an hour; the loaders keep the date as written, and it is read the same
    files = {
        "p.md": post("Hello", publish_at="2026-12-01 09:30:00 +1"),
        "q.yaml": "text: Hi\npublish_at: 2026-12-01T09:30:00+1\n",
    }
    run = check(files, "--select", "F003,P1")
    assert run.codes == ["P105", "P105"]  # 08:30 in London
    assert "08:30" in run.json["findings"][0]["message"]


def test_a_time_written_in_words_after_an_iso_date_is_not_called_impossible(check):
    run = check({"p.md": post("Hello", publish_at="2026-12-07 5pm")}, "--select", "F003")
    assert "is not an ISO 8601 date-time" in run.json["findings"][0]["message"]


@pytest.mark.parametrize("when", ["2027-02-30T10:00:00Z", "2026-12-01T24:00:00Z", "2027-02-30"])
def test_impossible_unquoted_yaml_date_is_f003_not_a_crash(check, when):
    run = check(
        {"p.md": post("Hello", publish_at=when), "q.yaml": f"text: Hi\npublish_at: {when}\n"}, "--select", "F,P1"
    )
    assert run.exit_code == 1 and run.codes == ["F003", "F003"]
    assert "no real date and time" in run.json["findings"][0]["message"]


def test_now_without_an_offset_is_a_wall_clock_time_like_publish_at(check):
    files = {"p.md": post("Hello", publish_at="2026-07-01T12:30:00")}  # BST: 11:30 UTC
    assert check(files, "--select", "P106", "--now", "2026-07-01T12:00:00").codes == []  # 12:00 BST, before
    assert check(files, "p.md", "--select", "P106", "--now", "2026-07-01T12:45:00").codes == ["P106"]


def test_platforms_are_read_as_people_write_them(check):
    text = post("a" * 290, platforms="[x, X]")
    assert check({"p.md": text}, "--select", "P101").codes == ["P101"]  # once, not once per spelling
    comma = '---\nplatforms: "bluesky, mastodon"\n---\n' + "a" * 600 + "\n"
    assert sorted(check({"p.md": comma}, "--select", "F003,P101").codes) == ["P101", "P101"]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('platforms = ["twitter"]', "unknown platform 'twitter' in platforms; did you mean 'x'?"),
        ("platforms = []", "platforms must name at least one platform"),
        ("[platform.twitter]\ntext-max = 300", "unknown platform [platform.twitter]; did you mean 'x'?"),
    ],
)
def test_config_platforms_are_checked_with_a_hint(check, toml, expected):
    run = check({"p.md": post("Hello"), "postcheck.toml": toml + "\n"})
    assert run.exit_code == 2 and expected in run.stderr


def test_a_date_without_a_time_is_f003_not_midnight(check):
    run = check({"p.md": post("Hello", publish_at="2026-12-01"), "q.yaml": "text: Hi\npublish_at: '2026-12-01'\n"})
    assert run.codes == ["F003", "F003"]  # and no P105 for "midnight"
    assert "has no time of day: add one (2026-12-01T09:30:00+00:00)" in run.json["findings"][0]["message"]


def test_csv_date_that_does_not_read_in_the_date_order_says_so(check):
    rows = "date,time_24hr,message_text\n12/25/2026,10:00,Hello\n"
    [finding] = check({"posts.csv": rows}, "--select", "F003").json["findings"]
    assert "schedule.date-order 'dmy'" in finding["message"] and "01/12/2026 and 09:30" in finding["message"]


def test_time_skipped_by_the_clocks_going_forward_does_not_exist(check):
    run = check({"p.md": post("Hello", publish_at="2027-03-28T01:30:00")}, "--select", "P1")
    assert run.codes == ["P106"] and "does not exist" in run.json["findings"][0]["message"]
