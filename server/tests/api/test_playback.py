"""Playback: sessions (entitlement 403s, stream limits, heartbeats into bookmarks, expiry),
signed media delivery (signatures, expiry, Range, confinement) and key release."""
import re
import subprocess
import sys
import time

import pytest
import requests

from conftest import MEDIA_SECRET, ROOT, problem_of

sys.path.insert(0, str(ROOT / "server" / "tests" / "nginx"))
from media_signing import media_path, sign  # noqa: E402


def titles(server, token, kind=None):
    params = {"limit": 100, "sort": "title"}
    if kind:
        params["type"] = kind
    return server.get("/api/v1/catalog/titles", token, params=params).json()["items"]


def start(server, token, title_id, episode_id=None):
    body = {"title_id": title_id}
    if episode_id is not None:
        body["episode_id"] = episode_id
    return server.post("/api/v1/playback/sessions", token, json=body)


def heartbeat(server, token, session_id, position):
    return server.put(f"/api/v1/playback/sessions/{session_id}", token, json={"position_seconds": position})


def stop(server, token, session_id, **params):
    return server.delete(f"/api/v1/playback/sessions/{session_id}", token, params=params)


def fetch(server, path, **kw):
    return requests.get(server.base + path, timeout=30, **kw)


def decrypt(data, key, sequence):
    """HLS AES-128: CBC, PKCS#7, IV = the media sequence number (openssl does the AES)."""
    out = subprocess.run(["openssl", "enc", "-d", "-aes-128-cbc", "-K", key.hex(), "-iv", f"{sequence:032x}"],
                         input=data, capture_output=True, timeout=30)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def premium(server):
    return server.register(tier="premium")["access_token"]


@pytest.fixture
def movie(server):
    return titles(server, server.token("premium"), "movie")[0]


def test_a_session_plays_encrypted_hls(server, premium, movie):
    r = start(server, premium, movie["id"])
    assert r.status_code == 201, r.text
    s = r.json()
    assert r.headers["Location"] == f"/api/v1/playback/sessions/{s['id']}"
    assert s["title_id"] == movie["id"] and s["episode_id"] is None
    assert s["duration_seconds"] == 16 and s["resume_position_seconds"] == 0
    assert s["manifest_url"].endswith(f"/{s['id']}/{s['asset_id']}/master.m3u8")
    assert s["key_url"] == s["manifest_url"].replace("master.m3u8", "key")

    master = fetch(server, s["manifest_url"])
    assert master.status_code == 200
    assert master.headers["Content-Type"] == "application/vnd.apple.mpegurl"
    assert master.headers["Access-Control-Allow-Origin"] == "*"
    text = master.text
    for rendition in ("240p", "480p", "720p"):
        assert f"{rendition}/index.m3u8" in text
    assert "RESOLUTION=1280x720" in text and "mp4a.40.2" in text
    assert 'TYPE=AUDIO' in text and 'TYPE=SUBTITLES' in text and 'URI="subs/en.m3u8"' in text

    base = s["manifest_url"].rsplit("/", 1)[0]
    playlist = fetch(server, base + "/720p/index.m3u8").text
    assert '#EXT-X-KEY:METHOD=AES-128,URI="../key"' in playlist
    assert playlist.index("#EXT-X-MAP") < playlist.index("#EXT-X-KEY")
    durations = [float(d) for d in re.findall(r"#EXTINF:([0-9.]+)", playlist)]
    assert 3.5 <= max(durations) <= 6 and abs(sum(durations) - 16) < 0.5
    init = re.search(r'#EXT-X-MAP:URI="([^"]+)"', playlist).group(1)
    segment = re.findall(r"^(seg_\d+\.m4s)$", playlist, re.M)[1]

    key = fetch(server, s["key_url"])
    assert key.status_code == 200 and len(key.content) == 16
    assert key.headers["Cache-Control"] == "no-store"

    clear_init = fetch(server, f"{base}/720p/{init}")
    assert clear_init.content[4:8] == b"ftyp", "the init section stays clear"
    seg = fetch(server, f"{base}/720p/{segment}")
    assert seg.headers["Content-Type"] == "video/iso.segment"
    assert "immutable" in seg.headers["Cache-Control"]
    assert b"moof" not in seg.content and b"mdat" not in seg.content, "segments are encrypted"
    plain = decrypt(seg.content, key.content, 1)
    assert plain[4:8] in (b"styp", b"moof") and b"mdat" in plain

    vtt = fetch(server, base + "/subs/en.vtt")
    assert vtt.status_code == 200 and vtt.text.startswith("WEBVTT")
    assert stop(server, premium, s["id"]).status_code == 204


def test_entitlement_is_explained_with_403(server):
    premium_only = [t for t in titles(server, server.token("premium"), "movie") if t["tier"] == "premium"][0]
    basic = server.register(tier="basic")["access_token"]
    body = problem_of(start(server, basic, premium_only["id"]), 403)
    assert body["type"].endswith(":tier-required") and body["required_tier"] == "premium"

    g = server.register(tier="premium")
    kid_token = server.kids_token(g["access_token"])
    adult = [t for t in titles(server, g["access_token"], "movie") if t["maturity_rating"] == "18+"][0]
    body = problem_of(start(server, kid_token, adult["id"]), 403)
    assert body["type"].endswith(":maturity-restricted") and body["rating"] == "18+"


