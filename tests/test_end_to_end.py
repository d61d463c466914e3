"""Ingest seeds/ into a fresh SQLite file, serve the real app over HTTP, and score it
with ../shared/eval/check_timeline.py: every required event, no boilerplate, all article checks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT, SEEDS, ingest_paths, require_shared


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_seed_timeline_passes_the_reference_check(db_url):
    shared = require_shared()
    assert ingest_paths(db_url, SEEDS).exit_code == 0
    port = free_port()
    env = {**os.environ, "DATABASE_URL": db_url}
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "api/events", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        check = subprocess.run([sys.executable, str(shared / "eval" / "check_timeline.py"), "--base", base],
                               capture_output=True, text=True, timeout=120)
        print(check.stdout)
        assert check.returncode == 0, check.stdout + check.stderr
        assert check.stdout.splitlines()[-1].startswith("PASS required 10/10")
    finally:
        server.terminate()
        server.wait(timeout=10)
