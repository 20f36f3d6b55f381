"""Viewing state per profile: bookmarks, continue watching, history, ratings, watchlist."""
import time

import pytest

from conftest import problem_of


@pytest.fixture
def viewer(server):
    """A fresh premium account, so tests never see each other's state."""
    g = server.register(tier="premium")
    return g["access_token"]


def titles_of(server, token, kind):
    r = server.get("/api/v1/catalog/titles", token, params={"type": kind, "limit": 100, "sort": "title"})
    return r.json()["items"]


def episodes_of(server, token, series_id):
    detail = server.get(f"/api/v1/catalog/titles/{series_id}", token).json()
    return [e for s in detail["seasons"] for e in s["episodes"]]


def put_position(server, token, title_id, position, episode_id=None):
    body = {"position_seconds": position}
    if episode_id is not None:
        body["episode_id"] = episode_id
    return server.request("PUT", f"/api/v1/viewing/bookmarks/{title_id}", token, json=body)


def continue_ids(server, token):
    return [i["title"]["id"] for i in server.get("/api/v1/viewing/continue-watching", token).json()["items"]]


def test_movie_bookmark_progress_and_completion(server, viewer):
    movie = titles_of(server, viewer, "movie")[0]
    duration = movie["runtime_minutes"] * 60
    r = put_position(server, viewer, movie["id"], 600)
    assert r.status_code == 200, r.text
    entry = r.json()
    assert entry["title"]["id"] == movie["id"] and entry["episode"] is None
    assert entry["position_seconds"] == 600 and entry["duration_seconds"] == duration
    assert entry["completed"] is False and abs(entry["progress"] - 600 / duration) < 1e-9
    assert server.get(f"/api/v1/viewing/bookmarks/{movie['id']}", viewer).json()["position_seconds"] == 600
    assert continue_ids(server, viewer) == [movie["id"]]

    # At 95% the movie counts as watched and leaves Continue Watching; history keeps it.
    r = put_position(server, viewer, movie["id"], int(duration * 0.96))
    assert r.json()["completed"] is True
    assert continue_ids(server, viewer) == []
    history = server.get("/api/v1/viewing/history", viewer).json()
    assert history["total"] == 1 and history["items"][0]["completed"] is True
    assert history["items"][0]["watched_seconds"] == int(duration * 0.96)
    # Rewinding keeps the furthest point reached.
    r = put_position(server, viewer, movie["id"], 30)
    assert r.json()["watched_seconds"] == int(duration * 0.96) and r.json()["completed"] is True
    # Starting it again puts it back in Continue Watching.
    assert continue_ids(server, viewer) == [movie["id"]]


def test_series_resume_and_up_next(server, viewer):
    series = titles_of(server, viewer, "series")[0]
    eps = episodes_of(server, viewer, series["id"])
    assert len(eps) >= 2
    problem_of(put_position(server, viewer, series["id"], 10), 422)  # which episode?
    other = titles_of(server, viewer, "series")[1]
    foreign = episodes_of(server, viewer, other["id"])[0]
    assert problem_of(put_position(server, viewer, series["id"], 10, foreign["id"]), 422)["errors"][0]["field"] == "episode_id"

    put_position(server, viewer, series["id"], 100, eps[0]["id"])
    item = server.get("/api/v1/viewing/continue-watching", viewer).json()["items"][0]
    assert item["episode"]["id"] == eps[0]["id"] and item["position_seconds"] == 100 and item["up_next"] is False

    # Finishing an episode offers the next one from its start.
    r = put_position(server, viewer, series["id"], eps[0]["runtime_minutes"] * 60, eps[0]["id"])
    assert r.json()["completed"] is True
    item = server.get("/api/v1/viewing/continue-watching", viewer).json()["items"][0]
    assert item["episode"]["id"] == eps[1]["id"] and item["up_next"] is True and item["position_seconds"] == 0
    resume = server.get(f"/api/v1/viewing/bookmarks/{series['id']}", viewer).json()
    assert resume["episode"]["id"] == eps[0]["id"]

    # After the last episode there is nothing to continue.
    last = eps[-1]
    time.sleep(1.1)
    put_position(server, viewer, series["id"], last["runtime_minutes"] * 60, last["id"])
    assert series["id"] not in continue_ids(server, viewer)


