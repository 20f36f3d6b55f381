"""Several instances on one database share playback sessions and stream counts through a
real redis-server (--redis): a limit reached on one instance holds on the other."""
import time

import pytest

from conftest import Server, backends, free_port, problem_of, start, start_redis


@pytest.fixture(scope="module")
def redis_url():
    port = free_port()
    proc = start_redis(port)
    yield f"redis://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module", params=backends())
def pair(request, redis_url):
    """Two instances of one deployment: one database, one Redis (a database index per backend)."""
    url = f"{redis_url}/{1 + backends().index(request.param)}"
    a = start(request.param, ["--redis", url])
    b = Server(request.param, a.database_url, ["--redis", url, "--no-demo"])
    yield a, b
    for s in (a, b):
        assert s.stop() == 0, s.log_path.read_text()[-3000:]


def test_instances_share_sessions_and_limits(pair):
    a, b = pair
    g = a.register(tier="basic")
    token = g["access_token"]
    movie = a.get("/api/v1/catalog/titles", token, params={"type": "movie", "limit": 1}).json()["items"][0]
    s = a.post("/api/v1/playback/sessions", token, json={"title_id": movie["id"]})
    assert s.status_code == 201
    s = s.json()
    # The second instance sees the stream the first one started.
    problem_of(b.post("/api/v1/playback/sessions", token, json={"title_id": movie["id"]}), 429)
    assert [i["id"] for i in b.get("/api/v1/playback/sessions", token).json()["items"]] == [s["id"]]
    assert b.put(f"/api/v1/playback/sessions/{s['id']}", token, json={"position_seconds": 3}).status_code == 200
    assert b.http.get(b.base + s["key_url"]).status_code == 200
    assert b.delete(f"/api/v1/playback/sessions/{s['id']}", token).status_code == 204
    problem_of(a.put(f"/api/v1/playback/sessions/{s['id']}", token, json={"position_seconds": 4}), 410)
    assert a.http.get(a.base + s["key_url"]).status_code == 403
    assert b.post("/api/v1/playback/sessions", token, json={"title_id": movie["id"]}).status_code == 201


def test_an_unreachable_redis_does_not_stop_the_start(fresh_server):
    # Issue 18: the server starts, says why and is not ready until Redis answers
    # (test_redis_faults.py follows it further).
    s = fresh_server("--redis", f"redis://127.0.0.1:{free_port()}")
    assert "session store unreachable" in s.log_path.read_text()
    down = s.get("/readyz")
    assert down.status_code == 503 and down.json()["sessions"]["reachable"] is False


def test_readiness_follows_redis(fresh_server, tmp_path):
    port = free_port()
    redis = start_redis(port, str(tmp_path))
    try:
        s = fresh_server("--redis", f"redis://127.0.0.1:{port}/5")
        ready = s.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["sessions"] == {"store": f"redis 127.0.0.1:{port}/5", "reachable": True}
        encoder = ready.json()["encoder"]
        assert encoder["loaded"] and encoder["embedded_titles"] > 0
        # The catalog was embedded in the background after the server started listening.
        assert encoder["startup_embedding"]["status"] == "succeeded"
        assert encoder["startup_embedding"]["done"] == encoder["startup_embedding"]["total"] > 0

        redis.terminate()
        redis.wait(timeout=10)
        down = s.get("/readyz")
        assert down.status_code == 503
        assert down.json()["status"] == "unavailable"
        assert down.json()["sessions"]["reachable"] is False and down.json()["sessions"]["error"]

        redis = start_redis(port, str(tmp_path))
        assert s.get("/readyz").status_code == 200  # reconnects by itself
    finally:
        redis.terminate()
        redis.wait(timeout=10)


def test_a_channel_watched_on_one_instance_is_in_use_on_the_other(pair):
    a, b = pair
    admin = b.token("admin")
    number = 7900 + int(time.time() * 1000) % 99
    r = b.post("/api/v1/admin/channels", admin, json={"number": number, "name": f"Shared {number}",
                                                      "category": "test", "tier": "basic",
                                                      "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    channel = r.json()["id"]
    viewer = a.register(tier="basic")["access_token"]
    s = a.post("/api/v1/playback/sessions", viewer, json={"channel_id": channel})
    assert s.status_code == 201, s.text
    assert problem_of(b.delete(f"/api/v1/admin/channels/{channel}", admin), 409)["streams"] == 1
    # Ended on A, it no longer counts on B.
    assert a.delete(f"/api/v1/playback/sessions/{s.json()['id']}", viewer).status_code in (200, 204)
    assert b.delete(f"/api/v1/admin/channels/{channel}", admin).status_code == 204
