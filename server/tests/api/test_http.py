"""HTTP behaviour: keep-alive, request ids, logs, metrics, readiness, static files, shutdown."""
import json
import signal
import socket
import threading
import time

from conftest import problem_of


def test_keep_alive_serves_several_requests_on_one_connection(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while data.count(b"HTTP/1.1 200") < 2:
            chunk = s.recv(4096)
            assert chunk, data
            data += chunk
    assert data.count(b'{"status":"ok"}') == 2


def test_request_id_is_echoed_or_made_and_logged(server):
    r = server.get("/api/v1/catalog/genres", server.token("basic"), headers={"X-Request-Id": "trace-123"})
    assert r.headers["X-Request-Id"] == "trace-123"
    made = server.get("/healthz").headers["X-Request-Id"]
    assert len(made) == 16
    bad = server.get("/healthz", headers={"X-Request-Id": "has spaces and\ttabs"}).headers["X-Request-Id"]
    assert bad != "has spaces and\ttabs"
    time.sleep(0.1)
    lines = [json.loads(l) for l in server.log_path.read_text().splitlines() if l.startswith("{")]
    line = next(l for l in lines if l.get("request_id") == "trace-123")
    assert line["msg"] == "request" and line["route"] == "/api/v1/catalog/genres"
    assert line["status"] == 200 and line["method"] == "GET" and line["duration_ms"] >= 0


def test_metrics_count_requests_per_route_and_pool_use(server):
    server.get("/api/v1/catalog/titles", server.token("basic"))
    text = server.get("/metrics").text
    assert 'kinora_http_requests_total{route="/api/v1/catalog/titles",method="GET",status="200"}' in text
    assert 'kinora_http_request_duration_seconds_bucket{route="/api/v1/catalog/titles",method="GET",le="+Inf"}' in text
    assert "kinora_db_pool_connections{state=\"in_use\"}" in text
    for line in text.splitlines():
        if not line.startswith("#"):
            name_labels, value = line.rsplit(" ", 1)
            float(value)


def test_health_and_readiness(server):
    assert server.get("/healthz").json() == {"status": "ok"}
    ready = server.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["database"]["reachable"] is True
    assert ready["database"]["backend"] == ("sqlite" if server.backend == "sqlite" else "postgresql")
    assert "@" not in ready["database"]["url"] or "***" in ready["database"]["url"]
    assert ready["sessions"] == {"store": "in-process", "reachable": True}
    assert ready["encoder"]["loaded"] is (ready["encoder"]["model"] is not None)


def make_site(root):
    (root / "client/dist/assets").mkdir(parents=True)
    (root / "client/dist/index.html").write_text("<!doctype html><title>viewer</title>")
    (root / "client/dist/assets/index-3f9a1c2b.js").write_text("console.log('app')")
    # Vite's base64url hashes: no digit, or a '-' inside the hash
    (root / "client/dist/assets/index-mmYJXzTG.js").write_text("console.log('app')")
    (root / "client/dist/assets/Browse-DkZxWg_-.js").write_text("console.log('page')")
    (root / "client/dist/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "admin/dist").mkdir(parents=True)
    (root / "admin/dist/index.html").write_text("<!doctype html><title>admin</title>")
    (root / "docs/dist").mkdir(parents=True)
    (root / "docs/dist/index.html").write_text("<!doctype html><title>docs</title>")
    (root / "secret.txt").write_text("outside the web roots")


def test_static_sites_cache_and_fall_back(fresh_server, tmp_path):
    make_site(tmp_path)
    s = fresh_server("--web-root", str(tmp_path))
    index = s.get("/")
    assert index.status_code == 200 and "viewer" in index.text
    assert index.headers["Content-Type"] == "text/html; charset=utf-8"
    assert index.headers["Cache-Control"] == "no-cache"
    asset = s.get("/assets/index-3f9a1c2b.js")
    assert asset.headers["Content-Type"].startswith("text/javascript")
    assert "immutable" in asset.headers["Cache-Control"] and "max-age=31536000" in asset.headers["Cache-Control"]
    for name in ("index-mmYJXzTG.js", "Browse-DkZxWg_-.js"):
        assert s.get(f"/assets/{name}").headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert s.get("/logo.svg").headers["Content-Type"] == "image/svg+xml"
    assert "immutable" not in s.get("/logo.svg").headers["Cache-Control"]
    # Validators
    etag, modified = asset.headers["ETag"], asset.headers["Last-Modified"]
    assert s.get("/assets/index-3f9a1c2b.js", headers={"If-None-Match": etag}).status_code == 304
    assert s.get("/assets/index-3f9a1c2b.js", headers={"If-Modified-Since": modified}).status_code == 304
    assert s.get("/assets/index-3f9a1c2b.js", headers={"If-None-Match": '"other"'}).status_code == 200
    # Single-page-app fallback for client routes, not for missing files.
    assert "viewer" in s.get("/titles/42").text
    assert s.get("/assets/missing-12345678.js").status_code == 404
    assert "admin" in s.get("/admin/users/7").text
    assert "docs" in s.get("/docs/").text
    assert s.get("/docs/nothing-here").status_code == 404
    # API paths never fall back to the app shell; traversal stays inside the roots.
    problem_of(s.get("/api/v1/unknown"), 404)
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2f..%2fsecret.txt", "/admin/../../secret.txt"]:
        r = s.get(path)
        assert "outside the web roots" not in r.text, path
    head = s.request("HEAD", "/")
    assert head.status_code == 200 and head.text == "" and int(head.headers["Content-Length"]) > 0


def test_graceful_shutdown_finishes_in_flight_requests(fresh_server):
    s = fresh_server()
    results = {}

    def slow_login():
        # Argon2id makes a login take a noticeable moment: it is in flight when SIGTERM lands.
        results["login"] = s.post("/api/v1/auth/login", json={"email": "basic@ott.test", "password": "test123"},
                                  validate=False)

    t = threading.Thread(target=slow_login)
    t.start()
    time.sleep(0.03)
    s.proc.send_signal(signal.SIGTERM)
    t.join(timeout=30)
    assert results["login"].status_code == 200
    assert s.proc.wait(timeout=30) == 0
    assert '"msg":"stopped"' in s.log_path.read_text()
    try:
        socket.create_connection(("127.0.0.1", s.port), timeout=2).close()
        refused = False
    except OSError:
        refused = True
    assert refused


def _read_status(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"closed without a response: {data!r}"
        data += chunk
    return int(data.split(b" ", 2)[1])


def test_shutdown_answers_requests_whose_body_is_still_arriving(fresh_server):
    s = fresh_server()
    viewer, admin = s.register(tier="premium")["access_token"], s.token("admin")
    movie = s.get("/api/v1/catalog/titles", admin, params={"type": "movie", "limit": 1}).json()["items"][0]
    body = json.dumps({"position_seconds": 42}).encode()
    put = socket.create_connection(("127.0.0.1", s.port), timeout=30)
    put.sendall((f"PUT /api/v1/viewing/bookmarks/{movie['id']} HTTP/1.1\r\nHost: x\r\n"
                 f"Authorization: Bearer {viewer}\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:5])
    upload = socket.create_connection(("127.0.0.1", s.port), timeout=30)
    payload = b"\x00not a video" * (2 * 1024 * 1024 // 12)
    upload.sendall((f"POST /api/v1/admin/media/uploads?title_id={movie['id']} HTTP/1.1\r\nHost: x\r\n"
                    f"Authorization: Bearer {admin}\r\nContent-Type: application/octet-stream\r\n"
                    f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload[:1024 * 1024])
    # Both heads are in once a request on a third connection has been answered after them.
    assert s.get("/healthz").status_code == 200
    s.proc.send_signal(signal.SIGTERM)
    for _ in range(1000):  # bounded: the server logs the shutdown before draining
        if "shutting down" in s.log_path.read_text():
            break
        time.sleep(0.01)
    assert "shutting down" in s.log_path.read_text()
    # The rest of each body arrives after the shutdown began; both still get their answer.
    put.sendall(body[5:])
    upload.sendall(payload[1024 * 1024:])
    assert _read_status(put) == 200
    assert _read_status(upload) == 202
    put.close()
    upload.close()
    assert s.proc.wait(timeout=30) == 0


def test_idle_keep_alive_connections_do_not_block_shutdown(fresh_server):
    s = fresh_server()
    idle = socket.create_connection(("127.0.0.1", s.port), timeout=10)
    idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    assert idle.recv(4096).startswith(b"HTTP/1.1 200")
    started = time.time()
    s.proc.send_signal(signal.SIGINT)
    assert s.proc.wait(timeout=15) == 0
    assert time.time() - started < 5
    idle.close()


def test_invalid_configuration_is_reported_all_at_once(tmp_path):
    import subprocess
    from conftest import KINORA
    r = subprocess.run([str(KINORA), "serve", "--port", "99999", "--database-url", "mysql://x",
                        "--workers", "zero", "--bogus", "1"], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 2
    for fragment in ["--port", "--database-url", "--workers", "--bogus", "--jwt-secret"]:
        assert fragment in r.stderr, r.stderr


def test_slow_clients_are_cut_off_by_the_read_timeout(fresh_server):
    s = fresh_server("--read-timeout", "1")
    slow = socket.create_connection(("127.0.0.1", s.port), timeout=10)
    slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finish
    started = time.time()
    assert slow.recv(4096) == b""  # the server closes the connection
    assert 0.5 < time.time() - started < 5
    slow.close()
    assert s.get("/healthz").status_code == 200
