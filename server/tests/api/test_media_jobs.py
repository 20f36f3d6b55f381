"""Packaging real files: `kinora media ingest` and the admin upload route with its job."""
import json
import socket
import subprocess
import time

import pytest

from conftest import DEMO_CLIPS, KINORA, MEDIA_SECRET, JWT_SECRET, backends, packaged_media, problem_of


def make_video(path, seconds=6, subtitles=False):
    """A small real source file: 360p test pattern, tone, optionally an SRT subtitle stream."""
    args = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=600:duration={seconds}"]
    if subtitles:
        srt = path.with_suffix(".srt")
        srt.write_text("1\n00:00:01,000 --> 00:00:03,000\nHello from a real subtitle\n")
        args += ["-i", str(srt), "-map", "0:v", "-map", "1:a", "-map", "2:s", "-c:s", "mov_text"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(path)]
    subprocess.run(args, check=True, timeout=120)
    return path


def wait_for_job(server, token, job_id, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        job = server.get(f"/api/v1/admin/media/jobs/{job_id}", token).json()
        if job["status"] in ("succeeded", "failed"):
            return job
        time.sleep(0.3)
    raise AssertionError(f"job {job_id} did not finish")


def test_upload_packages_a_file_and_the_title_plays_it(server, tmp_path):
    admin = server.token("admin")
    movie = server.get("/api/v1/catalog/titles", admin, params={"type": "movie", "limit": 1}).json()["items"][0]
    source = make_video(tmp_path / "film.mp4", subtitles=True)
    r = server.post(f"/api/v1/admin/media/uploads?title_id={movie['id']}", admin, data=source.read_bytes(),
                    headers={"Content-Type": "video/mp4"})
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] in ("queued", "running") and r.headers["Location"].endswith(job["id"])
    job = wait_for_job(server, admin, job["id"])
    assert job["status"] == "succeeded", job
    assert job["progress"] == 100 and job["asset_id"]

    viewer = server.register(tier="premium")["access_token"]
    s = server.post("/api/v1/playback/sessions", viewer, json={"title_id": movie["id"]}).json()
    assert s["asset_id"] == job["asset_id"] and s["duration_seconds"] == 6
    master = server.http.get(server.base + s["manifest_url"]).text
    # 360p source: never upscaled, so only 240p; the subtitle stream became WebVTT.
    assert "240p/index.m3u8" in master and "480p" not in master and "720p" not in master
    assert "TYPE=SUBTITLES" in master
    base = s["manifest_url"].rsplit("/", 1)[0]
    assert "Hello from a real subtitle" in server.http.get(server.base + base + "/subs/en.vtt").text
    server.delete(f"/api/v1/playback/sessions/{s['id']}", viewer)


