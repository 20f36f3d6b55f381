"""Redis faults (issue 18, items 5 and 6), with a throw-away redis-server on loopback: the
server starts while Redis is down and is not ready until Redis answers; a 503 names Redis,
not the database; a hung Redis (SIGSTOP) makes /readyz say not ready within about a
second; it reconnects by itself. Session creates answered 503 during a stall never hold a
stream once Redis resumes, and /healthz never waits for Redis."""
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from conftest import free_port, problem_of, start_redis

REDIS = shutil.which("redis-server")

pytestmark = pytest.mark.skipif(not REDIS, reason="redis-server not installed")


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
    port = free_port()  # a fixed one would meet another suite's Redis
    server = fresh_server("--redis", f"redis://127.0.0.1:{port}/0")  # nothing listens there yet
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

        redis = start_redis(port)
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


def test_creates_refused_during_a_stall_hold_no_stream_afterwards(fresh_server):
    port = free_port()
    redis = start_redis(port)
    try:
        server = fresh_server("--redis", f"redis://127.0.0.1:{port}/0")
        wait_until_ready(server)
        token = server.register(tier="premium")["access_token"]  # 4 streams
        movies = server.get("/api/v1/catalog/titles", token,
                            params={"type": "movie", "limit": 4}).json()["items"]
        create = lambda i: server.post("/api/v1/playback/sessions", token,
                                       json={"title_id": movies[i % len(movies)]["id"]})

        redis.send_signal(signal.SIGSTOP)
        try:
            started = time.monotonic()
            # Sent while Redis hangs: some reach its socket and wait there.
            with ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(create, range(8)))
            took = time.monotonic() - started
            for r in answers:
                assert "Redis" in problem_of(r, 503)["detail"]
                assert r.headers.get("Retry-After")
            assert took < 10, f"8 creates took {took:.1f} s against a hung Redis"
            started = time.monotonic()
            r = create(0)
            assert "Redis" in problem_of(r, 503)["detail"]
            assert time.monotonic() - started < 4
            # Liveness is answered without Redis (and without a worker).
            r = requests.get(server.base + "/healthz", timeout=2)
            assert r.status_code == 200 and r.json()["status"] == "ok"
            time.sleep(1.5)  # past the commands' timeout: they are all given up
        finally:
            redis.send_signal(signal.SIGCONT)
        wait_until_ready(server)
        # Whatever Redis ran late changed nothing: all 4 streams open at once.
        opened = [create(i) for i in range(4)]
        assert [r.status_code for r in opened] == [201] * 4, [r.text for r in opened]
        live = server.get("/api/v1/playback/sessions", token).json()["items"]
        assert sorted(i["id"] for i in live) == sorted(r.json()["id"] for r in opened)
        problem_of(create(0), 429)
    finally:
        redis.send_signal(signal.SIGCONT)
        redis.kill()
        redis.wait()
