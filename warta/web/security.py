"""What keeps the web app safe: a bearer token for writes, and an SSRF guard for URL ingest.

The app is read-only unless a token is configured (``WARTA_TOKEN`` or ``create_app(token=...)``);
``POST /api/ingest`` then needs ``Authorization: Bearer <token>``. A URL given to ingest is
fetched here, not by the ingest module, so that every hop (the first request and each
redirect) is checked first: the host is resolved and *every* address it resolves to must be
public. Private, loopback, link-local, multicast, reserved and unspecified addresses are
refused unless the operator allows them (``--allow-private-urls``), e.g. for an intranet feed.

Known limit: the address is checked, then httpx resolves the name again to connect, so a
DNS server that answers differently within milliseconds (DNS rebinding) could slip through.
Pinning the checked address would break TLS name checks; the window is accepted and written
down here rather than hidden.
"""

from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from warta.errors import AuthError, InputError, TooLargeError, UnsafeURLError

#: Fetch limits. 10 s and 5 redirects are what browsers tolerate before users give up; 20 MB
#: matches ``[ingest] max_file_bytes`` (≈100× the longest article seen in the corpora).
FETCH_TIMEOUT_S = 10.0
MAX_REDIRECTS = 5
MAX_FETCH_BYTES = 20_000_000

Resolver = Callable[[str, int], list[str]]


def check_token(header: str | None, token: str | None) -> None:
    """Raise :class:`AuthError` unless ``header`` is ``Bearer <token>`` for a configured token."""
    if not token:
        raise AuthError(
            "this server is read-only: set WARTA_TOKEN (or warta serve --token) to enable ingest over HTTP",
            disabled=True,
        )
    scheme, _, given = (header or "").partition(" ")
    # compare_digest: the time taken must not reveal how many leading characters matched
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise AuthError("missing or wrong bearer token: send 'Authorization: Bearer <WARTA_TOKEN>'")


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 is judged as its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, *, allow_private: bool = False, resolver: Resolver | None = None) -> list[str]:
    """Check that ``url`` is http(s) and that every address its host resolves to is allowed.

    Returns the resolved addresses. Raises :class:`UnsafeURLError` naming the URL and the reason.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURLError(f"only http and https URLs can be ingested, not {parts.scheme or 'no scheme'!r}", item=url)
    host = parts.hostname
    if not host:
        raise UnsafeURLError("the URL has no host", item=url)
    if parts.username or parts.password:
        raise UnsafeURLError("URLs with credentials are refused", item=url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UnsafeURLError(f"bad port: {exc}", item=url) from exc
    try:
        addresses = (resolver or _system_resolver)(host, port)
    except (OSError, UnicodeError) as exc:
        raise UnsafeURLError(f"cannot resolve host {host!r}: {exc}", item=url) from exc
    if not addresses:
        raise UnsafeURLError(f"host {host!r} resolves to no address", item=url)
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise UnsafeURLError(
                    f"host {host!r} resolves to {address}, a private/loopback/link-local address; "
                    "refused (start the server with --allow-private-urls to allow it)",
                    item=url,
                )
    return addresses


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    resolver: Resolver | None = None,
    transport: httpx.BaseTransport | None = None,
    max_bytes: int = MAX_FETCH_BYTES,
) -> Fetched:
    """GET ``url``, following redirects by hand so each hop passes :func:`check_url`."""
    current = url
    with httpx.Client(timeout=FETCH_TIMEOUT_S, follow_redirects=False, transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private, resolver=resolver)
            try:
                with client.stream("GET", current, headers={"User-Agent": "warta (+news ingest)"}) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise InputError("redirect without a Location header", item=current)
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise InputError(f"the server answered HTTP {resp.status_code}", item=current)
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise TooLargeError(f"larger than {max_bytes} bytes", item=current)
                    return Fetched(current, bytes(body), resp.headers.get("content-type", ""))
            except httpx.HTTPError as exc:
                raise InputError(f"cannot fetch: {type(exc).__name__}: {exc}", item=current) from exc
    raise InputError(f"more than {MAX_REDIRECTS} redirects", item=url)
