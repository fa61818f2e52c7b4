"""L rules: link detection, approved domains, shorteners, insecure and internal links, and --online fetching."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from postcheck.text.fetch import LinkChecker, fetch
from postcheck.text.urls import find_links, host_in, host_ip, internal_reason, normalise_host

APPROVED = '[links]\napproved = ["nhs.uk", "gov.uk"]\nexternal = ["bbc.co.uk"]\n'


def post(text: str, front: str = "platforms: [x]\n") -> str:
    return f"---\n{front}---\n{text}\n"


def findings(run, code: str) -> list[dict]:
    return [f for f in run.json["findings"] if f["code"] == code]


# ------------------------------------------------------------------ finding links


def test_bare_domains_and_urls_are_found_with_their_positions():
    text = "See nhs.uk/flu and https://www.NHS.uk/a."
    links = find_links(text)
    assert [(text[link.start : link.end], link.host, link.scheme) for link in links] == [
        ("nhs.uk/flu", "nhs.uk", ""),
        ("https://www.NHS.uk/a", "www.nhs.uk", "https"),
    ]


def test_mailto_and_email_addresses_are_not_links():
    assert find_links("Write to enquiries@example.nhs.uk or mailto:help@example.com") == []


def test_hosts_are_normalised_for_case_idna_and_trailing_dot():
    assert normalise_host("WWW.NHS.UK.") == "www.nhs.uk"
    assert normalise_host("bücher.de") == "xn--bcher-kva.de"
    assert find_links("https://bücher.de/x")[0].host == "xn--bcher-kva.de"


@pytest.mark.parametrize("dot", ["\u3002", "\uff0e", "\uff61"])
def test_ideographic_and_fullwidth_full_stops_in_a_host_read_as_dots(dot):
    text = f"Book at https://nhs{dot}uk/flu today"
    [link] = find_links(text)
    assert (link.host, link.raw, link.start) == ("nhs.uk", f"https://nhs{dot}uk/flu", 8)


def test_hosts_are_read_the_way_browsers_read_them():
    assert find_links("https://www.nhs.uk@evil.example/flu")[0].host == "evil.example"
    assert find_links("https://evil.example\\@nhs.uk/")[0].host == "evil.example"


def test_a_password_after_the_host_sends_the_browser_to_the_host_after_it():
    [link] = find_links("Renew it at https://www.nhs.uk:covidpass@nhs-pass-renewal.co/verify today")
    assert (link.host, link.raw) == ("nhs-pass-renewal.co", "https://www.nhs.uk:covidpass@nhs-pass-renewal.co/verify")
    assert find_links("https://www.nhs.uk%2F@evil.example/flu")[0].host == "evil.example"
    assert find_links("https://www.nhs.uk:443/flu")[0].host == "www.nhs.uk"
    assert find_links("Go to https://www.nhs.uk: it has advice from @NHSEngland")[0].host == "www.nhs.uk"


def test_a_percent_escaped_host_character_carries_the_host_on_as_a_browser_decodes_it():
    [link] = find_links("Renew at https://nhs.uk%2eexemption-renewals.example/apply")
    assert (link.host, link.raw) == (
        "nhs.uk.exemption-renewals.example",
        "https://nhs.uk%2eexemption-renewals.example/apply",
    )
    assert find_links("https://www.nhs.uk%2F/flu")[0].host == "www.nhs.uk"  # an escaped "/" is no host character


def test_a_link_cut_inside_its_host_by_another_is_not_a_host_of_its_own():
    # X links "2enhs.uk/flu" after the "%"; what is left before it, "https://www%", names no host (no L104)
    found = [(link.raw, link.host) for link in find_links("Go to https://www%2enhs.uk/flu")]
    assert found == [("2enhs.uk/flu", "2enhs.uk")]


@pytest.mark.parametrize(
    "text, target",
    [
        ("Book: [www.nhs.uk/flu](https://nhs-flu-bookings.com/start)", "https://nhs-flu-bookings.com/start"),
        ("[https://www.nhs.uk/flu](https://nhs-flu.example.com/).", "https://nhs-flu.example.com/"),
        ("Help: [gov.uk/cost-of-living](https://bit.ly/3CostHelp)", "https://bit.ly/3CostHelp"),
    ],
)
def test_the_target_of_a_markdown_link_labelled_with_an_address_is_a_link_of_its_own(text, target):
    links = find_links(text)
    assert target in [link.raw for link in links]
    # X makes one link of label and target (a path may hold brackets) and counts it once
    assert len([link for link in links if link.autolinked]) == 1


def test_markdown_link_targets_are_checked_behind_an_approved_label(check):
    files = {
        "postcheck.toml": APPROVED,
        "a.md": post("Book: [www.nhs.uk/flu](https://nhs-flu-bookings.com/start)"),
        "b.md": post("Help: [gov.uk/cost-of-living](https://bit.ly/3CostHelp)"),
        "c.md": post("Flu: [www.nhs.uk/flu](https://www.nhs.uk/flu)"),
    }
    run = check(files, "--select", "L")
    assert sorted((f["path"], f["code"]) for f in run.json["findings"]) == [("a.md", "L101"), ("b.md", "L102")]


def test_lookalike_domains_are_not_subdomains():
    approved = ["nhs.uk"]
    assert host_in("nhs.uk", approved) and host_in("www.nhs.uk", approved) and host_in("111.nhs.uk", approved)
    assert not host_in("nhs.uk.evil.example", approved)
    assert not host_in("notnhs.uk", approved)
    assert not host_in("nhs.uk-login.example", approved)


@pytest.mark.parametrize(
    "host",
    ["localhost", "127.0.0.1", "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.1.1", "::1", "fe80::1",
     "intranet", "rota.local", "wiki.internal", "0x7f.1", "2130706433", "8.8.8.8", "hr.corp", "nww.mse.nhs.uk"],
)  # fmt: skip
def test_internal_hosts_have_a_reason(host):
    assert internal_reason(host)


@pytest.mark.parametrize("host", ["www.nhs.uk", "example.com", "bbc.co.uk", "", "nwwtravel.co.uk", "homes.co.uk"])
def test_public_hosts_are_not_internal(host):
    assert internal_reason(host) is None


def test_numeric_hosts_read_as_browsers_do():
    assert str(host_ip("0x7f.1")) == "127.0.0.1"
    assert str(host_ip("2130706433")) == "127.0.0.1"
    assert host_ip("nhs.uk") is None


@pytest.mark.parametrize("host", ["-1", "1.+2", "1_0", "1. 2", "٣"])
def test_signed_or_spaced_numbers_are_not_ip_addresses(host):
    assert host_ip(host) is None


def test_a_link_to_a_negative_number_is_no_internal_error():
    # "http://-1" once crashed the run: int("-1") made a negative IPv4 address. A host name cannot start with "-".
    assert find_links("See http://-1 or https://-42/x now.") == []


def test_bare_ips_ipv6_and_localhost_ports_are_found():
    hosts = [link.host for link in find_links("10.0.0.1, http://[::1]:8080/x and localhost:3000/admin.")]
    assert hosts == ["10.0.0.1", "::1", "localhost"]


# ------------------------------------------------------------------ L101-L104


def test_lookalike_domains_raise_l101(check):
    run = check(
        {
            "postcheck.toml": APPROVED,
            "p.md": post("Go to https://nhs.uk.evil.example/flu or notnhs.uk, not https://www.nhs.uk/flu"),
        },
        "--select",
        "L",
    )
    assert [f["message"].split()[2] for f in findings(run, "L101")] == ["nhs.uk.evil.example", "notnhs.uk"]
    assert run.codes == ["L101", "L101"]


def test_approved_and_external_domains_pass_l101(check):
    run = check(
        {"postcheck.toml": APPROVED, "p.md": post("https://111.nhs.uk/ and https://www.gov.uk/x and bbc.co.uk/news")},
        "--select",
        "L",
    )
    assert run.codes == []


def test_without_approved_domains_l101_reports_nothing(check):
    run = check({"p.md": post("https://anything.example/page")}, "--select", "L")
    assert run.codes == []


def test_one_finding_per_link_the_most_specific(check):
    text = "a https://bit.ly/abc b http://192.168.1.1/x c http://www.nhs.uk/flu d http://evil.example/"
    run = check({"postcheck.toml": APPROVED, "p.md": post(text)}, "--select", "L")
    assert run.codes == ["L102", "L104", "L103", "L101"]


def test_insecure_link_suggests_https(check):
    run = check({"p.md": post("Read http://www.nhs.uk/flu today")}, "--select", "L")
    (finding,) = findings(run, "L103")
    assert finding["suggestion"] == "https://www.nhs.uk/flu"
    assert (finding["line"], finding["column"]) == (4, 6)


@pytest.mark.parametrize(
    "link", ["http://localhost:8080/x", "https://10.0.0.5/rota", "https://rota.internal/x", "intranet.local/x"]
)
def test_internal_links_raise_l104(check, link):
    run = check({"postcheck.toml": APPROVED, "p.md": post(f"See {link}")}, "--select", "L")
    assert run.codes == ["L104"]


def test_mailto_is_not_a_link(check):
    run = check({"postcheck.toml": APPROVED, "p.md": post("Write to mailto:help@evil.example")}, "--select", "L")
    assert run.codes == []


def test_the_domain_of_an_email_written_to_dodge_filters_is_m101s_not_a_link(check):
    text = "Email jo.bloggs [at] nhs.net or jo (at) evil.com, or read more at nhs.net and evil.com"
    run = check({"postcheck.toml": APPROVED, "p.md": post(text)}, "--select", "L,M101")
    assert run.codes == ["M101", "M101", "L101", "L101"]
    assert [f["column"] for f in findings(run, "L101")] == [text.index("nhs.net", 40) + 1, text.index("evil", 60) + 1]


def test_source_and_in_reply_to_are_not_links_of_the_post(check):
    front = "platforms: [x]\nkind: reply\nin_reply_to: https://bit.ly/abc\n"
    run = check({"postcheck.toml": APPROVED, "p.md": post("Thanks for your message.", front)}, "--select", "L")
    assert run.codes == []


def test_csv_link_columns_are_checked(check):
    csv = "date,time_24hr,message_text,link\n01/12/2026,09:30,Our winter plan,https://bit.ly/abc\n"
    run = check({"posts.csv": csv}, "--select", "L")
    (finding,) = findings(run, "L102")
    assert finding["line"] == 2 and finding["column"] == 34


# ------------------------------------------------------------------ no network without --online


def test_no_network_connection_without_online(check, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("network access without --online")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    text = " ".join(
        ["https://www.nhs.uk/flu", "http://example.com/x", "https://bit.ly/abc", "http://127.0.0.1:9/x", "nhs.uk/a"]
    )
    run = check({"postcheck.toml": APPROVED, "p.md": post(text), "q.md": post("bbc.co.uk/news")})
    assert run.exit_code in (0, 1)
    assert attempts == []
    assert not {"L105", "L106"} & set(run.codes)


# ------------------------------------------------------------------ --online against a local server


class _Handler(BaseHTTPRequestHandler):
    hits: list[tuple[str, str]] = []
    active = 0
    peak = 0
    lock = threading.Lock()

    def log_message(self, *args):  # keep test output quiet
        pass

    def _answer(self, body: bool) -> None:
        cls = type(self)
        with cls.lock:
            cls.hits.append((self.command, self.path))
            cls.active += 1
            cls.peak = max(cls.peak, cls.active)
        port = self.server.server_address[1]
        path = self.path
        if path.startswith("/slow"):
            time.sleep(0.1)
        if path.startswith("/hang"):
            time.sleep(1)
        with cls.lock:  # before answering: a client cannot send its next request until it has the answer
            cls.active -= 1
        if path == "/no-head" and self.command == "HEAD":
            status, headers = 405, {}
        elif path.startswith("/ok") or path.startswith("/slow") or path in ("/", "/no-head"):
            status, headers = 200, {}
        elif path == "/redirect":
            status, headers = 301, {"Location": "/ok"}
        elif path == "/away" or path.startswith("/redirect-to-"):
            status, headers = 302, {"Location": f"http://localhost:{port}/ok"}
        elif path == "/loop":
            status, headers = 302, {"Location": "/loop"}
        else:
            status, headers = 404, {}
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body and self.command == "GET":
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)


class _Server(str):
    """The server's base URL, with the handler class that records what it was asked."""

    handler: type[_Handler]


