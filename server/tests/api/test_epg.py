"""The live TV guide: channels, groups, favorites, schedules, the grid and now/next, with the
visibility rule, per-profile favorites and bad input on every route."""
import time
from datetime import datetime, timedelta, timezone

import pytest

from conftest import problem_of

EPG = "/api/v1/epg"


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def this_hour():
    return datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)


def channels(server, token, **params):
    r = server.get(f"{EPG}/channels", token, params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()


def kids_token(server):
    g = server.login("premium@ott.test", "test123")
    kids = next(p for p in g["profiles"] if p["kids"])
    return server.post(f"/api/v1/auth/profiles/{kids['id']}/select", g["access_token"]).json()["access_token"]


def standard_only_channel(server):
    basic = {c["id"] for c in channels(server, server.token("basic"))["items"]}
    return next(c for c in channels(server, server.token("standard"))["items"] if c["id"] not in basic)


def favorite_ids(server, token):
    r = server.get(f"{EPG}/favorites", token)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [i["position"] for i in items] == list(range(len(items)))
    assert all(i["channel"]["favorite"] for i in items)
    return [i["channel"]["id"] for i in items]


# -- visibility ---------------------------------------------------------------------------------
def test_channels_follow_the_visibility_rule(server):
    basic = channels(server, server.token("basic"))
    assert basic["total"] == 15 and len(basic["items"]) == 15 and basic["limit"] == 200
    assert {c["tier"] for c in basic["items"]} == {"basic"}
    numbers = [c["number"] for c in basic["items"]]
    assert numbers == sorted(numbers)
    assert channels(server, server.token("standard"))["total"] == 25
    assert channels(server, server.token("premium"))["total"] == 25
    first = basic["items"][0]
    assert first["logo_url"] == f"{EPG}/channels/{first['id']}/logo.svg"
    assert first["favorite"] is False

    # The default page size is 50; pages cut the list, totals do not.
    r = server.get(f"{EPG}/channels", server.token("standard"), params={"limit": 10, "offset": 20})
    assert r.json()["total"] == 25 and len(r.json()["items"]) == 5 and r.json()["offset"] == 20
    assert server.get(f"{EPG}/channels", server.token("standard")).json()["limit"] == 50
    news = channels(server, server.token("standard"), category="news")
    assert news["total"] == 3 and {c["category"] for c in news["items"]} == {"news"}
    assert channels(server, server.token("standard"), category="no-such-thing")["total"] == 0


def test_hidden_channels_are_not_found_anywhere(server):
    basic = server.token("basic")
    hidden = standard_only_channel(server)
    cid = hidden["id"]
    for method, path in [("GET", f"{EPG}/channels/{cid}"), ("GET", f"{EPG}/schedule/{cid}"),
                         ("PUT", f"{EPG}/favorites/{cid}"), ("DELETE", f"{EPG}/favorites/{cid}")]:
        problem_of(server.request(method, path, basic), 404)
    assert server.get(f"{EPG}/channels/{cid}", server.token("standard")).json()["id"] == cid
    grid = server.get(f"{EPG}/grid", basic, params={"limit": 200}).json()
    assert cid not in {row["channel"]["id"] for row in grid["items"]} and grid["total"] == 15
    now = server.get(f"{EPG}/now", basic, params={"limit": 200}).json()
    assert cid not in {row["channel"]["id"] for row in now["items"]} and now["total"] == 15
    groups = server.get(f"{EPG}/groups", basic).json()["items"]
    assert cid not in {i for g in groups for i in g["channel_ids"]}
    # Unknown ids look the same.
    for path in [f"{EPG}/channels/999999", f"{EPG}/schedule/999999", f"{EPG}/channels/999999/logo.svg"]:
        assert problem_of(server.get(path, basic), 404)["type"] == "urn:kinora:problem:not-found"


def test_kids_profile_sees_only_channels_within_its_ceiling(server):
    token = kids_token(server)
    listed = channels(server, token)
    assert listed["total"] == 6
    assert {c["maturity_rating"] for c in listed["items"]} <= {"all", "7+"}
    adult = next(c for c in channels(server, server.token("premium"))["items"] if c["maturity_rating"] == "16+")
    problem_of(server.get(f"{EPG}/schedule/{adult['id']}", token), 404)
    problem_of(server.put(f"{EPG}/favorites/{adult['id']}", token), 404)
    grid = server.get(f"{EPG}/grid", token).json()
    assert grid["total"] == 6 and {row["channel"]["maturity_rating"] for row in grid["items"]} <= {"all", "7+"}
    groups = server.get(f"{EPG}/groups", token).json()["items"]
    assert sum(g["count"] for g in groups) == 6


# -- groups and favorites ----------------------------------------------------------------------
def test_groups_per_category_in_channel_order(server):
    token = server.register(tier="standard")["access_token"]
    groups = server.get(f"{EPG}/groups", token).json()["items"]
    assert [g["kind"] for g in groups] == ["category"] * len(groups)
    assert groups[0]["id"] == "news" and groups[0]["name"] == "News"
    listed = channels(server, token)["items"]
    by_id = {c["id"]: c for c in listed}
    assert sorted(i for g in groups for i in g["channel_ids"]) == sorted(by_id)
    lowest = []
    for g in groups:
        assert g["count"] == len(g["channel_ids"]) >= 1
        assert {by_id[i]["category"] for i in g["channel_ids"]} == {g["id"]}
        numbers = [by_id[i]["number"] for i in g["channel_ids"]]
        assert numbers == sorted(numbers)
        lowest.append(numbers[0])
    assert lowest == sorted(lowest)

    # Favorites come first, in the profile's order.
    a, b = listed[10]["id"], listed[2]["id"]
    server.put(f"{EPG}/favorites/{a}", token)
    server.put(f"{EPG}/favorites/{b}", token)
    groups = server.get(f"{EPG}/groups", token).json()["items"]
    assert groups[0] == {"id": "favorites", "name": "Favorites", "kind": "favorites", "count": 2, "channel_ids": [a, b]}
    assert groups[1]["id"] == "news"


def test_favorites_order_first_and_only(server):
    g = server.register(tier="standard")
    token = g["access_token"]
    listed = channels(server, token)["items"]
    a, b, c = listed[5]["id"], listed[0]["id"], listed[20]["id"]
    assert favorite_ids(server, token) == []
    for cid in (a, b, c):
        r = server.put(f"{EPG}/favorites/{cid}", token)
        assert r.status_code == 200, r.text
    assert [i["channel"]["id"] for i in r.json()["items"]] == [a, b, c]
    # Idempotent: again, without a body, keeps the place.
    server.put(f"{EPG}/favorites/{a}", token)
    assert favorite_ids(server, token) == [a, b, c]
    # Reorder with a position (0-based; past the end means last).
    r = server.put(f"{EPG}/favorites/{c}", token, json={"position": 0})
    assert [i["channel"]["id"] for i in r.json()["items"]] == [c, a, b]
    server.put(f"{EPG}/favorites/{a}", token, json={"position": 500})
    assert favorite_ids(server, token) == [c, b, a]
    server.put(f"{EPG}/favorites/{b}", token, json={})
    assert favorite_ids(server, token) == [c, b, a]

    first = channels(server, token, favorites="first")
    assert first["total"] == 25
    assert [x["id"] for x in first["items"][:3]] == [c, b, a]
    assert all(x["favorite"] for x in first["items"][:3]) and not any(x["favorite"] for x in first["items"][3:])
    rest = [x["number"] for x in first["items"][3:]]
    assert rest == sorted(rest)
    only = channels(server, token, favorites="only")
    assert only["total"] == 3 and [x["id"] for x in only["items"]] == [c, b, a]
    grid = server.get(f"{EPG}/grid", token, params={"favorites": "only", "limit": 2}).json()
    assert grid["total"] == 3 and [row["channel"]["id"] for row in grid["items"]] == [c, b]
    now = server.get(f"{EPG}/now", token, params={"favorites": "first", "limit": 4}).json()
    assert [row["channel"]["id"] for row in now["items"][:3]] == [c, b, a]
    plain = channels(server, token)["items"]
    assert {x["id"] for x in plain if x["favorite"]} == {a, b, c}

    # DELETE is idempotent for a visible channel.
    r = server.delete(f"{EPG}/favorites/{b}", token)
    assert r.status_code == 204 and r.content == b""
    assert server.delete(f"{EPG}/favorites/{b}", token).status_code == 204
    assert favorite_ids(server, token) == [c, a]
    server.put(f"{EPG}/favorites/{b}", token)
    assert favorite_ids(server, token) == [c, a, b]


def test_favorites_belong_to_one_profile(server):
    g = server.register(tier="standard")
    token = g["access_token"]
    other = server.register(tier="standard")["access_token"]
    cid = channels(server, token)["items"][3]["id"]
    server.put(f"{EPG}/favorites/{cid}", token)
    assert favorite_ids(server, token) == [cid]
    # Another account: none of them, no favorites group, no flags.
    assert favorite_ids(server, other) == []
    assert server.get(f"{EPG}/groups", other).json()["items"][0]["kind"] == "category"
    assert not any(c["favorite"] for c in channels(server, other)["items"])
    assert channels(server, other, favorites="only")["total"] == 0
    server.delete(f"{EPG}/favorites/{cid}", other)  # its own (absent) favorite: nothing happens here
    assert favorite_ids(server, token) == [cid]
    # Another profile of the same account has its own too.
    second = server.post("/api/v1/auth/profiles", token, json={"name": "Second"}).json()
    second_token = server.post(f"/api/v1/auth/profiles/{second['id']}/select", token).json()["access_token"]
    assert favorite_ids(server, second_token) == []
    # A kids profile of the same account does not see a favorite above its ceiling.
    kid_token = server.kids_token(token)
    kid_channel = channels(server, kid_token)["items"][0]["id"]
    server.put(f"{EPG}/favorites/{kid_channel}", kid_token)
    assert favorite_ids(server, kid_token) == [kid_channel]
    assert favorite_ids(server, token) == [cid]


# -- schedule, grid, now ------------------------------------------------------------------------
def test_schedule_covers_the_window(server):
    token = server.token("basic")
    cid = channels(server, token)["items"][0]["id"]
    start = this_hour()
    r = server.get(f"{EPG}/schedule/{cid}", token)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["channel"]["id"] == cid
    assert parse(body["from"]) == start and parse(body["to"]) == start + timedelta(hours=6)
    items = body["items"]
    assert items, "the demo guide covers the next six hours"
    assert parse(items[0]["start"]) <= start < parse(items[0]["stop"])
    assert parse(items[-1]["start"]) < start + timedelta(hours=6) <= parse(items[-1]["stop"])
    for prev, cur in zip(items, items[1:]):
        assert prev["stop"] == cur["start"]
    for p in items:
        assert p["channel_id"] == cid and "clipped_start" not in p
        assert set(p) == {"id", "channel_id", "title", "subtitle", "description", "category", "season",
                          "episode", "start", "stop", "rating", "title_id"}

    # The same window as unix seconds, or with a numeric offset (encoded or not).
    frm = int(start.timestamp()) + 3600
    by_unix = server.get(f"{EPG}/schedule/{cid}", token, params={"from": frm, "to": frm + 7200}).json()
    local = (start + timedelta(hours=1)).astimezone(timezone(timedelta(hours=2)))
    by_offset = server.get(f"{EPG}/schedule/{cid}", token,
                           params={"from": local.isoformat(), "to": frm + 7200}).json()
    raw = server.get(f"{EPG}/schedule/{cid}?from={local.isoformat()}&to={frm + 7200}", token).json()
    assert by_unix["from"] == by_offset["from"] == raw["from"] == iso(start + timedelta(hours=1))
    assert [p["id"] for p in by_unix["items"]] == [p["id"] for p in by_offset["items"]] == [p["id"] for p in raw["items"]]

    # Only `from`: six hours. A week is the most; a window with nothing scheduled is empty.
    one = server.get(f"{EPG}/schedule/{cid}", token, params={"from": frm}).json()
    assert parse(one["to"]) - parse(one["from"]) == timedelta(hours=6)
    week = server.get(f"{EPG}/schedule/{cid}", token, params={"from": iso(start), "to": iso(start + timedelta(days=7))})
    assert week.status_code == 200 and len(week.json()["items"]) > len(items)
    far = server.get(f"{EPG}/schedule/{cid}", token, params={"from": "2030-01-01T00:00:00Z"}).json()
    assert far["items"] == []


def test_grid_pages_channels_and_clips_programmes(server):
    token = server.token("standard")
    start = this_hour() + timedelta(minutes=10)
    end = start + timedelta(hours=3)
    params = {"from": iso(start), "to": iso(end), "limit": 10}
    t0 = time.perf_counter()
    r = server.get(f"{EPG}/grid", token, params=params)
    elapsed = time.perf_counter() - t0
    assert r.status_code == 200, r.text
    grid = r.json()
    print(f"grid of 10 channels x 3 h: {elapsed * 1000:.1f} ms on {server.backend}")
    assert grid["total"] == 25 and grid["limit"] == 10 and grid["offset"] == 0 and len(grid["items"]) == 10
    assert grid["from"] == iso(start) and grid["to"] == iso(end)
    clipped_any = False
    for row in grid["items"]:
        ps = row["programmes"]
        assert ps, row["channel"]["slug"]
        for prev, cur in zip(ps, ps[1:]):
            assert prev["stop"] == cur["start"]
        for p in ps:
            assert p["channel_id"] == row["channel"]["id"]
            s, e = parse(p["start"]), parse(p["stop"])
            cs, ce = parse(p["clipped_start"]), parse(p["clipped_stop"])
            assert e > start and s < end
            assert cs == max(s, start) and ce == min(e, end)
            clipped_any |= cs != s or ce != e
        assert parse(ps[0]["clipped_start"]) == start and parse(ps[-1]["clipped_stop"]) == end
    assert clipped_any

    # The same channels and programmes as their own schedules.
    row = grid["items"][3]
    own = server.get(f"{EPG}/schedule/{row['channel']['id']}", token, params={"from": iso(start), "to": iso(end)}).json()
    assert [p["id"] for p in own["items"]] == [p["id"] for p in row["programmes"]]

    later = server.get(f"{EPG}/grid", token, params={**params, "offset": 20}).json()
    assert len(later["items"]) == 5 and later["items"][0]["channel"]["number"] > grid["items"][-1]["channel"]["number"]
    everything = server.get(f"{EPG}/grid", token, params={"from": iso(start), "to": iso(end), "limit": 200}).json()
    assert len(everything["items"]) == 25
    assert [r["channel"]["id"] for r in everything["items"][:10]] == [r["channel"]["id"] for r in grid["items"]]
    sports = server.get(f"{EPG}/grid", token, params={**params, "category": "sports"}).json()
    assert sports["total"] == 4 and {r["channel"]["category"] for r in sports["items"]} == {"sports"}
    # Defaults: now floored to the hour, six hours.
    default = server.get(f"{EPG}/grid", token).json()
    assert parse(default["from"]) == this_hour() and parse(default["to"]) - parse(default["from"]) == timedelta(hours=6)
    assert default["limit"] == 50 and len(default["items"]) == 25


def test_now_and_next(server):
    token = server.token("basic")
    r = server.get(f"{EPG}/now", token)
    assert r.status_code == 200, r.text
    body = r.json()
    at = parse(body["at"])
    assert abs((datetime.now(timezone.utc) - at).total_seconds()) < 120
    assert body["total"] == 15 and len(body["items"]) == 15 and body["limit"] == 50
    for row in body["items"]:
        now, nxt = row["now"], row["next"]
        assert now and nxt, row["channel"]["slug"]
        assert now["channel_id"] == nxt["channel_id"] == row["channel"]["id"]
        assert parse(now["start"]) <= at < parse(now["stop"])
        assert nxt["start"] == now["stop"]
    page = server.get(f"{EPG}/now", token, params={"limit": 4, "offset": 12}).json()
    assert len(page["items"]) == 3 and page["total"] == 15


def test_programmes_link_catalog_titles(server):
    token = server.token("premium")
    movies = channels(server, token, category="movies")["items"]
    start = this_hour()
    grid = server.get(f"{EPG}/grid", token, params={
        "category": "movies", "from": iso(start), "to": iso(start + timedelta(days=2))}).json()
    linked = [p for row in grid["items"] for p in row["programmes"] if p["title_id"] is not None]
    assert linked and len(grid["items"]) == len(movies)
    title = server.get(f"/api/v1/catalog/titles/{linked[0]['title_id']}", token)
    assert title.status_code == 200 and title.json()["title"] == linked[0]["title"]


def test_logo_is_public_svg(server):
    cid = channels(server, server.token("standard"))["items"][0]["id"]
    r = server.get(f"{EPG}/channels/{cid}/logo.svg")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/svg+xml"
    assert r.headers["Cache-Control"] == "public, max-age=86400"
    assert r.text.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\"") and "MN24" in r.text
    head = server.request("HEAD", f"{EPG}/channels/{cid}/logo.svg")
    assert head.status_code == 200 and head.content == b""
    other = server.get(f"{EPG}/channels/{cid + 1}/logo.svg")
    assert other.status_code == 200 and other.text != r.text
    problem_of(server.get(f"{EPG}/channels/abc/logo.svg"), 400)
    problem_of(server.get(f"{EPG}/channels/999999/logo.svg"), 404)