def test_bad_session_requests(server, premium, movie):
    problem_of(start(server, premium, 999999), 404)
    problem_of(start(server, premium, movie["id"], episode_id=5), 422)
    series = titles(server, premium, "series")[0]
    problem_of(start(server, premium, series["id"], episode_id=999999), 404)
    problem_of(server.post("/api/v1/playback/sessions", premium, json={}), 422)
    problem_of(server.post("/api/v1/playback/sessions", premium, json={"title_id": "1"}), 422)
    problem_of(server.post("/api/v1/playback/sessions", premium, json={"title_id": 1, "x": 1}), 422)
    problem_of(server.post("/api/v1/playback/sessions", premium, data="{", headers={"Content-Type": "application/json"}), 400)
    problem_of(server.post("/api/v1/playback/sessions", premium, data="title_id=1"), 415)
    problem_of(server.post("/api/v1/playback/sessions", json={"title_id": 1}), 401)
    problem_of(heartbeat(server, premium, "not-a-session", 1), 404)
    problem_of(heartbeat(server, premium, "A" * 22, 1), 404)
    problem_of(stop(server, premium, "../../etc"), 404)


def test_stream_limits_per_tier(server, movie):
    for tier, limit in (("basic", 1), ("standard", 2), ("premium", 4)):
        token = server.register(tier=tier)["access_token"]
        free = [t for t in titles(server, token, "movie")]
        ids = []
        for i in range(limit):
            r = start(server, token, free[i]["id"])
            assert r.status_code == 201, (tier, i, r.text)
            ids.append(r.json()["id"])
        full = start(server, token, free[0]["id"])
        body = problem_of(full, 429)
        assert body["type"].endswith(":stream-limit") and body["limit"] == limit
        assert int(full.headers["Retry-After"]) > 0
        listed = server.get("/api/v1/playback/sessions", token).json()
        assert listed["limit"] == limit and sorted(i["id"] for i in listed["items"]) == sorted(ids)
        # Ending one frees its slot at once.
        assert stop(server, token, ids[0]).status_code == 204
        assert start(server, token, free[0]["id"]).status_code == 201


def test_heartbeats_update_bookmarks_and_continue_watching(server, premium, movie):
    s = start(server, premium, movie["id"]).json()
    r = heartbeat(server, premium, s["id"], 9)
    assert r.status_code == 200 and r.json()["position_seconds"] == 9
    mark = server.get(f"/api/v1/viewing/bookmarks/{movie['id']}", premium).json()
    assert mark["position_seconds"] == 9 and mark["duration_seconds"] == 16
    watching = server.get("/api/v1/viewing/continue-watching", premium).json()["items"]
    assert watching[0]["title"]["id"] == movie["id"]

    problem_of(heartbeat(server, premium, s["id"], 17), 422)  # beyond the media's running time
    problem_of(server.put(f"/api/v1/playback/sessions/{s['id']}", premium, json={"position_seconds": -1}), 422)
    other = server.register(tier="premium")["access_token"]
    problem_of(heartbeat(server, other, s["id"], 5), 404)  # another account's session
    problem_of(stop(server, other, s["id"]), 404)

    # Ending with a position saves it; the next session resumes there.
    assert stop(server, premium, s["id"], position_seconds=12).status_code == 204
    problem_of(heartbeat(server, premium, s["id"], 13), 410)
    problem_of(stop(server, premium, s["id"]), 410)
    again = start(server, premium, movie["id"]).json()
    assert again["resume_position_seconds"] == 12
    stop(server, premium, again["id"])


def test_series_start_at_the_first_episode_then_resume(server, premium):
    series = titles(server, premium, "series")[0]
    detail = server.get(f"/api/v1/catalog/titles/{series['id']}", premium).json()
    episodes = [e for season in detail["seasons"] for e in season["episodes"]]
    s = start(server, premium, series["id"]).json()
    assert s["episode_id"] == episodes[0]["id"]
    heartbeat(server, premium, s["id"], 5)
    stop(server, premium, s["id"])
    second = start(server, premium, series["id"], episode_id=episodes[1]["id"]).json()
    assert second["episode_id"] == episodes[1]["id"] and second["resume_position_seconds"] == 0
    heartbeat(server, premium, second["id"], 16)  # the whole episode
    stop(server, premium, second["id"])
    # Finished: the series goes on with the next episode.
    third = start(server, premium, series["id"]).json()
    assert third["episode_id"] == episodes[2]["id"]
    stop(server, premium, third["id"])


