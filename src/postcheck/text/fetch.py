"""Check that links resolve (for --online only): HEAD then GET, redirects followed by hand, private hosts refused.

The guard refuses private addresses twice: when the name resolves, and on the socket itself, before it connects and
for the peer it connected to, so no spelling of a host (percent-encoded, octal, IPv6 forms that embed an IPv4
address) reaches an internal service. Time is bounded three ways: each socket operation by `timeout`, each link (all
its hops) by LINK_BUDGET x `timeout` whatever the server trickles, and a run's links by RUN_BUDGET.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from postcheck import __version__
from postcheck.cache import read_json, write_json
from postcheck.text.urls import host_ip, is_private_ip, normalise_host

REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10
MAX_WORKERS = 8
CACHE_FILE = "links.json"
CACHE_ENTRIES = 2000  # keep the cache small: the newest results only
TTL_OK = 24 * 3600
TTL_FAILED = 3600
USER_AGENT = f"postcheck/{__version__} (link checker)"
_SAFE = "/%?=&;:@!$'()*+,~-._"
LINK_BUDGET = 3  # x timeout: all the requests and redirects of one link, however slowly a server answers
RUN_BUDGET = 120  # seconds for all the links of a run (at least 10 x timeout)
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")


def refused_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether the guard refuses an address: a private one, or an IPv6 address that embeds a private IPv4 address
    (IPv4-mapped and -compatible, NAT64, 6to4, Teredo) or is site-local (fec0::/10, deprecated but still routed)."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _SITE_LOCAL:
            return True
        low = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        embedded = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
        if int(ip) >> 32 == 0 or any(ip in net for net in _NAT64):
            embedded.append(low)
        if any(v4 is not None and is_private_ip(v4) for v4 in embedded):
            return True
    return is_private_ip(ip)


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(address.split("%", 1)[0])


@dataclass(frozen=True)
class FetchResult:
    """What fetching a URL showed: the final status, the redirect chain, or why it failed."""

    url: str
    status: int | None = None  # final HTTP status; None when no response came
    chain: tuple[str, ...] = ()  # every URL visited, the link itself first
    error: str | None = None  # "DNS lookup failed", "timed out after 5 s", "HTTP 404"...
    refused: bool = False  # not fetched: a private address and links.allow-private is off

    @property
    def broken(self) -> bool:
        return not self.refused and self.error is not None

    @property
    def final_url(self) -> str:
        return self.chain[-1] if self.chain else self.url


class FetchRefused(Exception):
    """The guard refused to connect (a private address without links.allow-private)."""


class _Failure(Exception):
    """A fetch failed for a reason a user can read."""


def _addresses(host: str, port: int, allow_private: bool) -> list[tuple]:
    """Resolved socket addresses for host:port, refusing private ones unless allowed."""
    literal = host_ip(host)
    if literal is not None:
        infos = socket.getaddrinfo(str(literal), port, type=socket.SOCK_STREAM)
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise _Failure(f"DNS lookup failed ({getattr(error, 'strerror', None) or error})") from None
    if not infos:
        raise _Failure("DNS lookup failed (no address)")
    if not allow_private:
        for info in infos:
            ip = _ip(info[4][0])
            if refused_ip(ip):
                raise FetchRefused(f"{host} resolves to a private address ({ip}); set links.allow-private to check it")
    return [info[4] for info in infos]


def _connect(addresses: list[tuple], timeout: float, allow_private: bool = False) -> socket.socket:
    """A socket connected to the first address that answers; each address is checked again just before the
    connection, and the peer after it (the connection-level guard: whatever the name said, this is where it went)."""
    last: OSError | None = None
    for address in addresses:
        if not allow_private and refused_ip(_ip(address[0])):
            raise FetchRefused(f"{address[0]} is a private address; set links.allow-private to check it")
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            peer = sock.getpeername()[0]
        except OSError as error:
            sock.close()
            last = error
            continue
        if not allow_private and refused_ip(_ip(peer)):
            sock.close()
            raise FetchRefused(f"connected to a private address ({peer}); set links.allow-private to check it")
        return sock
    raise last or OSError("no address to connect to")


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, addresses: list[tuple], timeout: float, allow_private: bool = False):
        super().__init__(host, port, timeout=timeout)
        self._addresses, self._allow_private = addresses, allow_private

    def connect(self) -> None:
        self.sock = _connect(self._addresses, self.timeout, self._allow_private)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, addresses: list[tuple], timeout: float, allow_private: bool = False):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._addresses, self._allow_private = addresses, allow_private

    def connect(self) -> None:
        sock = _connect(self._addresses, self.timeout, self._allow_private)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _cut(conn: http.client.HTTPConnection, expired: threading.Event) -> None:
    """At a link's deadline: shut its socket, so that a server trickling bytes cannot hold the link any longer."""
    expired.set()
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):  # closed already
            sock.shutdown(socket.SHUT_RDWR)


