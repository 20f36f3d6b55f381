"""Access tokens end with what they stand for (issue 18): once its profile is deleted, its
account disabled or its sign-in ended (logout, sign-out everywhere), a token answers 401 on
every route at the very next request. Refreshes of one refresh token at once share one
successor within the grace; reuse after the grace is theft and ends the family."""
import threading
import time

import pytest
import requests

import openapi_validator
from conftest import DEMO, backends, problem_of, start

PASSWORD = "correct horse battery"
ACCOUNTS = "/api/v1/admin/accounts"
COOKIE_MODE = {"X-Kinora-Session": "cookie"}


def refused(response, kind="token-revoked"):
    body = problem_of(response, 401)
    assert body["type"] == f"urn:kinora:problem:{kind}", body
    assert response.headers["WWW-Authenticate"] == "Bearer"
    return body


def call(server, method, path, token=None, **kw):
    """A request on its own connection (threads share no requests.Session), checked
    against openapi.json like every other."""
    headers = dict(kw.pop("headers", {}))
    if token:
        headers["Authorization"] = f"Bearer {token}"
    r = requests.request(method, server.base + path, headers=headers, timeout=60, **kw)
    openapi_validator.check(method, path, r)
    return r


def a_movie(server, token):
    r = server.get("/api/v1/catalog/titles", token, params={"type": "movie", "limit": 1})
    return r.json()["items"][0]["id"]


def a_channel(server, token):
    return server.get("/api/v1/epg/channels", token, params={"limit": 1}).json()["items"][0]["id"]


def writes(server, token, movie, channel, session_id):
    """The signed-in writes the issue found answering 500 with a deleted profile."""
    return [
        server.put(f"/api/v1/viewing/watchlist/{movie}", token),
        server.put(f"/api/v1/viewing/bookmarks/{movie}", token, json={"position_seconds": 30}),
        server.put(f"/api/v1/viewing/ratings/{movie}", token, json={"rating": "up"}),
        server.put(f"/api/v1/epg/favorites/{channel}", token),
        server.put(f"/api/v1/playback/sessions/{session_id}", token, json={"position_seconds": 5}),
        server.post("/api/v1/playback/sessions", token, json={"title_id": movie}),
        server.get("/api/v1/auth/me", token),
        server.get("/api/v1/catalog/titles", token),
    ]


def test_a_deleted_profile_gets_401_on_every_route(server):
    g = server.register(tier="premium")
    owner = g["access_token"]
    second = server.post("/api/v1/auth/profiles", owner, json={"name": "Second"}).json()
    chosen = server.post(f"/api/v1/auth/profiles/{second['id']}/select", owner).json()
    token = chosen["access_token"]
    movie, channel = a_movie(server, token), a_channel(server, token)
    started = server.post("/api/v1/playback/sessions", token, json={"title_id": movie})
    assert started.status_code == 201, started.text

    assert server.delete(f"/api/v1/auth/profiles/{second['id']}", owner).status_code == 204
    for r in writes(server, token, movie, channel, started.json()["id"]):
        assert "profile" in refused(r)["detail"]
    problem_of(server.post("/api/v1/auth/refresh", json={"refresh_token": chosen["refresh_token"]}), 401)
    # The account's other profile is untouched.
    assert server.get("/api/v1/auth/me", owner).status_code == 200
    assert server.put(f"/api/v1/viewing/watchlist/{movie}", owner).status_code == 204


def test_a_disabled_account_gets_401_on_every_route_and_stays_signed_out(server):
    admin = server.token("admin")
    g = server.register(tier="premium")
    token = g["access_token"]
    movie, channel = a_movie(server, token), a_channel(server, token)
    started = server.post("/api/v1/playback/sessions", token, json={"title_id": movie})
    assert started.status_code == 201, started.text

    assert server.patch(f"{ACCOUNTS}/{g['account']['id']}", admin, json={"disabled": True}).status_code == 200
    for r in writes(server, token, movie, channel, started.json()["id"]):
        refused(r, "account-disabled")
    # Enabled again, the account signs in afresh: the old sign-in was revoked with the disabling.
    assert server.patch(f"{ACCOUNTS}/{g['account']['id']}", admin, json={"disabled": False}).status_code == 200
    refused(server.get("/api/v1/auth/me", token))
    again = server.login(g["account"]["email"], PASSWORD)
    assert server.get("/api/v1/auth/me", again["access_token"]).status_code == 200


def test_logout_ends_that_sessions_access_token_at_the_next_request(server):
    g = server.register()
    other = server.login(g["account"]["email"], PASSWORD)
    # A rotation does not end the older access token of the same sign-in.
    rotated = server.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]}).json()
    assert server.get("/api/v1/auth/me", g["access_token"]).status_code == 200

    assert server.post("/api/v1/auth/logout", json={"refresh_token": rotated["refresh_token"]}).status_code == 204
    for token in (g["access_token"], rotated["access_token"]):
        assert "signed out" in refused(server.get("/api/v1/auth/me", token))["detail"]
        refused(server.get("/api/v1/viewing/watchlist", token))
    # Another sign-in of the account is another session: it goes on.
    assert server.get("/api/v1/auth/me", other["access_token"]).status_code == 200