def test_broken_uploads_fail_with_a_reason(server):
    admin = server.token("admin")
    movie = server.get("/api/v1/catalog/titles", admin, params={"type": "movie", "limit": 1}).json()["items"][0]
    r = server.post(f"/api/v1/admin/media/uploads?title_id={movie['id']}", admin, data=b"\x00not a video" * 1000,
                    headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 202
    job = wait_for_job(server, admin, r.json()["id"])
    assert job["status"] == "failed" and job["asset_id"] is None
    assert "not a media file" in job["error"]

    upload = "/api/v1/admin/media/uploads"
    problem_of(server.post(f"{upload}?title_id=999999", admin, data=b"x", headers={"Content-Type": "video/mp4"}), 404)
    problem_of(server.post(f"{upload}?title_id={movie['id']}&episode_id=999999", admin, data=b"x",
                           headers={"Content-Type": "video/mp4"}), 404)
    problem_of(server.post(upload, admin, data=b"x", headers={"Content-Type": "video/mp4"}), 422)
    problem_of(server.post(f"{upload}?title_id={movie['id']}", admin, data=b"",
                           headers={"Content-Type": "video/mp4"}), 422)
    problem_of(server.post(f"{upload}?title_id={movie['id']}", admin, data=b"x",
                           headers={"Content-Type": "text/plain"}), 415)
    problem_of(server.post(f"{upload}?title_id={movie['id']}", server.token("premium"), data=b"x",
                           headers={"Content-Type": "video/mp4"}), 403)
    problem_of(server.get("/api/v1/admin/media/jobs/ffffffffffffffff", admin), 404)
    problem_of(server.get("/api/v1/admin/media/jobs/..%2f..", admin), 404)


def test_uploads_have_their_own_size_limit(fresh_server):
    server = fresh_server("--max-upload-bytes", "20000")
    admin = server.token("admin")
    r = server.post("/api/v1/admin/media/uploads?title_id=1", admin, data=b"\x00" * 30000,
                    headers={"Content-Type": "video/mp4"})
    problem_of(r, 413)


def ingest(tmp_path, db, *args):
    media = tmp_path / "media"
    return subprocess.run([str(KINORA), "media", "ingest", *args, "--database-url", f"sqlite:{db}",
                           "--jwt-secret", JWT_SECRET, "--media-secret", MEDIA_SECRET,
                           "--media-dir", str(media), *DEMO_CLIPS],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_cli_ingest(tmp_path):
    db = tmp_path / "k.db"
    seed = subprocess.run([str(KINORA), "seed", "--database-url", f"sqlite:{db}", "--jwt-secret", JWT_SECRET,
                           "--media-secret", MEDIA_SECRET], capture_output=True, text=True, timeout=120)
    assert seed.returncode == 0, seed.stderr
    source = make_video(tmp_path / "clip.mp4", seconds=5)
    ok = ingest(tmp_path, db, str(source), "--title", "1")
    assert ok.returncode == 0, ok.stderr
    assert '"msg":"media ingested"' in ok.stdout + ok.stderr
    packaged = list((tmp_path / "media" / "hls").iterdir())
    assert len(packaged) == 1 and (packaged[0] / "master.m3u8").exists()

    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x01garbage" * 100)
    bad = ingest(tmp_path, db, str(broken), "--title", "1")
    assert bad.returncode == 1 and "not a media file" in bad.stderr
    assert list((tmp_path / "media" / "hls").iterdir()) == packaged, "nothing half-written"
    assert ingest(tmp_path, db, str(source), "--title", "999999").returncode == 2
    assert ingest(tmp_path, db, str(tmp_path / "missing.mp4"), "--title", "1").returncode == 1
    assert ingest(tmp_path, db, str(source)).returncode == 2


# -- Uploads stream to disk ---------------------------------------------------------------
# The server spools an upload's body to <media-dir>/uploads/incoming as it arrives; these
# talk to it over a raw socket to control exactly what is sent, and when.

def incoming():
    return packaged_media() / "uploads" / "incoming"


def leftovers():
    return sorted(p.name for p in incoming().glob("*")) if incoming().exists() else []


def settles(predicate, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def raw_connection(server):
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def read_answer(sock):
    """Status, headers and body of the one answer the server sends before it closes."""
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def upload_head(server, token, movie_id, framing):
    return (f"POST /api/v1/admin/media/uploads?title_id={movie_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: video/mp4\r\n{framing}\r\n\r\n").encode()


def assert_payload_too_large(status, headers, body, limit):
    assert status == 413, body
    assert headers["content-type"].startswith("application/problem+json")
    problem = json.loads(body)
    assert problem["status"] == 413 and problem["type"] == "urn:kinora:problem:payload-too-large"
    assert problem["instance"] == "/api/v1/admin/media/uploads" and f"{limit} bytes" in problem["detail"]


def test_a_2gb_upload_is_refused_before_its_body_is_sent(server):
    admin = server.token("admin")
    with raw_connection(server) as sock:
        sock.sendall(upload_head(server, admin, 1, "Content-Length: 2147483648"))
        started = time.time()
        status, headers, body = read_answer(sock)  # no body byte was sent
    assert time.time() - started < 5
    assert_payload_too_large(status, headers, body, 268435456)
    assert leftovers() == []


def test_an_upload_is_refused_on_its_head_unless_an_admin_sends_it(server):
    """Authentication and the admin role are checked before a byte of the body is read, so
    nobody else can make the server take in (or wait for) 200 MB it would refuse."""
    anonymous = (b"POST /api/v1/admin/media/uploads?title_id=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 b"Content-Type: video/mp4\r\nContent-Length: 200000000\r\n\r\n")
    viewer = server.register(tier="premium")["access_token"]
    for head, status, kind in [(anonymous, 401, "missing-token"),
                               (upload_head(server, "not-a-token", 1, "Content-Length: 200000000"), 401, None),
                               (upload_head(server, viewer, 1, "Content-Length: 200000000"), 403, "admin-required")]:
        with raw_connection(server) as sock:
            sock.sendall(head)
            started = time.time()
            answer, headers, body = read_answer(sock)  # no body byte was sent
        assert time.time() - started < 5
        assert answer == status, body
        problem = json.loads(body)
        assert problem["instance"] == "/api/v1/admin/media/uploads"
        assert kind is None or problem["type"] == f"urn:kinora:problem:{kind}", problem
    assert leftovers() == []


def test_a_client_gone_mid_upload_leaves_no_file(server):
    admin = server.token("admin")
    movie = server.get("/api/v1/catalog/titles", admin, params={"type": "movie", "limit": 1}).json()["items"][0]
    with raw_connection(server) as sock:
        sock.sendall(upload_head(server, admin, movie["id"], "Content-Length: 5000000"))
        sock.sendall(b"\x00" * 1_000_000)
        assert settles(lambda: len(leftovers()) == 1), "the body is spooled as it arrives"
        assert settles(lambda: next(incoming().glob("*.part")).stat().st_size == 1_000_000)
    assert settles(lambda: leftovers() == []), leftovers()
    assert server.get("/healthz").status_code == 200


@pytest.mark.parametrize("backend", backends())
def test_a_chunked_upload_over_the_limit_is_refused_and_discarded(fresh_server, backend):
    # A crash's leftover is removed when a server starts.
    incoming().mkdir(parents=True, exist_ok=True)
    (incoming() / "upload-crashed.part").write_bytes(b"\x00" * 1000)
    server = fresh_server("--max-upload-bytes", "20000", backend=backend)
    assert leftovers() == []
    admin = server.token("admin")
    with raw_connection(server) as sock:
        sock.sendall(upload_head(server, admin, 1, "Transfer-Encoding: chunked"))
        try:
            for _ in range(8):
                sock.sendall(b"1000\r\n" + b"\x00" * 4096 + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused mid-body: the answer is still there to read
        status, headers, body = read_answer(sock)
    assert_payload_too_large(status, headers, body, 20000)
    assert settles(lambda: leftovers() == []), leftovers()

    # Under the limit, chunked works like any upload (and still gets Expect: 100-continue).
    with raw_connection(server) as sock:
        sock.sendall(upload_head(server, admin, 1, "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\nConnection: close"))
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(b"b\r\nnot a video\r\n0\r\n\r\n")
        status, headers, body = read_answer(sock)
    assert status == 202, body
    job = json.loads(body)
    assert wait_for_job(server, admin, job["id"])["status"] == "failed"
    assert settles(lambda: leftovers() == [])
