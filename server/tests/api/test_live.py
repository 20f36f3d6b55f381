"""Live playout: a channel's programmes played as live HLS from their packaged media (the slate
where there is none), with a sliding window, EXT-X-PROGRAM-DATE-TIME and discontinuities that
stay the same across reloads and renditions; start-over of a programme from its beginning; and
access through playback sessions, signed URLs, keys and stream limits."""
import os
import re
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest
import requests

from conftest import MEDIA_SECRET, ROOT, problem_of
from test_playback import decrypt, start, stop, titles

sys.path.insert(0, str(ROOT / "server" / "tests" / "nginx"))
from media_signing import sign  # noqa: E402

ADMIN = "/api/v1/admin"
SLOT = 4  # seconds: the packager's segment length, and playout's grid
WINDOW = 10  # slots at the live edge


def iso(unix):
    return datetime.fromtimestamp(unix, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def get(server, path):
    return requests.get(server.base + path, timeout=30)


def start_channel(server, token, channel_id, programme_id=None):
    body = {"channel_id": channel_id}
    if programme_id is not None:
        body["programme_id"] = programme_id
    return server.post("/api/v1/playback/sessions", token, json=body)


def parse(playlist):
    """The media playlist's header values and its segments, each with the discontinuity
    sequence number it has (the header's, plus the EXT-X-DISCONTINUITY tags up to it)."""
    header, segments, pending = {}, [], {}
    discontinuity = None
    for line in playlist.splitlines():
        if line.startswith("#EXT-X-MEDIA-SEQUENCE:"):
            header["sequence"] = int(line.split(":")[1])
        elif line.startswith("#EXT-X-DISCONTINUITY-SEQUENCE:"):
            header["discontinuity"] = discontinuity = int(line.split(":")[1])
        elif line == "#EXT-X-DISCONTINUITY":
            discontinuity += 1
            pending["tagged"] = True
        elif line.startswith("#EXT-X-PROGRAM-DATE-TIME:"):
            pending["pdt"] = line.split(":", 1)[1]
        elif line.startswith("#EXT-X-MAP:"):
            pending["map"] = re.search(r'URI="([^"]+)"', line).group(1)
        elif line.startswith("#EXT-X-KEY:METHOD=AES-128"):
            pending["key"] = re.search(r'URI="([^"]+)"', line).group(1)
            pending["iv"] = int(re.search(r"IV=0x([0-9a-f]{32})", line).group(1), 16)
        elif line.startswith("#EXTINF:"):
            pending["duration"] = float(line[8:].rstrip(","))
        elif line and not line.startswith("#"):
            segments.append({**pending, "uri": line, "discontinuity": discontinuity,
                             "sequence": header["sequence"] + len(segments)})
            pending = {}
    header["ended"] = "#EXT-X-ENDLIST" in playlist
    header["type"] = (re.search(r"#EXT-X-PLAYLIST-TYPE:(\w+)", playlist) or [None, None])[1]
    return header, segments


def asset_of(uri):
    return uri.split("/")[5]


@pytest.fixture
def lineup(server):
    """A fresh channel whose schedule around now is known: a movie that ended a few seconds ago
    (inside the live window), then a programme without media (the slate) until later, an
    earlier movie that has ended, one in the future and one older than a week."""
    admin = server.token("admin")
    number = 8000 + int.from_bytes(os.urandom(2), "big") % 900
    r = server.post(f"{ADMIN}/channels", admin, json={"number": number, "name": f"Live Test {number}",
                                                      "category": "test", "tier": "basic", "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    channel = r.json()
    movies = titles(server, server.token("basic"), "movie")  # any account may play them
    now = int(time.time())
    boundary = now - now % SLOT - 3 * SLOT  # three slots back: inside the window for ~24 s

    def add(start_at, end_at, title, title_id=None):
        body = {"channel_id": channel["id"], "start": iso(start_at), "stop": iso(end_at), "title": title}
        if title_id:
            body["title_id"] = title_id
        r = server.post(f"{ADMIN}/schedule", admin, json=body)
        assert r.status_code == 201, r.text
        return r.json()

    programmes = {
        "ancient": add(now - 8 * 86400 - 3600, now - 8 * 86400, "Last Week's Film", movies[1]["id"]),
        "earlier": add(boundary - 7200, boundary - 5400, "Matinee", movies[1]["id"]),
        "movie": add(boundary - 1800, boundary, "Feature", movies[0]["id"]),
        "slate": add(boundary, boundary + 1800, "Talk Without Pictures"),
        "later": add(boundary + 3600, boundary + 5400, "Late Film", movies[0]["id"]),
    }
    yield {"channel": channel, "boundary": boundary, "movie": movies[0], "programmes": programmes}
    # Tests leave channel sessions live: end them, or the channel would stay (409 in-use)
    # and its number could be drawn again.
    r = server.delete(f"{ADMIN}/channels/{channel['id']}", admin, params={"end_streams": "true"})
    assert r.status_code == 204, r.text


def test_a_channel_plays_as_live_hls(server, lineup):
    token = server.register(tier="basic")["access_token"]
    r = start_channel(server, token, lineup["channel"]["id"])
    assert r.status_code == 201, r.text
    s = r.json()
    assert s["channel_id"] == lineup["channel"]["id"] and s["programme_id"] is None
    assert s["title_id"] is None and s["key_url"] is None and s["duration_seconds"] == 0
    assert re.fullmatch(rf"/live/[A-Za-z0-9_-]{{22}}/\d+/{s['id']}/live-{s['channel_id']}/master.m3u8",
                        s["manifest_url"])

    master = get(server, s["manifest_url"])
    assert master.status_code == 200, master.text
    assert master.headers["Content-Type"] == "application/vnd.apple.mpegurl"
    assert master.headers["Access-Control-Allow-Origin"] == "*"
    for rendition in ("240p", "480p", "720p"):
        assert f"\n{rendition}.m3u8\n" in master.text
    assert 'TYPE=AUDIO' in master.text and 'URI="audio.m3u8"' in master.text
    assert "SUBTITLES" not in master.text

    base = s["manifest_url"].rsplit("/", 1)[0]
    renditions = {}
    for name in ("240p", "720p", "audio"):
        r = get(server, f"{base}/{name}.m3u8")
        assert r.status_code == 200, r.text
        renditions[name] = parse(r.text)
    now_slot = int(time.time()) // SLOT
    header, segments = renditions["720p"]
    assert header["type"] is None and not header["ended"]  # live: a sliding window
    assert len(segments) == WINDOW
    assert abs(header["sequence"] - (now_slot - WINDOW)) <= 1  # slot n is segment n

    boundary = lineup["boundary"]
    boundary_slot = boundary // SLOT
    for name, (h, segs) in renditions.items():
        # The same segment numbers, discontinuity numbers and clock times on every rendition.
        assert [(x["sequence"], x["discontinuity"], x.get("pdt")) for x in segs] == \
               [(x["sequence"], x["discontinuity"], x.get("pdt")) for x in segments], name
        for seg in segs:
            if seg["sequence"] < boundary_slot:
                assert asset_of(seg["uri"]) != "slate", name
            else:
                assert asset_of(seg["uri"]) == "slate", name
    at_boundary = [x for x in segments if x["sequence"] == boundary_slot]
    if at_boundary:  # the programme changes: a discontinuity, the slate's init, the clock time
        seg = at_boundary[0]
        assert seg.get("tagged") and seg["pdt"] == iso(boundary) and "/slate/720p/" in seg["map"]
    # Every pass of a 16 s clip starts again: a discontinuity every fourth slot, with its time.
    for seg in segments[1:]:
        assert bool(seg.get("tagged")) == (seg["iv"] == 0)
        if seg.get("tagged"):
            assert seg["pdt"] == iso(seg["sequence"] * SLOT)

    # The key of what plays, and a segment decrypted with the IV the playlist names.
    seg = segments[0]
    key = get(server, seg["key"])
    assert key.status_code == 200 and len(key.content) == 16
    assert key.headers["Cache-Control"] == "no-store"
    data = get(server, seg["uri"]).content
    assert b"moof" in decrypt(data, key.content, seg["iv"])
    assert get(server, seg["map"]).status_code == 200  # the init section is clear

    # A reload later: the window slid, and what both show is unchanged.
    time.sleep(SLOT + 1)
    later_header, later = parse(get(server, f"{base}/720p.m3u8").text)
    assert later_header["sequence"] > header["sequence"]
    before = {x["sequence"]: (x["discontinuity"], x["uri"]) for x in segments}
    shared = [x for x in later if x["sequence"] in before]
    assert shared and all(before[x["sequence"]] == (x["discontinuity"], x["uri"]) for x in shared)

    # The session ends: no more playlists, no more keys.
    assert stop(server, token, s["id"]).status_code == 204
    assert problem_of(get(server, f"{base}/720p.m3u8"), 403)["type"].endswith(":session-not-live")
    assert problem_of(get(server, seg["key"]), 403)["type"].endswith(":session-not-live")


def test_keys_only_for_what_the_channel_plays(server, lineup):
    premium = server.register(tier="premium")["access_token"]
    s = start_channel(server, premium, lineup["channel"]["id"]).json()
    movie_asset = start(server, premium, lineup["movie"]["id"]).json()["asset_id"]
    expires = int(time.time()) + 600

    def key(asset):
        return get(server, f"/media/{sign(MEDIA_SECRET, expires, s['id'], asset)}/{expires}/{s['id']}/{asset}/key")

    assert key("slate").status_code == 200
    assert key(movie_asset).status_code == 200  # the feature that just ended
    # The other demo clip plays nothing on this channel near now.
    other_asset = ({"demo-1", "demo-2"} - {movie_asset}).pop()
    assert problem_of(key(other_asset), 403)["type"].endswith(":wrong-asset")
    # A channel stream signed for another channel is refused.
    other = s["manifest_url"].replace(f"live-{s['channel_id']}", "live-1")
    assert problem_of(get(server, other), 403)["type"].endswith(":invalid-signature")


def test_start_over_plays_a_programme_from_its_beginning(server, lineup):
    token = server.register(tier="basic")["access_token"]
    cid = lineup["channel"]["id"]
    p = lineup["programmes"]

    # On air: an EVENT playlist from the programme's start, growing until it ends.
    s = start_channel(server, token, cid, p["slate"]["id"]).json()
    assert s["programme_id"] == p["slate"]["id"] and s["duration_seconds"] == 1800
    base = s["manifest_url"].rsplit("/", 1)[0]
    text = get(server, f"{base}/480p.m3u8").text
    header, segments = parse(text)
    assert header["type"] == "EVENT" and not header["ended"] and header["sequence"] == 0
    assert "#EXT-X-START:TIME-OFFSET=0" in text
    assert segments[0]["pdt"] == iso(lineup["boundary"]) and header["discontinuity"] == 0
    assert all(asset_of(x["uri"]) == "slate" for x in segments)
    assert abs(len(segments) - (int(time.time()) - lineup["boundary"]) // SLOT) <= 1
    stop(server, token, s["id"])

    # Ended: the whole programme, as VOD.
    s = start_channel(server, token, cid, p["earlier"]["id"]).json()
    base = s["manifest_url"].rsplit("/", 1)[0]
    header, segments = parse(get(server, f"{base}/720p.m3u8").text)
    assert header["type"] == "VOD" and header["ended"] and len(segments) == 1800 // SLOT
    assert segments[0]["pdt"] == p["earlier"]["start"]
    passes = -(-len(segments) // 4)  # the 16 s clip starts again every fourth slot
    assert sum(1 for x in segments if x.get("tagged")) == passes - 1
    assert segments[-1]["discontinuity"] == passes - 1
    key = get(server, segments[5]["key"])
    assert key.status_code == 200
    assert b"moof" in decrypt(get(server, segments[5]["uri"]).content, key.content, segments[5]["iv"])
    stop(server, token, s["id"])

    # Not yet on air, older than a week, or another channel's: refused with the reason.
    body = problem_of(start_channel(server, token, cid, p["later"]["id"]), 422)
    assert body["errors"][0]["field"] == "programme_id"
    problem_of(start_channel(server, token, cid, p["ancient"]["id"]), 422)
    problem_of(start_channel(server, token, 1, p["earlier"]["id"]), 404)


def test_channel_sessions_follow_entitlement_and_stream_limits(server, lineup):
    channels = server.get("/api/v1/epg/channels", server.token("admin"), params={"limit": 200}).json()["items"]
    standard_16 = next(c for c in channels if c["tier"] == "standard" and c["maturity_rating"] == "16+")
    basic = server.register(tier="basic")["access_token"]
    body = problem_of(start_channel(server, basic, standard_16["id"]), 403)
    assert body["type"].endswith(":tier-required") and body["required_tier"] == "standard"

    g = server.register(tier="premium")
    kid_token = server.kids_token(g["access_token"])
    body = problem_of(start_channel(server, kid_token, standard_16["id"]), 403)
    assert body["type"].endswith(":maturity-restricted") and body["rating"] == "16+"

    # Channels and titles share the account's streams: Basic has one.
    s = start_channel(server, basic, lineup["channel"]["id"])
    assert s.status_code == 201
    full = start(server, basic, lineup["movie"]["id"])
    assert problem_of(full, 429)["limit"] == 1
    problem_of(start_channel(server, basic, lineup["channel"]["id"]), 429)
    # A heartbeat keeps a channel alive; there is no bookmark to write.
    r = server.put(f"/api/v1/playback/sessions/{s.json()['id']}", basic, json={"position_seconds": 5000})
    assert r.status_code == 200 and r.json()["channel_id"] == lineup["channel"]["id"]
    assert stop(server, basic, s.json()["id"]).status_code == 204
    assert start(server, basic, lineup["movie"]["id"]).status_code == 201


def test_bad_channel_session_requests(server, lineup):
    token = server.register(tier="premium")["access_token"]
    cid = lineup["channel"]["id"]
    sessions = "/api/v1/playback/sessions"
    problem_of(start_channel(server, token, 999999), 404)
    problem_of(start_channel(server, token, cid, 999999), 404)
    problem_of(server.post(sessions, token, json={"channel_id": cid, "title_id": 1}), 422)
    problem_of(server.post(sessions, token, json={"channel_id": cid, "episode_id": 1}), 422)
    problem_of(server.post(sessions, token, json={"title_id": 1, "programme_id": 1}), 422)
    problem_of(server.post(sessions, token, json={"channel_id": "x"}), 422)
    problem_of(server.post(sessions, token, json={"channel_id": 0}), 422)
    s = start_channel(server, token, cid).json()
    base = s["manifest_url"].rsplit("/", 1)[0]
    problem_of(get(server, f"{base}/1080p.m3u8"), 404)
    problem_of(get(server, f"{base}/index.html"), 404)
    problem_of(get(server, f"{base}/..%2F..%2Fetc.m3u8"), 404)
    tampered = s["manifest_url"].replace("/live/", "/live/A", 1)
    problem_of(get(server, tampered), 403)
    stop(server, token, s["id"])