def test_continue_watching_is_most_recent_first_and_dismissable(server, viewer):
    movies = titles_of(server, viewer, "movie")[:3]
    for m in movies:
        put_position(server, viewer, m["id"], 60)
        time.sleep(1.1)
    assert continue_ids(server, viewer) == [m["id"] for m in reversed(movies)]
    assert server.delete(f"/api/v1/viewing/continue-watching/{movies[1]['id']}", viewer).status_code == 204
    assert movies[1]["id"] not in continue_ids(server, viewer)
    assert server.get("/api/v1/viewing/history", viewer).json()["total"] == 3
    # Watching again brings it back, on top.
    put_position(server, viewer, movies[1]["id"], 90)
    assert continue_ids(server, viewer)[0] == movies[1]["id"]
    problem_of(server.delete("/api/v1/viewing/continue-watching/999999", viewer), 404)
    assert server.delete(f"/api/v1/viewing/continue-watching/{movies[0]['id']}", viewer).status_code == 204
    problem_of(server.delete(f"/api/v1/viewing/continue-watching/{movies[0]['id']}", viewer), 404)  # already gone
    assert len(server.get("/api/v1/viewing/continue-watching", viewer, params={"limit": 1}).json()["items"]) == 1


def test_bad_positions_and_bodies(server, viewer):
    movie = titles_of(server, viewer, "movie")[0]
    duration = movie["runtime_minutes"] * 60
    p = problem_of(put_position(server, viewer, movie["id"], duration + 1), 422)
    assert p["errors"][0]["field"] == "position_seconds"
    problem_of(put_position(server, viewer, movie["id"], -5), 422)
    problem_of(put_position(server, viewer, movie["id"], 10, episode_id=1), 422)
    r = server.request("PUT", f"/api/v1/viewing/bookmarks/{movie['id']}", viewer, json={"position_seconds": "10"})
    problem_of(r, 422)
    r = server.request("PUT", f"/api/v1/viewing/bookmarks/{movie['id']}", viewer, json={"position": 10})
    assert {e["field"] for e in problem_of(r, 422)["errors"]} == {"position", "position_seconds"}
    problem_of(put_position(server, viewer, 999999, 10), 404)
    problem_of(server.get(f"/api/v1/viewing/bookmarks/{movie['id']}", viewer), 404)
    assert problem_of(server.get(f"/api/v1/viewing/bookmarks/{movie['id']}", viewer), 404)["type"] == \
        "urn:kinora:problem:no-bookmark"
    problem_of(server.get("/api/v1/viewing/history", viewer, params={"limit": 0}), 400)
    problem_of(server.get("/api/v1/viewing/continue-watching"), 401)


def test_ratings_are_thumbs(server, viewer):
    a, b = titles_of(server, viewer, "movie")[:2]
    for value in ["up", "down", "love"]:
        r = server.request("PUT", f"/api/v1/viewing/ratings/{a['id']}", viewer, json={"rating": value})
        assert r.status_code == 204
    server.request("PUT", f"/api/v1/viewing/ratings/{b['id']}", viewer, json={"rating": "down"})
    ratings = {i["title"]["id"]: i["rating"] for i in server.get("/api/v1/viewing/ratings", viewer).json()["items"]}
    assert ratings == {a["id"]: "love", b["id"]: "down"}
    problem_of(server.request("PUT", f"/api/v1/viewing/ratings/{a['id']}", viewer, json={"rating": 5}), 422)
    problem_of(server.request("PUT", f"/api/v1/viewing/ratings/{a['id']}", viewer, json={"rating": "meh"}), 422)
    assert server.delete(f"/api/v1/viewing/ratings/{a['id']}", viewer).status_code == 204
    problem_of(server.delete(f"/api/v1/viewing/ratings/{a['id']}", viewer), 404)
    problem_of(server.request("PUT", "/api/v1/viewing/ratings/999999", viewer, json={"rating": "up"}), 404)


