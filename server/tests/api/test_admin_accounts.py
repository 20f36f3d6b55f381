"""The accounts admin: the searchable, paged list; one account with its profiles and live
streams; tier changes; disabling (no sign-in, refresh tokens revoked) and enabling again;
signing out everywhere; ending one live stream; and who may do any of it."""
import secrets

from conftest import DEMO, problem_of

ACCOUNTS = "/api/v1/admin/accounts"
PASSWORD = "correct horse battery"


def new_account(server, tier="basic"):
    """(grant, email) of a freshly registered account."""
    g = server.register(tier=tier)
    return g, g["account"]["email"]


def login(server, email, password=PASSWORD):
    return server.post("/api/v1/auth/login", json={"email": email, "password": password})


def a_movie(server, token):
    items = server.get("/api/v1/catalog/titles", token, params={"limit": 100, "type": "movie"}).json()["items"]
    return items[0]


def test_list_searches_by_email_filters_by_tier_and_pages(server):
    admin = server.token("admin")
    r = server.get(ACCOUNTS, admin, params={"q": "BASIC@ott"})
    assert r.status_code == 200, r.text
    page = r.json()
    assert [a["email"] for a in page["items"]] == [DEMO["basic"][0]] and page["total"] == 1
    basic = page["items"][0]
    assert basic["tier"] == "basic" and basic["is_admin"] is False and basic["disabled"] is False
    assert basic["disabled_at"] is None and basic["profile_count"] >= 1 and basic["live_streams"] >= 0

    # A sign-in shows as the last one.
    _, email = new_account(server)
    assert login(server, email).status_code == 200
    mine = server.get(ACCOUNTS, admin, params={"q": email}).json()["items"]
    assert len(mine) == 1 and mine[0]["last_sign_in_at"] is not None

    premium = server.get(ACCOUNTS, admin, params={"tier": "premium", "limit": 200}).json()
    assert premium["total"] >= 1 and all(a["tier"] == "premium" for a in premium["items"])

    everyone = server.get(ACCOUNTS, admin, params={"limit": 2}).json()
    assert everyone["limit"] == 2 and len(everyone["items"]) == 2 and everyone["total"] >= 4
    second = server.get(ACCOUNTS, admin, params={"limit": 2, "offset": 2}).json()
    assert not {a["id"] for a in everyone["items"]} & {a["id"] for a in second["items"]}
    assert [a["id"] for a in everyone["items"]] == sorted(a["id"] for a in everyone["items"])

    # LIKE's wildcards are taken literally.
    assert server.get(ACCOUNTS, admin, params={"q": "%"}).json()["total"] == 0
    assert server.get(ACCOUNTS, admin, params={"q": "no-such-" + secrets.token_hex(3)}).json()["items"] == []
    problem_of(server.get(ACCOUNTS, admin, params={"tier": "gold"}), 400)
    problem_of(server.get(ACCOUNTS, admin, params={"limit": 0}), 400)


def test_an_account_shows_its_profiles_and_live_streams(server):
    admin = server.token("admin")
    g, _ = new_account(server, "premium")
    token, aid = g["access_token"], g["account"]["id"]
    movie = a_movie(server, token)
    started = server.post("/api/v1/playback/sessions", token, json={"title_id": movie["id"]})
    assert started.status_code == 201, started.text

    r = server.get(f"{ACCOUNTS}/{aid}", admin)
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["id"] == aid and a["tier"] == "premium" and a["live_streams"] == 1
    assert [p["name"] for p in a["profiles"]] == [g["profile"]["name"]] and a["profile_count"] == 1
    [s] = a["streams"]
    assert s["id"] == started.json()["id"] and s["title_id"] == movie["id"] and s["watching"] == movie["title"]
    assert s["profile_id"] == g["profile"]["id"] and s["profile_name"] == g["profile"]["name"]
    listed = server.get(ACCOUNTS, admin, params={"q": a["email"]}).json()["items"]
    assert listed[0]["live_streams"] == 1

    problem_of(server.get(f"{ACCOUNTS}/999999999", admin), 404)
    problem_of(server.get(f"{ACCOUNTS}/abc", admin), 400)


def test_tier_changes_and_takes_effect_at_the_next_refresh(server):
    admin = server.token("admin")
    g, email = new_account(server, "basic")
    aid = g["account"]["id"]
    r = server.patch(f"{ACCOUNTS}/{aid}", admin, json={"tier": "premium"})
    assert r.status_code == 200, r.text
    assert r.json()["tier"] == "premium"
    assert server.get(f"{ACCOUNTS}/{aid}", admin).json()["tier"] == "premium"
    refreshed = server.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]})
    assert refreshed.status_code == 200, refreshed.text
    assert refreshed.json()["account"]["tier"] == "premium"

    problem_of(server.patch(f"{ACCOUNTS}/{aid}", admin, json={"tier": "gold"}), 422)
    problem_of(server.patch(f"{ACCOUNTS}/{aid}", admin, json={"disabled": "yes"}), 422)
    problem_of(server.patch(f"{ACCOUNTS}/{aid}", admin, json={"email": "x@y.test"}), 422)
    problem_of(server.patch(f"{ACCOUNTS}/999999999", admin, json={"tier": "basic"}), 404)