@pytest.fixture
def server():
    # A fresh handler class per test: a handler still sleeping from an earlier test cannot skew the counts.
    handler = type("Handler", (_Handler,), {"hits": [], "active": 0, "peak": 0, "lock": threading.Lock()})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    url = _Server(f"http://127.0.0.1:{httpd.server_address[1]}")
    url.handler = handler
    yield url
    httpd.shutdown()
    httpd.server_close()


def test_fetch_follows_redirects_by_hand(server):
    result = fetch(f"{server}/redirect", timeout=2, allow_private=True)
    assert result.status == 200 and not result.broken
    assert result.chain == (f"{server}/redirect", f"{server}/ok")


def test_fetch_reports_http_errors(server):
    result = fetch(f"{server}/missing", timeout=2, allow_private=True)
    assert result.broken and result.error == "HTTP 404"
    assert ("GET", "/missing") in server.handler.hits  # HEAD's 404 is confirmed with GET


def test_fetch_falls_back_to_get_when_head_is_refused(server):
    result = fetch(f"{server}/no-head", timeout=2, allow_private=True)
    assert result.status == 200 and not result.broken
    assert [m for m, p in server.handler.hits if p == "/no-head"] == ["HEAD", "GET"]


def test_fetch_stops_redirect_loops(server):
    result = fetch(f"{server}/loop", timeout=2, allow_private=True)
    assert result.broken and "redirects" in result.error