def test_logout_in_cookie_mode_ends_the_access_token(server):
    g = server.register()
    r = call(server, "POST", "/api/v1/auth/login", headers=COOKIE_MODE,
             json={"email": g["account"]["email"], "password": PASSWORD})
    token, cookie = r.json()["access_token"], r.cookies["kinora_refresh"]
    assert call(server, "GET", "/api/v1/auth/me", token).status_code == 200
    out = call(server, "POST", "/api/v1/auth/logout", headers={**COOKIE_MODE, "Cookie": f"kinora_refresh={cookie}"})
    assert out.status_code == 204
    refused(call(server, "GET", "/api/v1/auth/me", token))


def test_sign_out_everywhere_ends_every_access_token(server):
    admin = server.token("admin")
    g = server.register()
    other = server.login(g["account"]["email"], PASSWORD)
    assert server.post(f"{ACCOUNTS}/{g['account']['id']}/sign-out", admin).status_code == 204
    for token in (g["access_token"], other["access_token"]):
        refused(server.get("/api/v1/auth/me", token))
    assert server.get("/api/v1/auth/me", server.login(g["account"]["email"], PASSWORD)["access_token"]).status_code == 200


def concurrently(server, n, make_request):
    """n requests released at once by a barrier; their responses in order."""
    barrier = threading.Barrier(n)
    out = [None] * n

    def run(i):
        barrier.wait()
        out[i] = make_request()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_twenty_concurrent_refreshes_all_get_the_same_successor(server):
    g = server.register()
    answers = concurrently(server, 20, lambda: call(
        server, "POST", "/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]}))
    assert [r.status_code for r in answers] == [200] * 20, [r.text for r in answers if r.status_code != 200]
    successors = {r.json()["refresh_token"] for r in answers}
    assert len(successors) == 1 and g["refresh_token"] not in successors
    for r in answers:
        assert call(server, "GET", "/api/v1/auth/me", r.json()["access_token"]).status_code == 200
    # The family lives on: the successor rotates as usual.
    (successor,) = successors
    r = server.post("/api/v1/auth/refresh", json={"refresh_token": successor})
    assert r.status_code == 200, r.text
    assert r.json()["refresh_token"] not in (successor, g["refresh_token"])
    assert server.get("/api/v1/auth/me", r.json()["access_token"]).status_code == 200


def test_twenty_concurrent_cookie_refreshes_all_get_the_same_cookie(server):
    g = server.register()
    r = call(server, "POST", "/api/v1/auth/login", headers=COOKIE_MODE,
             json={"email": g["account"]["email"], "password": PASSWORD})
    cookie = r.cookies["kinora_refresh"]
    answers = concurrently(server, 20, lambda: call(
        server, "POST", "/api/v1/auth/refresh", headers={**COOKIE_MODE, "Cookie": f"kinora_refresh={cookie}"}))
    assert [r.status_code for r in answers] == [200] * 20, [r.text for r in answers if r.status_code != 200]
    assert len({r.cookies["kinora_refresh"] for r in answers}) == 1


@pytest.fixture(scope="module", params=backends())
def short_grace(request):
    """A server whose refresh reuse grace is 1 second, so a test can outwait it."""
    s = start(request.param, ("--refresh-reuse-grace", "1"))
    yield s
    assert s.stop() == 0, s.log_path.read_text()[-4000:]


def outwait_grace():
    time.sleep(2.05)  # used_at has 1 s resolution: 2 s past it is always beyond a 1 s grace


def test_reuse_after_the_grace_revokes_the_family(short_grace):
    s = short_grace
    g = s.register()
    first = s.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]}).json()
    outwait_grace()
    r = s.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]})
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:refresh-token-reused"
    r = s.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-refresh-token"
    # And every access token of the family ends with it.
    for token in (g["access_token"], first["access_token"]):
        refused(s.get("/api/v1/auth/me", token))


def test_cookie_reuse_after_the_grace_revokes_the_family_and_clears_the_cookie(short_grace):
    s = short_grace
    g = s.register()
    r = call(s, "POST", "/api/v1/auth/login", headers=COOKIE_MODE,
             json={"email": g["account"]["email"], "password": PASSWORD})
    first = r.cookies["kinora_refresh"]
    r = call(s, "POST", "/api/v1/auth/refresh", headers={**COOKIE_MODE, "Cookie": f"kinora_refresh={first}"})
    second = r.cookies["kinora_refresh"]
    outwait_grace()
    r = call(s, "POST", "/api/v1/auth/refresh", headers={**COOKIE_MODE, "Cookie": f"kinora_refresh={first}"})
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:refresh-token-reused"
    assert r.headers["Set-Cookie"].startswith("kinora_refresh=;")
    r = call(s, "POST", "/api/v1/auth/refresh", headers={**COOKIE_MODE, "Cookie": f"kinora_refresh={second}"})
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-refresh-token"


def test_within_the_grace_a_signed_out_successor_is_not_handed_out(short_grace):
    s = short_grace
    g = s.register()
    first = s.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]}).json()
    assert s.post("/api/v1/auth/logout", json={"refresh_token": first["refresh_token"]}).status_code == 204
    r = s.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]})
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-refresh-token"
