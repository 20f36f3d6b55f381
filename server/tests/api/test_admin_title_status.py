"""The admin titles table's media and embedding status (and their filters), the admin's
similar-titles preview, and admin preview playback (no plan, no stream count, no history)."""
import secrets
import time

import pytest

from conftest import Server, backends, problem_of, start
from test_admin_catalog import NEW_TITLE
from test_media_jobs import make_video, wait_for_job

TITLES = "/api/v1/admin/titles"
PREVIEW = "/api/v1/admin/playback/preview"


_created = []


def create(server, token, **fields):
    body = {**NEW_TITLE, "type": "movie", "slug": "status-" + secrets.token_hex(4), **fields}
    r = server.post(TITLES, token, json=body)
    assert r.status_code == 201, r.text
    _created.append((server, r.json()["id"]))
    return r.json()


@pytest.fixture(autouse=True)
def delete_created_titles():
    """The shared server's catalog stays the demo's 70 titles for the other test files."""
    yield
    while _created:
        server, title_id = _created.pop()
        if server.proc.poll() is None:
            server.delete(f"{TITLES}/{title_id}", server.token("admin"))


def listed(server, token, title_id, **params):
    """The title's row in the admin listing (newest first), or None when filtered out."""
    r = server.get(TITLES, token, params={"sort": "added", "order": "desc", "limit": 100, **params})
    assert r.status_code == 200, r.text
    return next((t for t in r.json()["items"] if t["id"] == title_id), None)


def upload(server, token, path, title_id, episode_id=None):
    query = f"title_id={title_id}" + (f"&episode_id={episode_id}" if episode_id else "")
    r = server.post(f"/api/v1/admin/media/uploads?{query}", token, data=path.read_bytes(),
                    headers={"Content-Type": "video/mp4"})
    assert r.status_code == 202, r.text
    return wait_for_job(server, token, r.json()["id"])


def test_media_status_follows_uploads_and_jobs(server, tmp_path):
    admin = server.token("admin")
    movie = create(server, admin)
    row = listed(server, admin, movie["id"])
    assert row["media"] == {"status": "none"}
    # The loaded model embeds a new title as it is created.
    assert row["embedding"] == "current"
    assert listed(server, admin, movie["id"], media="none")["id"] == movie["id"]
    assert listed(server, admin, movie["id"], media="ready") is None

    broken = server.post(f"/api/v1/admin/media/uploads?title_id={movie['id']}", admin,
                         data=b"\x00not a video" * 1000, headers={"Content-Type": "application/octet-stream"})
    assert wait_for_job(server, admin, broken.json()["id"])["status"] == "failed"
    assert listed(server, admin, movie["id"], media="failed")["media"] == {"status": "failed"}

    clip = make_video(tmp_path / "clip.mp4", seconds=4)
    assert upload(server, admin, clip, movie["id"])["status"] == "succeeded"
    assert listed(server, admin, movie["id"], media="ready")["media"] == {"status": "ready"}
    assert listed(server, admin, movie["id"], media="none") is None
    assert listed(server, admin, movie["id"], media="failed") is None

    # A series counts its episodes; one of two with media is partial.
    series = create(server, admin, type="series")
    season = server.post(f"{TITLES}/{series['id']}/seasons", admin, json={"number": 1}).json()
    episodes = [server.post(f"/api/v1/admin/seasons/{season['id']}/episodes", admin,
                            json={"number": n, "title": f"Part {n}", "runtime_minutes": 20}).json()
                for n in (1, 2)]
    assert listed(server, admin, series["id"])["media"] == {"status": "none", "episodes": 2,
                                                           "episodes_with_media": 0}
    assert upload(server, admin, clip, series["id"], episodes[0]["id"])["status"] == "succeeded"
    assert listed(server, admin, series["id"], media="partial")["media"] == {
        "status": "partial", "episodes": 2, "episodes_with_media": 1}
    assert upload(server, admin, clip, series["id"], episodes[1]["id"])["status"] == "succeeded"
    assert listed(server, admin, series["id"], media="ready")["media"]["episodes_with_media"] == 2

    # Seeded demo titles all play the demo clips and are embedded at start-up.
    demo = server.get(TITLES, admin, params={"sort": "added", "order": "asc", "limit": 5}).json()["items"]
    assert all(t["media"]["status"] == "ready" and t["embedding"] == "current" for t in demo)

    for bad in ({"media": "maybe"}, {"embedding": "old"}, {"media": ""}):
        body = problem_of(server.get(TITLES, admin, params=bad), 400)
        assert list(bad)[0] in body["detail"]
    problem_of(server.get(TITLES, server.token("premium"), params={"media": "none"}), 403)