def _request(
    url: str, method: str, timeout: float, allow_private: bool, deadline: float | None = None
) -> tuple[int, str | None]:
    """One request (no redirects followed): (status, Location header)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _Failure(f"cannot check a {scheme or 'scheme-less'} link")
    host = normalise_host(parts.hostname or "")
    if not host:
        raise _Failure("no host name")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise _Failure("invalid port") from None
    addresses = _addresses(host, port, allow_private)
    if deadline is not None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        timeout = min(timeout, remaining)
    conn_class = _HTTPSConnection if scheme == "https" else _HTTPConnection
    conn = conn_class(host, port, addresses, timeout, allow_private)
    expired = threading.Event()
    watchdog = threading.Timer(timeout if deadline is None else remaining, _cut, (conn, expired))
    watchdog.daemon = True
    # Links may hold spaces or non-ASCII letters (nhs.uk/café): send them percent-encoded, as browsers do.
    path = quote(parts.path or "/", safe=_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_SAFE)
    try:
        if deadline is not None:
            watchdog.start()
        conn.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = conn.getresponse()
        if method == "GET":
            response.read(65536)  # enough to know the server answers; the body itself does not matter
        if expired.is_set():
            raise TimeoutError
        return response.status, response.getheader("Location")
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError from None
        raise
    finally:
        watchdog.cancel()
        conn.close()


def fetch(url: str, timeout: float = 5.0, allow_private: bool = False) -> FetchResult:
    """Follow `url` to its end: HEAD each hop (GET when HEAD is refused), redirects followed one by one, all within
    LINK_BUDGET x `timeout`."""
    deadline = time.monotonic() + LINK_BUDGET * timeout
    chain = [url]
    current = url if "://" in url else ("https:" + url if url.startswith("//") else "http://" + url)
    chain[0] = current
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, location = _request(current, "HEAD", timeout, allow_private, deadline)
            if status >= 400 or (status in REDIRECTS and not location):
                # Many servers refuse or mishandle HEAD (403, 405, 501); only GET's answer counts.
                status, location = _request(current, "GET", timeout, allow_private, deadline)
            if status in REDIRECTS and location:
                current = urljoin(current, location.strip())
                chain.append(current)
                continue
            error = f"HTTP {status}" if status >= 400 else None
            return FetchResult(url, status, tuple(chain), error)
        return FetchResult(url, None, tuple(chain), f"more than {MAX_REDIRECTS} redirects")
    except FetchRefused as refused:
        return FetchResult(url, None, tuple(chain), str(refused), refused=True)
    except _Failure as failure:
        return FetchResult(url, None, tuple(chain), str(failure))
    except TimeoutError:
        if time.monotonic() >= deadline:
            return FetchResult(url, None, tuple(chain), f"timed out: no full answer within {LINK_BUDGET * timeout:g} s")
        return FetchResult(url, None, tuple(chain), f"timed out after {timeout:g} s")
    except ssl.SSLError as error:
        return FetchResult(url, None, tuple(chain), f"TLS error ({error.reason or error})")
    except ConnectionRefusedError:
        return FetchResult(url, None, tuple(chain), "connection refused")
    except (OSError, http.client.HTTPException, ValueError) as error:
        return FetchResult(url, None, tuple(chain), f"connection failed ({error.__class__.__name__}: {error})")


class LinkChecker:
    """Fetches many links with bounded concurrency, remembering results in memory and in a small disk cache."""

    def __init__(
        self,
        timeout: float = 5.0,
        allow_private: bool = False,
        cache_dir: Path | None = None,
        workers: int = MAX_WORKERS,
    ):
        self.timeout = timeout
        self.allow_private = allow_private
        self.workers = max(1, workers)
        self.cache_dir = cache_dir
        self.cache_path = cache_dir / CACHE_FILE if cache_dir else None
        self._results: dict[str, FetchResult] = {}
        self._lock = threading.Lock()
        self._cache = self._load_cache()

    def _load_cache(self) -> dict[str, dict]:
        """The fresh entries of links.json; any entry not of the shape `_save_cache` writes is dropped."""
        if self.cache_path is None or self.cache_dir is None:
            return {}
        data = read_json(self.cache_path, self.cache_dir)
        if not isinstance(data, dict):
            return {}
        now = time.time()
        fresh = {}
        for url, entry in data.items():
            result = _cached_result(url, entry)
            if result is None:
                continue
            age = now - entry["time"]
            if 0 <= age < (TTL_FAILED if result.error else TTL_OK):  # a time in the future is not fresh
                fresh[url] = {"time": entry["time"], "result": result}
        return fresh

    def _save_cache(self, new: dict[str, FetchResult]) -> None:
        if self.cache_path is None or not new:
            return
        now = time.time()
        for url, result in new.items():
            if not result.refused:
                self._cache[url] = {"time": now, "result": result}
        newest = sorted(self._cache.items(), key=lambda item: item[1]["time"], reverse=True)[:CACHE_ENTRIES]
        data = {url: {"time": e["time"], "result": asdict(e["result"])} for url, e in newest}
        write_json(self.cache_path, data, self.cache_dir)

    def check(self, urls: Iterable[str]) -> dict[str, FetchResult]:
        """Results for every URL, fetching those not known yet (at most `workers` at a time)."""
        wanted = list(dict.fromkeys(urls))
        todo = []
        for url in wanted:
            if url in self._results:
                continue
            cached = self._cache.get(url)
            if cached is not None:
                self._results[url] = cached["result"]
            else:
                todo.append(url)
        if todo:
            budget = max(RUN_BUDGET, 10 * self.timeout)
            pool = ThreadPoolExecutor(max_workers=min(self.workers, len(todo)))
            futures = {url: pool.submit(self._fetch, url) for url in todo}
            wait(futures.values(), timeout=budget)
            pool.shutdown(wait=False, cancel_futures=True)  # a link still running ends at its own deadline
            late = f"timed out: the run's {budget:g} s for checking links ran out first"
            fetched = {
                url: future.result() if future.done() else FetchResult(url, None, (url,), late)
                for url, future in futures.items()
            }
            with self._lock:
                self._results.update(fetched)
            self._save_cache(fetched)
        return {url: self._results[url] for url in wanted}

    def _fetch(self, url: str) -> FetchResult:
        return fetch(url, self.timeout, self.allow_private)


def _cached_result(url: str, entry: Any) -> FetchResult | None:
    """The FetchResult in a links.json entry, or None when the entry is not of the shape `_save_cache` writes."""
    if not isinstance(entry, dict) or entry.keys() != {"time", "result"}:
        return None
    when, result = entry["time"], entry["result"]
    if isinstance(when, bool) or not isinstance(when, int | float) or not 0 <= when < 2**53:  # no NaN, inf, 10**400
        return None
    if not isinstance(result, dict) or result.keys() != {f.name for f in fields(FetchResult)}:
        return None
    status, chain, error = result["status"], result["chain"], result["error"]
    if (
        result["url"] != url
        or result["refused"] is not False  # refused results are never stored
        or not (status is None or (type(status) is int and 100 <= status <= 599))
        or not (isinstance(chain, list) and 1 <= len(chain) <= MAX_REDIRECTS + 1)
        or not all(isinstance(link, str) for link in chain)
        or not (error is None or isinstance(error, str))
    ):
        return None
    return FetchResult(url, status, tuple(chain), error)
