"""Client addresses through nginx with the shipped config (issue 18, item 10): nginx sets
X-Forwarded-For and kinora, started with --trusted-proxies 127.0.0.1/32, takes the client
from it. The test's clients connect to nginx from distinct loopback addresses (127.0.0.2,
127.0.0.3, ...), so nginx sees each as its own peer, exactly as it would remote clients;
whatever X-Forwarded-For a client sends itself is further left and not believed. Also:
the shipped body limits let admin uploads through and keep 1 MiB elsewhere."""
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import NGINX, Nginx, listening_port

ROOT = Path(__file__).resolve().parents[3]
KINORA = Path(os.environ.get("KINORA_BIN", ROOT / "build" / "kinora"))
SECRET = "nginx-and-kinora-share-this-secret-" + "s" * 8


@pytest.fixture(scope="module")
def stack():
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is missing")
    work = Path(tempfile.mkdtemp(prefix="kinora-nginx-xff-"))
    work.chmod(0o755)
    log = open(work / "kinora.log", "w")
    kinora = subprocess.Popen(
        [str(KINORA), "serve", "--port", "0", "--database-url", f"sqlite:{work}/k.db", "--demo",
         "--media-dir", str(work / "media"), "--media-secret", SECRET, "--demo-clips", "1",
         "--demo-clip-seconds", "8", "--trusted-proxies", "127.0.0.1/32,::1/128"],
        stdout=log, stderr=subprocess.STDOUT, cwd=work)
    port = listening_port(work / "kinora.log", timeout=60)
    (work / "nginx").mkdir()
    (work / "nginx").chmod(0o755)
    nginx = Nginx(work / "nginx", media_root=work / "media", upstream=f"127.0.0.1:{port}", secret=SECRET)
    yield nginx.port, work / "kinora.log"
    nginx.stop()
    kinora.terminate()
    kinora.wait(timeout=30)
    log.close()
    shutil.rmtree(work, ignore_errors=True)


def request(port, source, method, path, body=b"", headers=None):
    """One request to nginx from the loopback address `source`."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def login(port, source, password, forwarded=None):
    headers = {"Content-Type": "application/json"}
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    body = json.dumps({"email": "demo@ott.test", "password": password}).encode()
    return request(port, source, "POST", "/api/v1/auth/login", body, headers)


def test_one_clients_wrong_passwords_do_not_throttle_another(stack):
    port, kinora_log = stack
    # A brand-new client is never throttled on its first try (all shared nginx's address).
    assert login(port, "127.0.0.4", "demo123")[0] == 200
    for _ in range(5):
        assert login(port, "127.0.0.2", "wrong-password")[0] == 401
    status, headers, _ = login(port, "127.0.0.2", "demo123")
    assert status == 429 and int(headers["Retry-After"]) >= 1
    # Claiming another address does not help: nginx appends the real peer, kinora reads
    # the right-most untrusted hop.
    assert login(port, "127.0.0.2", "demo123", forwarded="198.51.100.9")[0] == 429
    # The owner, elsewhere, signs in.
    assert login(port, "127.0.0.3", "demo123")[0] == 200
    assert login(port, "127.0.0.3", "demo123", forwarded="127.0.0.2")[0] == 200
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        clients = {json.loads(l).get("client") for l in kinora_log.read_text().splitlines()
                   if l.startswith("{") and '"path":"/api/v1/auth/login"' in l}
        if {"127.0.0.2", "127.0.0.3", "127.0.0.4"} <= clients:
            break
        time.sleep(0.1)
    assert clients == {"127.0.0.2", "127.0.0.3", "127.0.0.4"}, clients


def test_admin_uploads_pass_the_body_limit_and_other_routes_keep_it(stack):
    port, _ = stack
    big = b"\0" * (2 << 20)
    # Past nginx's 1 MiB: kinora itself refuses the anonymous upload on its head.
    status, _, body = request(port, "127.0.0.5", "POST", "/api/v1/admin/media/uploads?filename=a.mp4",
                              big, {"Content-Type": "application/octet-stream"})
    assert status == 401, body[:300]
    assert b"urn:kinora:problem:" in body
    status, _, _ = request(port, "127.0.0.5", "POST", "/api/v1/admin/epg/xmltv", big,
                           {"Content-Type": "application/xml"})
    assert status == 401
    # Anywhere else 2 MiB is nginx's 413.
    status, _, _ = request(port, "127.0.0.5", "POST", "/api/v1/auth/login", big,
                           {"Content-Type": "application/json"})
    assert status == 413