def test_a_filtered_page_counts_and_pages_within_the_filter(server):
    admin = server.token("admin")
    ids = {create(server, admin)["id"] for _ in range(3)}
    first = server.get(TITLES, admin, params={"media": "none", "sort": "added", "order": "desc",
                                             "limit": 2}).json()
    assert first["total"] >= 3 and len(first["items"]) == 2
    assert all(t["media"]["status"] == "none" for t in first["items"])
    rest = server.get(TITLES, admin, params={"media": "none", "sort": "added", "order": "desc",
                                            "limit": 2, "offset": 2}).json()
    assert rest["total"] == first["total"]
    assert ids <= {t["id"] for t in first["items"] + rest["items"]} | ids
    both = server.get(TITLES, admin, params={"media": "none", "embedding": "missing"}).json()
    assert all(t["embedding"] == "missing" for t in both["items"])


@pytest.mark.parametrize("backend", backends())
def test_embedding_status_missing_then_current_then_stale(backend, tmp_path):
    no_model = ["--model-dir", str(tmp_path / "no-model")]
    first = start(backend, no_model)
    servers = [first]
    try:
        admin = first.token("admin")
        title = create(first, admin)
        assert listed(first, admin, title["id"])["embedding"] == "missing"
        assert listed(first, admin, title["id"], embedding="missing") is not None
        assert listed(first, admin, title["id"], embedding="current") is None
        # Without a model the similar preview is the lexical fallback, still over everything.
        sim = first.get(f"{TITLES}/{title['id']}/similar", admin, params={"limit": 4}).json()
        assert sim["source"] == "genres" and len(sim["items"]) == 4
        assert all(i["score"] is None for i in sim["items"])
        assert first.stop() == 0

        # With the model, start-up embeds what is missing; a generate job leaves it current.
        second = Server(backend, first.database_url, (), first.workdir)
        servers.append(second)
        admin = second.token("admin")
        assert listed(second, admin, title["id"])["embedding"] == "current"
        assert second.get(TITLES, admin, params={"embedding": "missing"}).json()["total"] == 0
        job = second.post("/api/v1/admin/embeddings/generate", admin).json()
        deadline = time.time() + 120
        while job["status"] == "running" and time.time() < deadline:
            time.sleep(0.2)
            job = second.get(f"/api/v1/admin/embeddings/jobs/{job['id']}", admin).json()
        assert job["status"] == "succeeded"
        assert listed(second, admin, title["id"], embedding="current") is not None
        assert second.stop() == 0

        # Edited while no model can re-embed it: stale until the next embedding.
        third = Server(backend, first.database_url, no_model, first.workdir)
        servers.append(third)
        admin = third.token("admin")
        time.sleep(1.1)  # timestamps are whole seconds
        r = third.patch(f"{TITLES}/{title['id']}", admin, json={"synopsis": "A different story now."})
        assert r.status_code == 200, r.text
        assert listed(third, admin, title["id"], embedding="stale")["embedding"] == "stale"
        stale = third.get(TITLES, admin, params={"embedding": "stale"}).json()
        assert [t["id"] for t in stale["items"]] == [title["id"]] and stale["total"] == 1
    finally:
        for s in servers:
            s.stop()


def test_admin_similar_titles_see_the_whole_catalog(server):
    admin = server.token("admin")
    items = server.get(TITLES, admin, params={"limit": 100}).json()["items"]
    anchor = next(t for t in items if t["maturity_rating"] == "18+" or t["tier"] == "premium")
    r = server.get(f"{TITLES}/{anchor['id']}/similar", admin, params={"limit": 50})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["source"] == "embeddings" and len(body["items"]) == 50
    scores = [i["score"] for i in body["items"]]
    assert all(isinstance(s, float) for s in scores) and scores == sorted(scores, reverse=True)
    assert anchor["id"] not in [i["id"] for i in body["items"]]
    # Admins see every plan and rating; a Basic viewer's More Like This would not.
    assert any(i["tier"] == "premium" or i["maturity_rating"] == "18+" for i in body["items"])
    # The same ranking as More Like This: a viewer who may see the neighbours sees them in this order.
    viewer = server.get(f"/api/v1/recommendations/similar/{anchor['id']}", server.token("admin"),
                        params={"limit": 50}).json()
    seen = {i["id"] for i in viewer["items"]}
    assert [i["id"] for i in viewer["items"]] == [i["id"] for i in body["items"] if i["id"] in seen]

    problem_of(server.get(f"{TITLES}/999999999/similar", admin), 404)
    problem_of(server.get(f"{TITLES}/{anchor['id']}/similar", admin, params={"limit": 0}), 400)
    problem_of(server.get(f"{TITLES}/{anchor['id']}/similar", server.token("basic")), 403)


