"""It plays: Shaka Player in Debian's Chromium (playwright-core) loads a session's signed
manifest, fetches the key, decrypts the AES-128 segments and its clock advances; once the
session has ended, the key is refused and the same stream cannot be played. A channel plays
live across its discontinuities, and start-over plays a programme from its beginning."""
import json
import shutil
import subprocess

import pytest

from conftest import ROOT
from test_live import lineup  # noqa: F401 (a fixture)

PLAYER = ROOT / "server" / "tests" / "player"


def play(url, *extra):
    out = subprocess.run(["node", str(PLAYER / "play.mjs"), url, "--timeout", "60", *extra],
                         capture_output=True, text=True, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stdout + out.stderr
    return out.returncode, json.loads(lines[-1])


@pytest.fixture(scope="module")
def player_ready():
    if not (PLAYER / "node_modules" / "shaka-player").exists():
        pytest.fail("run `npm ci` in server/tests/player (scripts/test.sh does)")
    assert shutil.which("chromium") or shutil.which("/usr/bin/chromium")


def test_shaka_plays_and_decrypts(server, player_ready):
    if server.backend != "sqlite":
        pytest.skip("one backend is enough for the browser")
    token = server.register(tier="premium")["access_token"]
    movie = server.get("/api/v1/catalog/titles", token, params={"type": "movie", "limit": 1}).json()["items"][0]
    s = server.post("/api/v1/playback/sessions", token, json={"title_id": movie["id"]}).json()
    code, result = play(server.base + s["manifest_url"], "--seconds", "4")
    assert code == 0 and result["ok"], result
    assert result["encrypted"] and result["errors"] == []
    assert [k["status"] for k in result["keyRequests"]] == [200]
    assert result["segmentsOk"] >= 3 and result["variant"]["height"] in (240, 480, 720)
    assert result["currentTime"] >= 4

    server.delete(f"/api/v1/playback/sessions/{s['id']}", token)
    code, result = play(server.base + s["manifest_url"], "--expect-failure")
    assert code == 0 and result["ok"], result
    assert result["keyRequests"] and all(k["status"] == 403 for k in result["keyRequests"])


def test_shaka_plays_a_channel_live_and_from_the_start(server, player_ready, lineup):
    if server.backend != "sqlite":
        pytest.skip("one backend is enough for the browser")
    token = server.register(tier="basic")["access_token"]
    sessions = "/api/v1/playback/sessions"
    s = server.post(sessions, token, json={"channel_id": lineup["channel"]["id"]}).json()
    # 20 s of a channel whose 16 s clips start again: across discontinuities and keys.
    code, result = play(server.base + s["manifest_url"], "--seconds", "20")
    assert code == 0 and result["ok"], result
    assert result["errors"] == [] and result["encrypted"]
    assert result["keyRequests"] and all(k["status"] == 200 for k in result["keyRequests"])
    server.delete(f"{sessions}/{s['id']}", token)

    earlier = lineup["programmes"]["earlier"]
    s = server.post(sessions, token, json={"channel_id": lineup["channel"]["id"], "programme_id": earlier["id"]}).json()
    code, result = play(server.base + s["manifest_url"], "--seconds", "4", "--start-at", "0")
    assert code == 0 and result["ok"], result
    assert result["startTime"] < 4  # from the programme's beginning
    server.delete(f"{sessions}/{s['id']}", token)