def test_watchlist(server, viewer):
    a, b = titles_of(server, viewer, "movie")[:2]
    assert server.request("PUT", f"/api/v1/viewing/watchlist/{a['id']}", viewer).status_code == 204
    time.sleep(1.1)
    assert server.request("PUT", f"/api/v1/viewing/watchlist/{b['id']}", viewer).status_code == 204
    assert server.request("PUT", f"/api/v1/viewing/watchlist/{b['id']}", viewer).status_code == 204  # idempotent
    items = server.get("/api/v1/viewing/watchlist", viewer).json()["items"]
    assert [i["title"]["id"] for i in items] == [b["id"], a["id"]]
    assert server.delete(f"/api/v1/viewing/watchlist/{a['id']}", viewer).status_code == 204
    problem_of(server.delete(f"/api/v1/viewing/watchlist/{a['id']}", viewer), 404)
    problem_of(server.request("PUT", "/api/v1/viewing/watchlist/0", viewer), 400)


def test_viewing_applies_the_visibility_policy(server):
    premium = server.token("premium")
    premium_only = [t for t in titles_of(server, premium, "movie") if t["tier"] == "premium"][0]
    basic = server.register(tier="basic")["access_token"]
    problem_of(put_position(server, basic, premium_only["id"], 10), 404)
    problem_of(server.request("PUT", f"/api/v1/viewing/ratings/{premium_only['id']}", basic, json={"rating": "up"}), 404)
    problem_of(server.request("PUT", f"/api/v1/viewing/watchlist/{premium_only['id']}", basic), 404)
    problem_of(server.get(f"/api/v1/viewing/bookmarks/{premium_only['id']}", basic), 404)

    # A kids profile cannot touch an adult title, and never sees one in its lists.
    g = server.register(tier="premium")
    token = g["access_token"]
    kid_token = server.kids_token(token)
    adult = [t for t in titles_of(server, token, "movie") if t["maturity_rating"] in ("16+", "18+")][0]
    problem_of(put_position(server, kid_token, adult["id"], 10), 404)
    problem_of(server.request("PUT", f"/api/v1/viewing/watchlist/{adult['id']}", kid_token), 404)
    kids_movie = titles_of(server, kid_token, "movie")[0]
    assert put_position(server, kid_token, kids_movie["id"], 10).status_code == 200

    # State is per profile: the grown-up profile's lists are its own.
    put_position(server, token, adult["id"], 10)
    assert continue_ids(server, kid_token) == [kids_movie["id"]]
    assert continue_ids(server, token) == [adult["id"]]

    # Lowering a profile's ceiling hides what it watched before, from every list and route.
    grown = g["profile"]["id"]
    server.request("PUT", f"/api/v1/viewing/watchlist/{adult['id']}", token)
    server.request("PUT", f"/api/v1/viewing/ratings/{adult['id']}", token, json={"rating": "up"})
    assert server.patch(f"/api/v1/auth/profiles/{grown}", token, json={"maturity_ceiling": "7+"}).status_code == 200
    lowered = server.post(f"/api/v1/auth/profiles/{grown}/select", token).json()["access_token"]
    assert continue_ids(server, lowered) == []
    history = server.get("/api/v1/viewing/history", lowered).json()
    assert history["total"] == len(history["items"]) == 0
    assert server.get("/api/v1/viewing/watchlist", lowered).json()["items"] == []
    assert server.get("/api/v1/viewing/ratings", lowered).json()["items"] == []
    for path in [f"/api/v1/viewing/watchlist/{adult['id']}", f"/api/v1/viewing/ratings/{adult['id']}",
                 f"/api/v1/viewing/continue-watching/{adult['id']}"]:
        problem_of(server.delete(path, lowered), 404)