def test_fetch_times_out(server):
    result = fetch(f"{server}/hang", timeout=0.2, allow_private=True)
    assert result.broken and "timed out" in result.error


def test_private_addresses_are_refused_without_connecting(server):
    result = fetch(f"{server}/ok", timeout=2, allow_private=False)
    assert result.refused and not result.broken
    assert server.handler.hits == []


def test_redirect_to_a_private_address_is_refused(server, monkeypatch):
    import postcheck.text.fetch as fetch_module

    calls = []
    real = fetch_module._addresses

    def guarded(host, port, allow_private):
        calls.append(host)
        return real(host, port, allow_private if len(calls) == 1 else False)

    monkeypatch.setattr(fetch_module, "_addresses", guarded)
    result = fetch(f"{server}/redirect", timeout=2, allow_private=True)
    assert result.refused and len(result.chain) == 2
    assert server.handler.hits == [("HEAD", "/redirect")]


def test_checker_bounds_concurrency_and_caches_on_disk(server, tmp_path):
    urls = [f"{server}/slow{i}" for i in range(12)]
    checker = LinkChecker(timeout=2, allow_private=True, cache_dir=tmp_path, workers=3)
    results = checker.check(urls)
    assert all(r.status == 200 for r in results.values())
    assert 1 < server.handler.peak <= 3
    assert (tmp_path / "links.json").is_file()
    hits = len(server.handler.hits)
    again = LinkChecker(timeout=2, allow_private=True, cache_dir=tmp_path).check(urls)
    assert len(server.handler.hits) == hits  # served from the cache
    assert again[urls[0]].status == 200