def premium_movie(server, token):
    items = server.get(TITLES, token, params={"type": "movie", "limit": 100, "media": "ready"}).json()["items"]
    return next(t for t in items if t["tier"] == "premium")


def test_preview_is_not_counted_against_the_admins_streams(server):
    admin = server.token("admin")
    movie = premium_movie(server, admin)
    limit = server.get("/api/v1/playback/sessions", admin).json()["limit"]
    mine = []
    try:
        for _ in range(limit):
            r = server.post("/api/v1/playback/sessions", admin, json={"title_id": movie["id"]})
            assert r.status_code == 201, r.text
            mine.append(r.json()["id"])
        problem_of(server.post("/api/v1/playback/sessions", admin, json={"title_id": movie["id"]}), 429)

        r = server.post(PREVIEW, admin, json={"title_id": movie["id"]})
        assert r.status_code == 201, r.text
        preview = r.json()
        assert preview["title_id"] == movie["id"] and preview["episode_id"] is None
        assert preview["resume_position_seconds"] == 0 and preview["position_seconds"] == 0
        assert server.http.get(server.base + preview["manifest_url"]).status_code == 200
        key = server.http.get(server.base + preview["key_url"])
        assert key.status_code == 200 and len(key.content) == 16
        # Short-lived, and no heartbeat (so no bookmark) reaches it.
        assert preview["expires_at"] <= preview["urls_expire_at"]
        problem_of(server.put(f"/api/v1/playback/sessions/{preview['id']}", admin,
                              json={"position_seconds": 3}), 404)
        live = server.get("/api/v1/playback/sessions", admin).json()["items"]
        assert sorted(s["id"] for s in live) == sorted(mine)
    finally:
        for sid in mine:
            server.delete(f"/api/v1/playback/sessions/{sid}", admin)


def test_preview_refusals(server):
    admin = server.token("admin")
    problem_of(server.post(PREVIEW, server.token("premium"), json={"title_id": 1}), 403)
    problem_of(server.post(PREVIEW, admin, json={"title_id": 999999999}), 404)
    problem_of(server.post(PREVIEW, admin, json={"title_id": 1, "extra": True}), 422)
    problem_of(server.post(PREVIEW, admin, json={}), 422)
    movie = premium_movie(server, admin)
    problem_of(server.post(PREVIEW, admin, json={"title_id": movie["id"], "episode_id": 5}), 422)

    # No media: the same refusal as the viewer route.
    bare = create(server, admin)
    refused = problem_of(server.post(PREVIEW, admin, json={"title_id": bare["id"]}), 409)
    viewer = problem_of(server.post("/api/v1/playback/sessions", admin, json={"title_id": bare["id"]}), 409)
    assert refused["type"] == viewer["type"] == "urn:kinora:problem:no-media"
    assert refused["detail"] == viewer["detail"]

    # A series previews its first episode.
    series = next(t for t in server.get(TITLES, admin, params={"type": "series", "media": "ready"}).json()["items"])
    s = server.post(PREVIEW, admin, json={"title_id": series["id"]}).json()
    detail = server.get(f"{TITLES}/{series['id']}", admin).json()
    assert s["episode_id"] == detail["seasons"][0]["episodes"][0]["id"]

    audit = server.get("/api/v1/admin/audit", admin, params={"area": "playback", "limit": 5}).json()
    assert any(e["route"] == PREVIEW and e["status"] == 201 for e in audit["items"])


@pytest.mark.parametrize("backend", backends())
def test_a_basic_tier_admin_previews_a_premium_title(fresh_server, backend):
    server = fresh_server(backend=backend)
    admin = server.token("admin")
    me = server.get("/api/v1/auth/me", admin).json()["account"]
    assert server.patch(f"/api/v1/admin/accounts/{me['id']}", admin, json={"tier": "basic"}).status_code == 200
    admin = server.login("admin@ott.test", "admin123")["access_token"]
    movie = premium_movie(server, admin)
    body = problem_of(server.post("/api/v1/playback/sessions", admin, json={"title_id": movie["id"]}), 403)
    assert body["type"].endswith(":tier-required")
    r = server.post(PREVIEW, admin, json={"title_id": movie["id"]})
    assert r.status_code == 201, r.text
    assert server.get("/api/v1/playback/sessions", admin).json()["items"] == []
    problem_of(server.get(f"/api/v1/viewing/bookmarks/{movie['id']}", admin), 404)
