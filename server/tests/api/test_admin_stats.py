"""The admin dashboard's figures: admin only, internally consistent, and moving with what
happens (a play, a new title, a channel with holes in its schedule)."""
import os
import secrets
from datetime import datetime, timedelta, timezone

from conftest import problem_of
from test_admin_catalog import NEW_TITLE

STATS = "/api/v1/admin/stats"


def stats(server):
    r = server.get(STATS, server.token("admin"))
    assert r.status_code == 200, r.text
    return r.json()


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_only_admins_see_the_figures(server):
    problem_of(server.get(STATS), 401)
    problem_of(server.get(STATS, server.token("premium")), 403)


def test_the_figures_add_up(server):
    s = stats(server)
    titles = s["titles"]
    assert titles["total"] == server.get("/api/v1/admin/titles", server.token("admin"), params={"limit": 1}).json()["total"]
    for breakdown in ("by_type", "by_tier", "by_rating"):
        assert sum(titles[breakdown].values()) == titles["total"], breakdown
    assert list(titles["by_tier"]) == [t for t in ("basic", "standard", "premium") if t in titles["by_tier"]]
    assert sum(s["accounts"]["by_tier"].values()) == s["accounts"]["total"]
    assert [d["date"] for d in s["plays_per_day"]] == sorted(d["date"] for d in s["plays_per_day"])
    assert s["plays_per_day"][-1]["date"] == datetime.now(timezone.utc).strftime("%Y-%m-%d")
    numbers = [c["number"] for c in s["channels"]]
    assert numbers == sorted(numbers) and len(numbers) >= 25
    # The demo schedule covers the week ahead without holes.
    demo = [c for c in s["channels"] if c["number"] < 9000]
    assert all(c["days_ahead"] >= 6.5 and c["gaps"] == 0 for c in demo), demo


def test_a_play_counts_today_and_as_watching_now(server):
    before = stats(server)
    viewer = server.register(tier="premium")["access_token"]
    movie = server.get("/api/v1/catalog/titles", viewer, params={"type": "movie", "limit": 1}).json()["items"][0]
    # A play is a playback session admitted; its heartbeat saves the position (watching now).
    r = server.post("/api/v1/playback/sessions", viewer, json={"title_id": movie["id"]})
    assert r.status_code == 201, r.text
    session = r.json()["id"]
    r = server.put(f"/api/v1/playback/sessions/{session}", viewer, json={"position_seconds": 5})
    assert r.status_code == 200, r.text
    after = stats(server)
    assert after["plays_per_day"][-1]["plays"] == before["plays_per_day"][-1]["plays"] + 1
    assert after["watching_now"] == before["watching_now"] + 1
    assert after["accounts"]["total"] == before["accounts"]["total"] + 1
    assert after["accounts"]["by_tier"]["premium"] == before["accounts"]["by_tier"]["premium"] + 1
    assert movie["id"] in [t["id"] for t in after["most_played"]] or len(after["most_played"]) == 10
    server.delete(f"/api/v1/playback/sessions/{session}", viewer)


def test_dashboard_and_ask_the_data_count_plays_alike(server):
    admin = server.token("admin")
    answer = server.get("/api/v1/admin/insights/answer", admin, params={"q": "plays per day in the last 7 days"}).json()
    assert answer["template"]["id"] == "plays-per-day", answer["template"]
    asked = {row["day"]: row["plays"] for row in answer["rows"]}
    for day in stats(server)["plays_per_day"]:
        assert asked.get(day["date"], 0) == day["plays"], (day, asked)


def test_a_new_title_without_media_is_counted(server):
    admin = server.token("admin")
    before = stats(server)["titles"]
    r = server.post("/api/v1/admin/titles", admin, json={**NEW_TITLE, "slug": "stats-" + secrets.token_hex(3)})
    assert r.status_code == 201, r.text
    try:
        after = stats(server)["titles"]
        assert after["total"] == before["total"] + 1
        assert after["by_type"]["series"] == before["by_type"]["series"] + 1
        assert after["without_media"] == before["without_media"] + 1
    finally:
        server.delete(f"/api/v1/admin/titles/{r.json()['id']}", admin)


def test_a_channel_with_holes_is_flagged(server):
    admin = server.token("admin")
    number = 9000 + int.from_bytes(os.urandom(2), "big") % 900
    r = server.post("/api/v1/admin/channels", admin, json={"number": number, "name": f"Stats {number}",
                                                            "category": "test", "tier": "basic",
                                                            "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    try:
        empty = next(c for c in stats(server)["channels"] if c["id"] == cid)
        assert empty == {"id": cid, "number": number, "name": f"Stats {number}", "scheduled_until": None,
                         "days_ahead": 0, "gaps": 0}
        # Nothing on now, a show in an hour, a hole, another show: two gaps.
        now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
        for start in (now + timedelta(hours=1), now + timedelta(hours=3)):
            r = server.post("/api/v1/admin/schedule", admin, json={
                "channel_id": cid, "start": iso(start), "stop": iso(start + timedelta(hours=1)), "title": "Show"})
            assert r.status_code == 201, r.text
        row = next(c for c in stats(server)["channels"] if c["id"] == cid)
        assert row["gaps"] == 2
        assert row["scheduled_until"] == iso(now + timedelta(hours=4))
        assert 0.1 <= row["days_ahead"] <= 0.2
    finally:
        server.delete(f"/api/v1/admin/channels/{cid}", admin)
