"""Fetching URLs, against a local HTTP server started here: no network needed."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from twinatlas.errors import FetchError
from twinatlas.ingest import fetch_url
from twinatlas.models import PartialDate

ARTICLE = (
    b"<html><head><title>Twin towns</title><meta name='date' content='2025-03-02'></head><body>"
    b"<article><h1>Twin towns</h1><p>The councils of Lublin and Lutsk agreed to renew their partnership "
    b"for another five years, the mayor's office said on Sunday.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE)
        elif self.path == "/plain":
            self._send(200, "text/plain; charset=windows-1251", "Гродно и Люблин — побратимы.".encode("cp1251"))
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, "text/plain", b"x" * 5000)
        elif self.path == "/big-unannounced":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/plain", b"too late")
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # the client hanging up on an oversized or slow answer is what some tests do on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_is_fetched_with_its_title_date_and_address(server):
    doc = fetch_url(f"{server}/moved", timeout=5, max_bytes=100_000)
    assert "Lublin and Lutsk agreed to renew" in doc.text
    assert doc.title == "Twin towns" and doc.published == PartialDate(2025, 3, 2)
    assert doc.url == f"{server}/article"  # where the redirect led
    assert doc.name == f"{server}/moved" and doc.retrieved is not None


def test_the_declared_charset_of_a_plain_text_is_used(server):
    assert fetch_url(f"{server}/plain", timeout=5, max_bytes=100_000).text == "Гродно и Люблин — побратимы."


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/big", r"too large \(5,000 bytes; the limit is 1,000\)"),
        ("/big-unannounced", r"too large \(more than 1,000 bytes"),
    ],
)
def test_bad_answers_are_fetch_errors_naming_the_url(server, path, message):
    with pytest.raises(FetchError, match=f"{server}{path}: {message}"):
        fetch_url(f"{server}{path}", timeout=5, max_bytes=1000)


def test_a_slow_server_times_out(server):
    with pytest.raises(FetchError, match=r"/slow: no answer within 0.3 s"):
        fetch_url(f"{server}/slow", timeout=0.3, max_bytes=1000)


def test_no_server_is_a_clear_offline_error():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot connect \(offline, or the host is unknown or down\)"):
        fetch_url(f"http://127.0.0.1:{port}/x", timeout=2, max_bytes=1000)
