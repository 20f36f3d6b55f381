"""The viewer's title detail says whether a title (and each episode) plays now: ready,
preparing (a packaging job or the first run's demo packaging is under way) or none. The
detail is cached, so every change of a job must reach the next request."""
import time

import pytest
import requests

from conftest import backends, start
from test_admin_title_status import create, delete_created_titles, upload  # noqa: F401
from test_media_jobs import make_video, wait_for_job

DETAIL = "/api/v1/catalog/titles/{}"
UPLOADS = "/api/v1/admin/media/uploads"


def media_of(server, token, title_id):
    r = server.get(DETAIL.format(title_id), token)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_movie_reads_none_then_preparing_then_ready(server, tmp_path):
    admin, viewer = server.token("admin"), server.token("premium")
    movie = create(server, admin)
    # Read twice so the second answer comes from the response cache.
    assert media_of(server, viewer, movie["id"])["media"] == "none"
    assert media_of(server, viewer, movie["id"])["media"] == "none"

    clip = make_video(tmp_path / "clip.mp4", seconds=4)
    r = server.post(f"{UPLOADS}?title_id={movie['id']}", admin, data=clip.read_bytes(),
                    headers={"Content-Type": "video/mp4"})
    assert r.status_code == 202, r.text
    # Queuing the job cleared the cached "none"; the job may already have finished.
    assert media_of(server, viewer, movie["id"])["media"] in ("preparing", "ready")
    assert wait_for_job(server, admin, r.json()["id"])["status"] == "succeeded"
    assert media_of(server, viewer, movie["id"])["media"] == "ready"

    # A failed replacement leaves the title playing what it had.
    broken = server.post(f"{UPLOADS}?title_id={movie['id']}", admin, data=b"\x00no video" * 500,
                         headers={"Content-Type": "application/octet-stream"})
    assert media_of(server, viewer, movie["id"])["media"] == "ready"
    assert wait_for_job(server, admin, broken.json()["id"])["status"] == "failed"
    assert media_of(server, viewer, movie["id"])["media"] == "ready"


def test_a_failed_first_upload_reads_none(server):
    admin, viewer = server.token("admin"), server.token("premium")
    movie = create(server, admin)
    broken = server.post(f"{UPLOADS}?title_id={movie['id']}", admin, data=b"\x00no video" * 500,
                         headers={"Content-Type": "application/octet-stream"})
    assert media_of(server, viewer, movie["id"])["media"] in ("preparing", "none")
    assert wait_for_job(server, admin, broken.json()["id"])["status"] == "failed"
    assert media_of(server, viewer, movie["id"])["media"] == "none"


def test_a_series_reads_per_episode(server, tmp_path):
    admin, viewer = server.token("admin"), server.token("premium")
    series = create(server, admin, type="series")
    season = server.post(f"/api/v1/admin/titles/{series['id']}/seasons", admin, json={"number": 1}).json()
    episodes = [server.post(f"/api/v1/admin/seasons/{season['id']}/episodes", admin,
                            json={"number": n, "title": f"Part {n}", "runtime_minutes": 20}).json()
                for n in (1, 2)]
    detail = media_of(server, viewer, series["id"])
    assert detail["media"] == "none"
    assert [e["media"] for e in detail["seasons"][0]["episodes"]] == ["none", "none"]

    clip = make_video(tmp_path / "clip.mp4", seconds=4)
    assert upload(server, admin, clip, series["id"], episodes[1]["id"])["status"] == "succeeded"
    detail = media_of(server, viewer, series["id"])
    # One playable episode makes the series playable; the other still has nothing.
    assert detail["media"] == "ready"
    assert [e["media"] for e in detail["seasons"][0]["episodes"]] == ["none", "ready"]

    # Media for the whole series plays every episode without its own.
    assert upload(server, admin, clip, series["id"])["status"] == "succeeded"
    detail = media_of(server, viewer, series["id"])
    assert [e["media"] for e in detail["seasons"][0]["episodes"]] == ["ready", "ready"]


def test_demo_titles_are_ready_and_lists_carry_no_media_field(server):
    viewer = server.token("premium")
    listing = server.get("/api/v1/catalog/titles", viewer, params={"limit": 5}).json()["items"]
    assert all("media" not in t for t in listing)
    for t in listing:
        detail = media_of(server, viewer, t["id"])
        assert detail["media"] == "ready"
        for s in detail.get("seasons", []):
            assert all(e["media"] == "ready" for e in s["episodes"])
    # The admin's own detail (and so its ETag) does not change with media jobs.
    admin_detail = server.get(f"/api/v1/admin/titles/{listing[0]['id']}", server.token("admin")).json()
    assert "media" not in admin_detail


@pytest.mark.parametrize("backend", backends())
def test_demo_titles_read_preparing_while_the_first_run_packages(backend, tmp_path):
    # An empty media dir: the server packages one short clip (and the slate) in the background.
    s = start(backend, ["--media-dir", str(tmp_path / "media"), "--demo-clips", "1",
                        "--demo-clip-seconds", "8"])
    try:
        viewer = s.token("premium")
        title = s.get("/api/v1/catalog/titles", viewer, params={"limit": 1}).json()["items"][0]
        demo = requests.get(s.base + "/readyz", timeout=30).json()["demo_media"]
        packaging = demo["status"]
        if packaging == "packaging":
            # The slate and the one clip, counted as they finish.
            assert demo["total"] in (0, 2) and 0 <= demo["packaged"] <= demo["total"]
        first = media_of(s, viewer, title["id"])["media"]
        # Packaging may end between the two requests, never the other way round.
        assert first in ("preparing", "ready")
        if packaging == "ready":
            assert first == "ready"
        deadline = time.time() + 300
        while requests.get(s.base + "/readyz", timeout=30).json()["demo_media"]["status"] == "packaging":
            assert time.time() < deadline, "demo packaging did not finish"
            time.sleep(0.2)
        assert media_of(s, viewer, title["id"])["media"] == "ready"
    finally:
        assert s.stop() == 0