# -- bad input --------------------------------------------------------------------------------------
WINDOW_ROUTES = ["/grid", "/schedule/{cid}"]


@pytest.mark.parametrize("route", WINDOW_ROUTES)
@pytest.mark.parametrize("params,status,field", [
    ({"from": "2026-01-31T18:00:00Z", "to": "2026-01-31T18:00:00Z"}, 422, "to"),
    ({"from": "2026-01-31T18:00:00Z", "to": "2026-01-31T17:00:00Z"}, 422, "to"),
    ({"from": "2026-01-31T18:00:00Z", "to": "2026-02-07T18:00:01Z"}, 422, "to"),
    ({"from": 1000, "to": 1000 + 7 * 86400 + 1}, 422, "to"),
    ({"to": "2000-01-01T00:00:00Z"}, 422, "to"),
    ({"from": "yesterday"}, 400, "from"),
    ({"from": "2026-01-31"}, 400, "from"),
    ({"from": "2026-01-31T18:00:00"}, 400, "from"),
    ({"from": "2026-02-30T18:00:00Z"}, 400, "from"),
    ({"to": "2026-01-31T25:00:00Z"}, 400, "to"),
    ({"from": "-5"}, 400, "from"),
    ({"from": "1e9"}, 400, "from"),
    ({"from": "99999999999999"}, 400, "from"),
    ({"from": ""}, 400, "from"),
    ({"to": "' OR 1=1 --"}, 400, "to"),
])
def test_bad_windows(server, route, params, status, field):
    token = server.token("basic")
    cid = channels(server, token)["items"][0]["id"]
    r = server.get(EPG + route.format(cid=cid), token, params=params)
    p = problem_of(r, status)
    assert p["type"] == ("urn:kinora:problem:validation" if status == 422 else "urn:kinora:problem:invalid-parameter")
    assert [e["field"] for e in p["errors"]] == [field]