def test_keys_only_for_live_sessions(server, premium, movie):
    s = start(server, premium, movie["id"]).json()
    assert fetch(server, s["key_url"]).status_code == 200
    # A link to another asset signed for this session gets no key for it.
    other_asset = "demo-1" if s["asset_id"] == "demo-2" else "demo-2"
    expires = int(time.time()) + 600
    body = problem_of(fetch(server, media_path(MEDIA_SECRET, expires, s["id"], other_asset, "key")), 403)
    assert body["type"].endswith(":wrong-asset")
    stop(server, premium, s["id"])
    body = problem_of(fetch(server, s["key_url"]), 403)
    assert body["type"].endswith(":session-not-live")
    # The files themselves stay reachable with the link until it expires, as on a CDN.
    assert fetch(server, s["manifest_url"]).status_code == 200


def test_media_links_are_checked(server, premium, movie):
    s = start(server, premium, movie["id"]).json()
    sid, asset = s["id"], s["asset_id"]
    now = int(time.time())
    good = media_path(MEDIA_SECRET, now + 600, sid, asset, "master.m3u8")
    assert fetch(server, good).status_code == 200

    sig = sign(MEDIA_SECRET, now + 600, sid, asset)
    tampered = good.replace(sig, ("B" if sig[0] != "B" else "C") + sig[1:])
    longer = good.replace(f"/{now + 600}/", f"/{now + 6000}/")  # extending the expiry breaks it
    other_asset = "demo-1" if asset == "demo-2" else "demo-2"
    other_path = good.replace(f"/{asset}/", f"/{other_asset}/")
    other_session = good.replace(f"/{sid}/", f"/{'x' * 22}/")
    for bad in (tampered, longer, other_path, other_session):
        assert problem_of(fetch(server, bad), 403)["type"].endswith(":invalid-signature"), bad
    expired = media_path(MEDIA_SECRET, now - 5, sid, asset, "master.m3u8")
    assert problem_of(fetch(server, expired), 403)["type"].endswith(":link-expired")
    wrong_secret = media_path("not-the-secret-" * 3, now + 600, sid, asset, "master.m3u8")
    problem_of(fetch(server, wrong_secret), 403)

    prefix = good.rsplit("/", 1)[0]
    problem_of(fetch(server, prefix + "/missing.m3u8"), 404)
    problem_of(fetch(server, prefix + "/720p/seg_99999.m4s"), 404)
    for traversal in ("/..%2f..%2fkeys%2f" + asset + ".json", "/%2e%2e/%2e%2e/keys/demo-1.json",
                      "/720p/..%2f..%2f..%2fkeys%2fdemo-1.json", "/.hidden"):
        r = fetch(server, prefix + traversal)
        assert r.status_code in (403, 404), traversal
        assert b'"key"' not in r.content
    stop(server, premium, sid)


def test_range_requests(server, premium, movie):
    s = start(server, premium, movie["id"]).json()
    base = s["manifest_url"].rsplit("/", 1)[0]
    url = base + "/720p/seg_00000.m4s"
    whole = fetch(server, url).content
    size = len(whole)
    r = fetch(server, url, headers={"Range": "bytes=0-99"})
    assert r.status_code == 206 and r.content == whole[:100]
    assert r.headers["Content-Range"] == f"bytes 0-99/{size}"
    r = fetch(server, url, headers={"Range": "bytes=100-"})
    assert r.status_code == 206 and r.content == whole[100:]
    r = fetch(server, url, headers={"Range": "bytes=-50"})
    assert r.status_code == 206 and r.content == whole[-50:]
    r = fetch(server, url, headers={"Range": f"bytes=10-{size + 1000}"})
    assert r.status_code == 206 and r.content == whole[10:]
    r = fetch(server, url, headers={"Range": f"bytes={size}-"})
    problem_of(r, 416)
    assert r.headers["Content-Range"] == f"bytes */{size}"
    for malformed in ("bytes=abc", "bytes=5-1", "items=0-1", "bytes=-", "bytes=--1"):
        problem_of(fetch(server, url, headers={"Range": malformed}), 400)
    r = fetch(server, url, headers={"Range": "bytes=0-1,5-9"})  # several ranges: the whole file
    assert r.status_code == 200 and r.content == whole
    pre = requests.options(server.base + url, timeout=10)
    assert pre.status_code == 204 and "Range" in pre.headers["Access-Control-Allow-Headers"]
    stop(server, premium, s["id"])


def test_sessions_without_heartbeats_expire(fresh_server):
    server = fresh_server("--session-timeout", "3")
    token = server.register(tier="basic")["access_token"]
    movie = titles(server, token, "movie")[0]
    first = start(server, token, movie["id"]).json()
    problem_of(start(server, token, movie["id"]), 429)
    time.sleep(4.2)
    # The silent session freed its slot, and its heartbeat now learns it is over.
    assert start(server, token, movie["id"]).status_code == 201
    problem_of(heartbeat(server, token, first["id"], 1), 410)
    problem_of(fetch(server, first["key_url"]), 403)


def test_media_urls_can_point_at_another_origin(fresh_server):
    server = fresh_server("--media-base-url", "https://media.example.test/")
    token = server.register(tier="premium")["access_token"]
    s = start(server, token, titles(server, token, "movie")[0]["id"]).json()
    assert s["manifest_url"].startswith("https://media.example.test/media/")
    assert s["key_url"].startswith("https://media.example.test/media/") and s["key_url"].endswith("/key")
