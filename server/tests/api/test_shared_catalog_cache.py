"""Instances on one database and one Redis (--redis) drop their cached catalog pages
together: an admin edit answered by one instance is what the next request to any other
instance sees, and an instance that cannot hear the others serves nothing cached."""
import os
import signal
import time

import pytest

from conftest import Server, backends, free_port, start, start_redis


def ready_details(server):
    return server.get("/readyz").json()["catalog_cache"]


def wait_for(predicate, timeout=15):
    deadline = time.time() + timeout
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture(scope="module", params=backends())
def deployment(request):
    port = free_port()
    redis = start_redis(port)
    url = f"redis://127.0.0.1:{port}/2"
    a = start(request.param, ["--redis", url])
    others = [Server(request.param, a.database_url, ["--redis", url, "--no-demo"]) for _ in range(2)]
    servers = [a, *others]
    for s in servers:
        wait_for(lambda s=s: ready_details(s)["hearing"])
    yield servers, redis
    for s in servers:
        assert s.stop() == 0, s.log_path.read_text()[-3000:]
    if redis.poll() is None:
        redis.terminate()
        redis.wait(timeout=10)


def title_name(server, token, tid):
    return server.get(f"/api/v1/catalog/titles/{tid}", token).json()["title"]


def test_an_edit_is_seen_by_the_next_request_on_every_instance(deployment):
    servers, _ = deployment
    admin = servers[0].token("admin")
    viewer = servers[0].token("premium")
    tid = servers[0].get("/api/v1/catalog/titles", viewer, params={"limit": 1}).json()["items"][0]["id"]
    for round_ in range(5):
        for s in servers:  # every instance has the page cached (twice: the second is a hit)
            title_name(s, viewer, tid)
            before = title_name(s, viewer, tid)
        writer = servers[round_ % len(servers)]
        name = f"Edited {round_}"
        assert writer.patch(f"/api/v1/admin/titles/{tid}", admin, json={"title": name}).status_code == 200
        assert before != name
        # Straight after the writer's answer, with no pause: each instance already dropped it.
        assert [title_name(s, viewer, tid) for s in servers] == [name] * len(servers)
    d = ready_details(servers[1])
    assert d["shared"] is True and d["hearing"] is True and d["through"].startswith("redis ")


def test_an_instance_that_cannot_hear_the_others_serves_nothing_cached(deployment):
    servers, redis = deployment
    a, b = servers[0], servers[1]
    admin = a.token("admin")
    viewer = a.token("premium")
    tid = a.get("/api/v1/catalog/titles", viewer, params={"limit": 1}).json()["items"][0]["id"]
    title_name(b, viewer, tid)
    # A hung Redis (SIGSTOP) answers nothing: the listeners notice within two seconds or so
    # and stop serving cached pages, and the writer's announcement times out, logged.
    os.kill(redis.pid, signal.SIGSTOP)
    try:
        wait_for(lambda: not ready_details(b)["hearing"])
        assert a.patch(f"/api/v1/admin/titles/{tid}", admin, json={"title": "Edited while deaf"}).status_code == 200
        assert title_name(b, viewer, tid) == "Edited while deaf"
        assert b.get("/readyz").status_code in (200, 503)  # sessions say what they say; no hang
    finally:
        os.kill(redis.pid, signal.SIGCONT)
    wait_for(lambda: all(ready_details(s)["hearing"] for s in servers))
    assert a.patch(f"/api/v1/admin/titles/{tid}", admin, json={"title": "Heard again"}).status_code == 200
    assert [title_name(s, viewer, tid) for s in servers] == ["Heard again"] * len(servers)
    assert "could not tell other instances" in a.log_path.read_text() or \
        "not every instance confirmed" in a.log_path.read_text()


def test_without_redis_the_cache_is_this_instances_own(fresh_server):
    s = fresh_server()
    assert ready_details(s) == {"shared": False}
