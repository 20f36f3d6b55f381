"""One table of tiers x maturity ceilings against every route that shows titles or
channels: each profile sees exactly what the rule in auth/entitlement.hpp allows (the
account's tier includes it and its rating is within the profile's ceiling), on listings,
detail, search, featured, genre counts, home rails, More Like This, the guide and
playback."""
import pytest

from conftest import problem_of

TIER = {"basic": 1, "standard": 2, "premium": 3}
RANK = {"all": 0, "7+": 1, "13+": 2, "16+": 3, "18+": 4}
MATRIX = [(tier, ceiling) for tier in TIER for ceiling in ("7+", "13+", "18+")]


def may_see(tier, ceiling, item):
    return TIER[item["tier"]] <= TIER[tier] and RANK[item["maturity_rating"]] <= RANK[ceiling]


def pages(server, token, path, **params):
    items, offset = [], 0
    while True:
        body = server.get(path, token, params={**params, "limit": 50, "offset": offset}).json()
        items += body["items"]
        offset += 50
        if offset >= body["total"]:
            return items


def profile_token(server, tier, ceiling):
    g = server.register(tier=tier)
    body = {"name": f"P{ceiling}", "maturity_ceiling": ceiling}
    if ceiling == "7+":
        body["kids"] = True
    p = server.post("/api/v1/auth/profiles", g["access_token"], json=body)
    assert p.status_code == 201, p.text
    return server.post(f"/api/v1/auth/profiles/{p.json()['id']}/select", g["access_token"]).json()[
        "access_token"]


@pytest.fixture(scope="module")
def everything(server):
    # Premium at 18+ sees the whole catalog and line-up: the ground truth to filter.
    token = profile_token(server, "premium", "18+")
    return {"titles": pages(server, token, "/api/v1/catalog/titles"),
            "channels": pages(server, token, "/api/v1/epg/channels")}


@pytest.mark.parametrize("tier,ceiling", MATRIX)
def test_every_route_follows_the_rule(server, everything, tier, ceiling):
    token = profile_token(server, tier, ceiling)
    titles = everything["titles"]
    allowed = {t["id"] for t in titles if may_see(tier, ceiling, t)}
    hidden = [t for t in titles if t["id"] not in allowed]
    assert allowed and (hidden or (tier, ceiling) == ("premium", "18+"))

    listed = pages(server, token, "/api/v1/catalog/titles")
    assert {t["id"] for t in listed} == allowed
    for t in hidden[:8]:
        problem_of(server.get(f"/api/v1/catalog/titles/{t['id']}", token), 404)
        found = server.get("/api/v1/catalog/search", token, params={"q": t["title"]}).json()
        assert t["id"] not in {f["id"] for f in found["items"]}
        problem_of(server.get(f"/api/v1/recommendations/similar/{t['id']}", token), 404)
        refused = problem_of(server.post("/api/v1/playback/sessions", token, json={"title_id": t["id"]}), 403)
        kind = "tier-required" if TIER[t["tier"]] > TIER[tier] else "maturity-restricted"
        assert refused["type"] == f"urn:kinora:problem:{kind}"
    shown = sorted(allowed)[:3]
    for tid in shown:
        assert server.get(f"/api/v1/catalog/titles/{tid}", token).status_code == 200
        similar = server.get(f"/api/v1/recommendations/similar/{tid}", token).json()["items"]
        assert {s["id"] for s in similar} <= allowed
    assert {t["id"] for t in server.get("/api/v1/catalog/featured", token).json()["items"]} <= allowed
    genres = server.get("/api/v1/catalog/genres", token).json()["items"]
    assert sum(g["title_count"] for g in genres) == sum(len(t["genres"]) for t in listed)
    home = server.get("/api/v1/recommendations/home", token).json()
    for rail in home["rails"]:
        assert {i["id"] for i in rail["items"]} <= allowed, rail.get("id")

    channels = everything["channels"]
    visible_channels = {c["id"] for c in channels if may_see(tier, ceiling, c)}
    assert {c["id"] for c in pages(server, token, "/api/v1/epg/channels")} == visible_channels
    for c in [c for c in channels if c["id"] not in visible_channels][:3]:
        problem_of(server.get(f"/api/v1/epg/channels/{c['id']}", token), 404)
    grid = server.get("/api/v1/epg/grid", token, params={"limit": 200}).json()
    assert {row["channel"]["id"] for row in grid["items"]} == visible_channels
