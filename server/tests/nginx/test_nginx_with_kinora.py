"""Production delivery end to end: nginx runs deploy/nginx/kinora.conf in front of a real
`kinora serve` with packaged demo media. nginx checks the signature and serves the files
from disk; the key path reaches Kinora, which releases the key only to a live session.
Shaka Player in Chromium plays the stream through nginx."""
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

from conftest import NGINX, Nginx, listening_port

ROOT = Path(__file__).resolve().parents[3]
KINORA = Path(os.environ.get("KINORA_BIN", ROOT / "build" / "kinora"))
PLAYER = ROOT / "server" / "tests" / "player"
SECRET = "nginx-and-kinora-share-this-secret-" + "s" * 8
CLIPS = ["--demo-clips", "1", "--demo-clip-seconds", "12"]


@pytest.fixture(scope="module")
def stack():
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is missing")
    work = Path(tempfile.mkdtemp(prefix="kinora-nginx-e2e-"))
    work.chmod(0o755)  # nginx's worker may run as nobody
    common = ["--database-url", f"sqlite:{work}/k.db", "--demo", "--media-dir", str(work / "media"),
              "--media-secret", SECRET, *CLIPS]
    built = subprocess.run([str(KINORA), "media", "build", *common, "--log-level", "warn"],
                           capture_output=True, text=True, timeout=300, cwd=work)
    assert built.returncode == 0, built.stderr
    log = open(work / "kinora.log", "w")
    kinora = subprocess.Popen([str(KINORA), "serve", "--port", "0", *common], stdout=log, stderr=subprocess.STDOUT,
                              cwd=work)
    port = listening_port(work / "kinora.log", timeout=30)
    (work / "nginx").mkdir()
    (work / "nginx").chmod(0o755)
    nginx = Nginx(work / "nginx", media_root=work / "media", upstream=f"127.0.0.1:{port}", secret=SECRET)
    yield f"http://127.0.0.1:{port}", nginx.base
    nginx.stop()
    kinora.terminate()
    kinora.wait(timeout=30)
    log.close()
    shutil.rmtree(work, ignore_errors=True)


def session(kinora):
    token = requests.post(f"{kinora}/api/v1/auth/login", json={"email": "premium@ott.test", "password": "test123"},
                          timeout=10).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    for s in requests.get(f"{kinora}/api/v1/playback/sessions", headers=auth, timeout=10).json()["items"]:
        requests.delete(f"{kinora}/api/v1/playback/sessions/{s['id']}", headers=auth, timeout=10)
    r = requests.post(f"{kinora}/api/v1/playback/sessions", json={"title_id": 1}, headers=auth, timeout=10)
    assert r.status_code == 201, r.text
    return r.json(), auth


def test_browser_sign_in_through_nginx_sets_the_refresh_cookie(stack):
    _, nginx = stack
    # nginx says the scheme (http here) whatever the client claims: no Secure on plain http.
    r = requests.post(f"{nginx}/api/v1/auth/login", json={"email": "demo@ott.test", "password": "demo123"},
                      headers={"X-Kinora-Session": "cookie", "X-Forwarded-Proto": "https"}, timeout=10)
    assert r.status_code == 200, r.text
    assert "refresh_token" not in r.json()
    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("kinora_refresh=") and "HttpOnly" in cookie and "Secure" not in cookie
    token = cookie.split(";", 1)[0].split("=", 1)[1]
    r = requests.post(f"{nginx}/api/v1/auth/refresh", headers={"X-Kinora-Session": "cookie",
                                                               "Cookie": f"kinora_refresh={token}"}, timeout=10)
    assert r.status_code == 200, r.text
    assert r.headers["Set-Cookie"].startswith("kinora_refresh=")


def test_nginx_serves_the_files_and_kinora_the_key(stack):
    kinora, nginx = stack
    s, auth = session(kinora)
    base = s["manifest_url"].rsplit("/", 1)[0]
    for path in (s["manifest_url"], base + "/720p/index.m3u8", base + "/720p/seg_00001.m4s", base + "/subs/en.vtt"):
        via_nginx = requests.get(nginx + path, timeout=10)
        assert via_nginx.status_code == 200, path
        assert via_nginx.headers["Server"].startswith("nginx")
        assert via_nginx.content == requests.get(kinora + path, timeout=10).content
    key = requests.get(nginx + s["key_url"], timeout=10)
    assert key.status_code == 200 and len(key.content) == 16
    assert key.headers["Cache-Control"] == "no-store"

    parts = s["key_url"].split("/")  # "", "media", sig, expires, session, asset, "key"
    parts[2] = ("B" if parts[2][0] != "B" else "C") + parts[2][1:]
    assert requests.get(nginx + "/".join(parts), timeout=10).status_code == 403

    requests.delete(f"{kinora}/api/v1/playback/sessions/{s['id']}", headers=auth, timeout=10)
    refused = requests.get(nginx + s["key_url"], timeout=10)
    assert refused.status_code == 403 and refused.json()["type"].endswith(":session-not-live")


def test_shaka_plays_through_nginx(stack):
    if not (PLAYER / "node_modules" / "shaka-player").exists():
        pytest.fail("run `npm ci` in server/tests/player (scripts/test.sh does)")
    kinora, nginx = stack
    s, auth = session(kinora)
    out = subprocess.run(["node", str(PLAYER / "play.mjs"), nginx + s["manifest_url"], "--timeout", "60"],
                         capture_output=True, text=True, timeout=120)
    result = json.loads([line for line in out.stdout.splitlines() if line.startswith("{")][-1])
    assert out.returncode == 0 and result["ok"], result
    assert [k["status"] for k in result["keyRequests"]] == [200] and result["encrypted"]
    requests.delete(f"{kinora}/api/v1/playback/sessions/{s['id']}", headers=auth, timeout=10)