def test_online_reports_broken_links_and_unapproved_redirects(check, server):
    config = '[links]\napproved = ["127.0.0.1"]\nallow-private = true\ntimeout = 2\n'
    text = f"{server}/ok {server}/missing {server}/redirect {server}/away"
    run = check({"postcheck.toml": config, "p.md": post(text)}, "--select", "L105,L106", "--online")
    assert run.codes == ["L105", "L106"]
    broken, away = run.json["findings"]
    assert "HTTP 404" in broken["message"] and "/missing" in broken["message"]
    assert "localhost" in away["message"] and away["suggestion"].endswith("/ok")


def test_online_redirect_to_an_internal_address_is_l106_though_not_followed(check, server, monkeypatch):
    import postcheck.text.fetch as fetch_module

    real = fetch_module._addresses
    calls = []

    def guarded(host, port, allow_private):  # the link's own host may be fetched, the redirect's may not
        calls.append(host)
        return real(host, port, allow_private if len(calls) == 1 else False)

    monkeypatch.setattr(fetch_module, "_addresses", guarded)
    config = "[links]\nallow-private = true\ntimeout = 2\n"  # nothing approved: still reported
    run = check({"postcheck.toml": config, "p.md": post(f"{server}/redirect")}, "--select", "L105,L106", "--online")
    [finding] = run.json["findings"]
    assert finding["code"] == "L106" and "an internal address (not followed)" in finding["message"]
    assert server.handler.hits == [("HEAD", "/redirect")]


def test_online_without_allow_private_fetches_nothing_private(check, server):
    config = '[links]\napproved = ["127.0.0.1"]\ntimeout = 2\n'
    run = check({"postcheck.toml": config, "p.md": post(f"{server}/missing")}, "--select", "L105,L106", "--online")
    assert run.codes == []
    assert server.handler.hits == []


@pytest.mark.parametrize("code", ["L105", "L106"])
def test_online_pages_examples_behave_as_they_say_against_a_local_server(tmp_path, server, code):
    """The L105/L106 pages' examples raise nothing offline (test_checks_pages); online, Bad raises its code."""
    from postcheck.catalogue import examples, page_for
    from tests.conftest import check_files

    found = examples(page_for(code))
    for which, expected in (("bad", [code]), ("good", [])):
        files = {
            name: body.replace("https://www.nhs.uk", server).replace('"nhs.uk"', '"127.0.0.1"')
            for name, body in found[which].files.items()
        }
        files["postcheck.toml"] = files.get("postcheck.toml", "[links]\n") + "allow-private = true\ntimeout = 2\n"
        folder = tmp_path / which
        folder.mkdir()
        run = check_files(folder, files, "--online", "--select", code)
        assert run.codes == expected, run.output


def test_a_file_address_is_internal_whatever_its_host(check):
    text = "Leaflet: file:///C:/Users/comms/Desktop/leaflet.pdf. Plan: file://fileserver.nhs.uk/comms/plan.docx"
    run = check({"postcheck.toml": '[links]\napproved = ["nhs.uk"]\n', "p.md": f"---\nplatforms: [x]\n---\n{text}\n"})
    assert run.codes == ["L104", "L104"]
    assert "file:///C:/Users/comms/Desktop/leaflet.pdf opens a file" in run.json["findings"][0]["message"]
