"""Fetching a URL into bytes: a timeout, a size cap, and one clear FetchError for every way it fails."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from twinatlas import __version__
from twinatlas.errors import FetchError

USER_AGENT = f"twinatlas/{__version__} (+https://github.com/twinatlas)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str
    charset: str | None


def fetch_bytes(url: str, timeout: float, max_bytes: int) -> Fetched:
    """GET `url`, streaming, and stop as soon as it exceeds `max_bytes`."""
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: too large ({int(declared):,} bytes; the limit is {max_bytes:,})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: too large (more than {max_bytes:,} bytes, the limit)")
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                body=b"".join(chunks),
                content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                charset=response.charset_encoding,
            )
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: no answer within {timeout:g} s (timed out)") from exc
    except httpx.ConnectError as exc:
        raise FetchError(f"{url}: cannot connect (offline, or the host is unknown or down): {exc}") from exc
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(f"{url}: not a URL that can be fetched: {exc}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: fetching failed: {exc}") from exc