@pytest.mark.parametrize("route", ["/channels", "/grid", "/now"])
@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 201}, {"limit": -1}, {"limit": "ten"}, {"limit": "1e3"},
    {"offset": -1}, {"offset": 10**12}, {"offset": "x"},
    {"favorites": "maybe"}, {"favorites": ""}, {"category": "x" * 65},
])
def test_bad_list_parameters(server, route, params):
    r = server.get(EPG + route, server.token("basic"), params=params)
    assert problem_of(r, 400)["type"] == "urn:kinora:problem:invalid-parameter"


@pytest.mark.parametrize("method,path", [
    ("GET", "/channels/{id}"), ("GET", "/schedule/{id}"), ("PUT", "/favorites/{id}"),
    ("DELETE", "/favorites/{id}"), ("GET", "/channels/{id}/logo.svg"),
])
def test_bad_channel_ids(server, method, path):
    for bad in ["abc", "0", "-1", "1.5", "99999999999999999999999", "1%20OR%201=1"]:
        r = server.request(method, EPG + path.format(id=bad), server.token("basic"))
        assert problem_of(r, 400)["type"] == "urn:kinora:problem:invalid-id", bad
    r = server.request(method, EPG + path.format(id=999999), server.token("basic"))
    problem_of(r, 404)


def test_bad_favorite_bodies(server):
    token = server.register(tier="basic")["access_token"]
    cid = channels(server, token)["items"][0]["id"]
    url = f"{EPG}/favorites/{cid}"
    json_header = {"Content-Type": "application/json"}
    for body, status, kind in [
        (b"{not json", 400, "malformed-json"), (b"[1]", 400, "malformed-json"),
        (b'{"position": -1}', 422, "validation"), (b'{"position": 100001}', 422, "validation"),
        (b'{"position": "first"}', 422, "validation"), (b'{"position": 1.5}', 422, "validation"),
        (b'{"surprise": 1}', 422, "validation"),
    ]:
        r = server.put(url, token, data=body, headers=dict(json_header))
        assert problem_of(r, status)["type"] == f"urn:kinora:problem:{kind}", body
    problem_of(server.put(url, token, data=b"position=1", headers={"Content-Type": "text/plain"}), 415)
    # Nothing was added by the failures.
    assert favorite_ids(server, token) == []


def test_guide_needs_a_token(server):
    for method, path in [("GET", "/channels"), ("GET", "/channels/1"), ("GET", "/groups"), ("GET", "/favorites"),
                         ("PUT", "/favorites/1"), ("DELETE", "/favorites/1"), ("GET", "/schedule/1"),
                         ("GET", "/grid"), ("GET", "/now")]:
        problem_of(server.request(method, EPG + path), 401)
