"""`timeline serve` itself, as a reader's browser meets it: over real TCP, several workers."""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import time

from tests.conftest import ROOT
from tests.test_end_to_end import free_port


def start(url: str, port: int, workers: int = 2) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--workers", str(workers), "--port", str(port)],
                              cwd=ROOT, env={**os.environ, "DATABASE_URL": url},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.2)


def test_keep_alive_responses_are_not_held_back_with_several_workers(seeded_url):
    """uvicorn's own multi-worker socket left Nagle on: every keep-alive response after the first
    waited about 40 ms for the client's delayed ACK (uvicorn issue #3149)."""
    port = free_port()
    server = start(seeded_url, port)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        timings = []
        for _ in range(12):
            started = time.perf_counter()
            conn.request("GET", "/api/articles?limit=1")
            response = conn.getresponse()
            assert response.status == 200 and response.read()
            timings.append(time.perf_counter() - started)
        assert statistics.median(timings[2:]) < 0.03, [round(t * 1000) for t in timings]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_second_server_on_a_taken_port_is_refused(seeded_url):
    """Workers share their port (SO_REUSEPORT); that must not let a second server join it silently."""
    port = free_port()
    first = start(seeded_url, port)
    try:
        second = subprocess.run([sys.executable, "-m", "app.cli", "serve", "--workers", "2", "--port", str(port)],
                                cwd=ROOT, env={**os.environ, "DATABASE_URL": seeded_url},
                                capture_output=True, text=True, timeout=60)
        assert second.returncode != 0
        assert f"cannot listen on 127.0.0.1:{port}" in second.stderr
    finally:
        first.terminate()
        assert first.wait(timeout=30) is not None


def test_a_worker_runs_as_many_requests_at_once_as_configured(seeded_url):
    """TIMELINE_THREADS: requests run on that many threads of a worker (pages are built holding the GIL)."""
    from anyio import to_thread
    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for

    async def threads() -> int:
        return to_thread.current_default_thread_limiter().total_tokens

    for configured in (1, 3):
        with TestClient(create_app(settings_for(seeded_url, threads=configured))) as client:
            assert client.get("/api/events?limit=1").status_code == 200
            assert client.portal.call(threads) == configured


def test_the_server_runs_on_a_c_http_parser_and_event_loop():
    """What uvicorn takes when they are installed: dropping them from the dependencies would
    quietly cost every request its share of CPU."""
    import asyncio

    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    from app.web.server import server_config

    config = server_config("127.0.0.1", free_port())
    config.load()
    assert config.http_protocol_class is HttpToolsProtocol
    loop = config.get_loop_factory()()
    try:
        assert type(loop).__module__.startswith("uvloop"), type(loop)
    finally:
        loop.close()
    assert isinstance(loop, asyncio.AbstractEventLoop)
