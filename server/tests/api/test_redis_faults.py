"""Redis faults (issue 18, item 6), with a throw-away redis-server on loopback: the server
starts while Redis is down and is not ready until Redis answers; a 503 names Redis, not the
database; a hung Redis (SIGSTOP) makes /readyz say not ready within about a second; it
reconnects by itself."""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest
import requests

from conftest import problem_of

REDIS = shutil.which("redis-server")
PORT = 56391

pytestmark = pytest.mark.skipif(not REDIS, reason="redis-server not installed")


def start_redis():
    workdir = tempfile.mkdtemp(prefix="kinora-redis-")
    proc = subprocess.Popen([REDIS, "--port", str(PORT), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", workdir],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("redis-server did not start")


def readiness(server):
    started = time.monotonic()
    r = requests.get(server.base + "/readyz", timeout=10)
    return r, time.monotonic() - started


def wait_until_ready(server, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r, _ = readiness(server)
        if r.status_code == 200:
            return
        time.sleep(0.2)
    raise AssertionError("not ready: " + r.text)


def test_redis_down_at_start_then_up_then_hung(fresh_server):
    server = fresh_server("--redis", f"redis://127.0.0.1:{PORT}/0")  # nothing listens there yet
    redis = None
    try:
        r, _ = readiness(server)
        assert r.status_code == 503, r.text
        body = r.json()
        assert body["sessions"]["reachable"] is False and body["database"]["reachable"] is True, body
        token = server.token("demo")
        r = server.get("/api/v1/playback/sessions", token)
        detail = problem_of(r, 503)["detail"]
        assert "Redis" in detail and "database" not in detail, detail
        assert r.headers.get("Retry-After")

        redis = start_redis()
        wait_until_ready(server)
        assert server.get("/api/v1/playback/sessions", token).status_code == 200

        redis.send_signal(signal.SIGSTOP)
        try:
            r, took = readiness(server)
            assert r.status_code == 503 and r.json()["sessions"]["reachable"] is False, r.text
            assert took < 1.5, f"/readyz took {took:.2f} s against a hung Redis"
            started = time.monotonic()
            r = server.get("/api/v1/playback/sessions", token)
            assert "Redis" in problem_of(r, 503)["detail"]
            assert time.monotonic() - started < 3
        finally:
            redis.send_signal(signal.SIGCONT)
        wait_until_ready(server)
        assert server.get("/api/v1/playback/sessions", token).status_code == 200
    finally:
        if redis:
            redis.kill()
            redis.wait()