def test_a_disabled_account_cannot_sign_in_until_enabled_again(server):
    admin = server.token("admin")
    g, email = new_account(server, "premium")
    aid = g["account"]["id"]
    token = g["access_token"]
    started = server.post("/api/v1/playback/sessions", token, json={"title_id": a_movie(server, token)["id"]})
    assert started.status_code == 201, started.text

    r = server.patch(f"{ACCOUNTS}/{aid}", admin, json={"disabled": True})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["disabled"] is True and body["disabled_at"] is not None
    assert body["streams"] == [] and body["live_streams"] == 0  # its streams ended with it

    assert problem_of(login(server, email), 403)["type"] == "urn:kinora:problem:account-disabled"
    # The wrong password still says only that: nothing about the account to a stranger.
    assert problem_of(login(server, email, "wrong password!"), 401)["type"] == "urn:kinora:problem:invalid-credentials"
    problem_of(server.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]}), 401)
    # The access token it still holds stops working at once.
    select = server.post(f"/api/v1/auth/profiles/{g['profile']['id']}/select", token)
    assert problem_of(select, 401)["type"] == "urn:kinora:problem:account-disabled"
    assert server.get(ACCOUNTS, admin, params={"q": email}).json()["items"][0]["disabled"] is True

    r = server.patch(f"{ACCOUNTS}/{aid}", admin, json={"disabled": False})
    assert r.status_code == 200 and r.json()["disabled"] is False and r.json()["disabled_at"] is None
    again = login(server, email)
    assert again.status_code == 200, again.text
    assert server.post("/api/v1/auth/refresh", json={"refresh_token": again.json()["refresh_token"]}).status_code == 200


def test_an_admin_cannot_disable_their_own_account(server):
    admin = server.token("admin")
    me = server.get("/api/v1/auth/me", admin).json()["account"]
    problem = problem_of(server.patch(f"{ACCOUNTS}/{me['id']}", admin, json={"disabled": True}), 409)
    assert problem["type"] == "urn:kinora:problem:cannot-disable-self" and "own account" in problem["detail"]
    assert server.get(f"{ACCOUNTS}/{me['id']}", admin).json()["disabled"] is False
    # Enabling (a no-op) and the tier are fine on oneself.
    assert server.patch(f"{ACCOUNTS}/{me['id']}", admin, json={"disabled": False}).status_code == 200


def test_sign_out_everywhere_revokes_every_refresh_token(server):
    admin = server.token("admin")
    g, email = new_account(server)
    aid = g["account"]["id"]
    second = login(server, email).json()
    r = server.post(f"{ACCOUNTS}/{aid}/sign-out", admin)
    assert r.status_code == 204 and r.content == b""
    for refresh in (g["refresh_token"], second["refresh_token"]):
        problem_of(server.post("/api/v1/auth/refresh", json={"refresh_token": refresh}), 401)
    # Not disabled: signing in again works.
    assert login(server, email).status_code == 200
    problem_of(server.post(f"{ACCOUNTS}/999999999/sign-out", admin), 404)


def test_ending_one_of_its_streams(server):
    admin = server.token("admin")
    g, _ = new_account(server, "premium")
    token, aid = g["access_token"], g["account"]["id"]
    movie = a_movie(server, token)
    ids = []
    for _ in range(2):
        r = server.post("/api/v1/playback/sessions", token, json={"title_id": movie["id"]})
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    other, _ = new_account(server, "premium")

    # Another account's session, an unknown one and a malformed id are all not found.
    problem_of(server.delete(f"{ACCOUNTS}/{other['account']['id']}/streams/{ids[0]}", admin), 404)
    problem_of(server.delete(f"{ACCOUNTS}/{aid}/streams/{'Z' * 22}", admin), 404)
    problem_of(server.delete(f"{ACCOUNTS}/{aid}/streams/short", admin), 404)

    r = server.delete(f"{ACCOUNTS}/{aid}/streams/{ids[0]}", admin)
    assert r.status_code == 204 and r.content == b""
    assert [s["id"] for s in server.get(f"{ACCOUNTS}/{aid}", admin).json()["streams"]] == [ids[1]]
    # The player learns it at its next heartbeat; ending it twice is not found.
    hb = server.put(f"/api/v1/playback/sessions/{ids[0]}", token, json={"position_seconds": 5})
    assert problem_of(hb, 410)["type"] == "urn:kinora:problem:session-ended"
    problem_of(server.delete(f"{ACCOUNTS}/{aid}/streams/{ids[0]}", admin), 404)


def test_only_admins_may_and_writes_are_audited(server):
    basic = server.token("basic")
    g, _ = new_account(server)
    aid = g["account"]["id"]
    for method, path, body in [("GET", ACCOUNTS, None), ("GET", f"{ACCOUNTS}/{aid}", None),
                               ("PATCH", f"{ACCOUNTS}/{aid}", {"tier": "premium"}),
                               ("POST", f"{ACCOUNTS}/{aid}/sign-out", None),
                               ("DELETE", f"{ACCOUNTS}/{aid}/streams/{'A' * 22}", None)]:
        kw = {"json": body} if body is not None else {}
        assert problem_of(server.request(method, path, basic, **kw), 403)["type"] == "urn:kinora:problem:admin-required"
        problem_of(server.request(method, path, **kw), 401)
    assert server.get(f"{ACCOUNTS}/{aid}", server.token("admin")).json()["tier"] == "basic"

    admin = server.token("admin")
    assert server.post(f"{ACCOUNTS}/{aid}/sign-out", admin).status_code == 204
    log = server.get("/api/v1/admin/audit", admin, params={"area": "accounts", "limit": 1}).json()["items"]
    assert [(e["method"], e["route"], e["target"]) for e in log] == [
        ("POST", "/api/v1/admin/accounts/{account_id}/sign-out", f"{ACCOUNTS}/{aid}/sign-out")]
