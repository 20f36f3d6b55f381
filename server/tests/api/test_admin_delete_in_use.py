"""Deleting what viewers are watching: refused with 409 `in-use` naming how many streams,
unless the admin asks to end them first; then the players learn at their next heartbeat."""
import os
import secrets

from conftest import problem_of
from test_admin_catalog import NEW_TITLE
from test_media_jobs import make_video, wait_for_job

ADMIN = "/api/v1/admin"


def start(server, token, **body):
    r = server.post("/api/v1/playback/sessions", token, json=body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def heartbeat(server, token, session_id):
    return server.put(f"/api/v1/playback/sessions/{session_id}", token, json={"position_seconds": 1})


def test_a_title_being_watched_is_deleted_only_when_asked_to_end_its_streams(server, tmp_path):
    admin = server.token("admin")
    movie = {**NEW_TITLE, "type": "movie", "tier": "basic", "maturity_rating": "all",
             "slug": "in-use-" + secrets.token_hex(3)}
    r = server.post(f"{ADMIN}/titles", admin, json=movie)
    assert r.status_code == 201, r.text
    title_id = r.json()["id"]
    clip = make_video(tmp_path / "clip.mp4", seconds=2)
    r = server.post(f"{ADMIN}/media/uploads?title_id={title_id}", admin, data=clip.read_bytes(),
                    headers={"Content-Type": "video/mp4"})
    assert r.status_code == 202, r.text
    assert wait_for_job(server, admin, r.json()["id"])["status"] == "succeeded"

    viewers = [server.register(tier="basic")["access_token"] for _ in range(2)]
    sessions = [start(server, v, title_id=title_id) for v in viewers]
    # An admin preview is not a viewer: it does not count as in use.
    assert server.post(f"{ADMIN}/playback/preview", admin, json={"title_id": title_id}).status_code == 201

    body = problem_of(server.delete(f"{ADMIN}/titles/{title_id}", admin), 409)
    assert body["type"].endswith(":in-use") and body["streams"] == 2
    assert "2 viewers are watching this title" in body["detail"] and "end_streams=true" in body["detail"]
    assert server.get(f"{ADMIN}/titles/{title_id}", admin).status_code == 200

    # One viewer stops: the count follows.
    assert server.delete(f"/api/v1/playback/sessions/{sessions[0]}", viewers[0]).status_code in (200, 204)
    assert problem_of(server.delete(f"{ADMIN}/titles/{title_id}", admin), 409)["streams"] == 1
    problem_of(server.delete(f"{ADMIN}/titles/{title_id}", admin, params={"end_streams": "maybe"}), 400)

    assert server.delete(f"{ADMIN}/titles/{title_id}", admin, params={"end_streams": "true"}).status_code == 204
    assert heartbeat(server, viewers[1], sessions[1]).status_code == 410
    problem_of(server.get(f"{ADMIN}/titles/{title_id}", admin), 404)
    entries = server.get(f"{ADMIN}/audit", admin, params={"limit": 20}).json()["items"]
    assert any(e["target"].endswith(f"/titles/{title_id}") for e in entries), entries[:3]


def test_a_channel_being_watched_is_deleted_only_when_asked_to_end_its_streams(server):
    admin = server.token("admin")
    number = 7000 + int.from_bytes(os.urandom(2), "big") % 900
    r = server.post(f"{ADMIN}/channels", admin, json={"number": number, "name": f"In Use {number}",
                                                      "category": "test", "tier": "basic",
                                                      "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    channel = r.json()
    viewer = server.register(tier="basic")["access_token"]
    session = start(server, viewer, channel_id=channel["id"])

    body = problem_of(server.delete(f"{ADMIN}/channels/{channel['id']}", admin), 409)
    assert body["streams"] == 1 and "1 viewer is watching this channel" in body["detail"]
    r = server.delete(f"{ADMIN}/channels/{channel['id']}", admin, params={"end_streams": "true"})
    assert r.status_code == 204, r.text
    assert heartbeat(server, viewer, session).status_code == 410
    # The stream that was ended no longer holds Basic's one slot.
    movie = server.get("/api/v1/catalog/titles", viewer, params={"type": "movie", "limit": 1}).json()["items"][0]
    start(server, viewer, title_id=movie["id"])
