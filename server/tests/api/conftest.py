"""API tests: a real `kinora serve` on an ephemeral loopback port, once per backend.

SQLite always runs. PostgreSQL runs when KINORA_TEST_POSTGRES_URL names a server
(scripts/test.sh starts a throw-away cluster); with CI=true it is required.
"""
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

import openapi_validator

ROOT = Path(__file__).resolve().parents[3]
KINORA = Path(os.environ.get("KINORA_BIN", ROOT / "build" / "kinora"))
# An AddressSanitizer + UndefinedBehaviorSanitizer build (scripts/test-sanitizers.sh): the
# servers on PostgreSQL run it, so the suite's PostgreSQL half runs sanitized without a
# third pass, and a report in any server's log fails the test that stops that server.
SANITIZED = ROOT / os.environ["KINORA_SANITIZED_BIN"] if os.environ.get("KINORA_SANITIZED_BIN") else None
SANITIZER_REPORT = re.compile(r"ERROR: (?:Address|Leak)Sanitizer|runtime error:|WARNING: ThreadSanitizer")
PG_URL = os.environ.get("KINORA_TEST_POSTGRES_URL", "")
# Tests know the signing keys, so they can mint tokens and media links the server must
# judge (expired ones, other paths).
JWT_SECRET = "test-secret-" + "k" * 32
MEDIA_SECRET = "media-secret-" + "m" * 32
# A small demo pool, packaged once per test run and shared by every server.
DEMO_CLIPS = ["--demo-clips", "2", "--demo-clip-seconds", "16"]
_media_dir = None


def packaged_media():
    """The media dir with the demo clips (ffmpeg runs once per test session)."""
    global _media_dir
    if _media_dir is None:
        work = Path(tempfile.mkdtemp(prefix="kinora-media-"))
        out = subprocess.run(
            [str(KINORA), "media", "build", "--database-url", f"sqlite:{work}/build.db", "--demo",
             "--media-dir", str(work / "media"), "--log-level", "warn", *DEMO_CLIPS],
            capture_output=True, text=True, timeout=600, cwd=work)
        assert out.returncode == 0, out.stderr + out.stdout
        _media_dir = work / "media"
    return _media_dir

DEMO = {
    "admin": ("admin@ott.test", "admin123"),
    "basic": ("basic@ott.test", "test123"),
    "standard": ("standard@ott.test", "test123"),
    "premium": ("premium@ott.test", "test123"),
    "demo": ("demo@ott.test", "demo123"),
}


def pg_database_url(name):
    base, _, _ = PG_URL.rpartition("/")
    return f"{base}/{name}"


def psql(sql):
    subprocess.run(["psql", PG_URL, "-qAtc", sql], check=True, capture_output=True)


class Server:
    """A running kinora process and an HTTP client for it."""

    def __init__(self, backend, database_url, extra_args=(), workdir=None):
        self.backend = backend
        self.database_url = database_url
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="kinora-api-"))
        self.log_path = self.workdir / "server.log"
        self.http = requests.Session()
        self._tokens = {}
        binary = SANITIZED if SANITIZED and backend == "postgres" else KINORA
        args = [
            str(binary), "serve", "--host", "127.0.0.1", "--port", "0",
            "--database-url", database_url, "--demo",
            "--jwt-secret", JWT_SECRET,
            "--web-root", str(ROOT / "web"),
            "--login-attempts-per-address", "100000",
            "--media-dir", str(packaged_media()), "--media-secret", MEDIA_SECRET, *DEMO_CLIPS,
            *extra_args,
        ]
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, cwd=self.workdir)
        self.port = self._wait_for_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._wait_for_embeddings()

    def _wait_for_embeddings(self, timeout=300):
        """The server listens at once and embeds the catalog in the background; tests of
        recommendations want the vectors, so wait until /readyz says they are all in."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            ready = requests.get(self.base + "/readyz", timeout=30).json()
            if ready.get("encoder", {}).get("startup_embedding", {}).get("status") != "running":
                return
            time.sleep(0.1)
        raise RuntimeError("kinora did not finish embedding the catalog in time")

    def _wait_for_port(self, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kinora exited with {self.proc.returncode}:\n{self.log_path.read_text()}")
            for line in self.log_path.read_text().splitlines():
                if '"msg":"listening"' in line:
                    return json.loads(line)["port"]
            time.sleep(0.05)
        raise RuntimeError("kinora did not start listening in time:\n" + self.log_path.read_text())

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        if SANITIZED:
            log = self.log_path.read_text(errors="replace")
            found = SANITIZER_REPORT.search(log)
            assert not found, f"sanitizer report in {self.log_path}:\n{log[max(0, found.start() - 200):][:6000]}"
        return self.proc.returncode

    # -- HTTP helpers -------------------------------------------------------
    def request(self, method, path, token=None, **kw):
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        validate = kw.pop("validate", True)
        response = self.http.request(method, self.base + path, headers=headers, timeout=30, **kw)
        # Every response any test sees must match the OpenAPI document.
        if validate:
            openapi_validator.check(method, path, response)
        return response

    def get(self, path, token=None, **kw):
        return self.request("GET", path, token, **kw)

    def post(self, path, token=None, **kw):
        return self.request("POST", path, token, **kw)

    def put(self, path, token=None, **kw):
        return self.request("PUT", path, token, **kw)

    def patch(self, path, token=None, **kw):
        return self.request("PATCH", path, token, **kw)

    def delete(self, path, token=None, **kw):
        return self.request("DELETE", path, token, **kw)

    def login(self, email, password, **extra):
        r = self.post("/api/v1/auth/login", json={"email": email, "password": password, **extra})
        assert r.status_code == 200, r.text
        return r.json()

    def token(self, who):
        """Access token of a demo account (cached for the session)."""
        if who not in self._tokens:
            self._tokens[who] = self.login(*DEMO[who])["access_token"]
        return self._tokens[who]

    def kids_token(self, account_token):
        """Access token of a new kids profile ("Kid") on the account."""
        kid = self.post("/api/v1/auth/profiles", account_token, json={"name": "Kid", "kids": True}).json()
        return self.post(f"/api/v1/auth/profiles/{kid['id']}/select", account_token).json()["access_token"]

    def register(self, tier="basic", **extra):
        email = f"user-{secrets.token_hex(6)}@example.test"
        body = {"email": email, "password": "correct horse battery", "tier": tier, **extra}
        r = self.post("/api/v1/auth/register", json=body)
        assert r.status_code == 201, r.text
        return r.json()


def free_port():
    """A loopback port nothing listens on now: chosen at run time, since a fixed one would
    meet another suite's server, cluster or Redis on a shared machine."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(port, workdir=None):
    """A real redis-server on 127.0.0.1:port without persistence, once it accepts
    connections (RuntimeError after 20 s, or when it exits first)."""
    workdir = workdir or tempfile.mkdtemp(prefix="kinora-redis-")
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(workdir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("redis-server did not start")


def backends():
    names = ["sqlite"]
    if PG_URL:
        names.append("postgres")
    elif os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but KINORA_TEST_POSTGRES_URL is not set: PostgreSQL tests would be skipped")
    return names


def start(backend, extra_args=()):
    workdir = tempfile.mkdtemp(prefix=f"kinora-{backend}-")
    if backend == "sqlite":
        url = f"sqlite:{workdir}/kinora.db"
    else:
        name = "kinora_api_" + secrets.token_hex(4)
        psql(f"CREATE DATABASE {name}")
        url = pg_database_url(name)
    return Server(backend, url, extra_args, workdir)


def problem_of(response, status):
    """Asserts an RFC 9457 problem response with this status and returns its body."""
    assert response.status_code == status, f"{response.status_code}: {response.text[:600]}"
    assert response.headers["Content-Type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:kinora:problem:")
    assert body["title"] and body["detail"]
    return body


@pytest.fixture(scope="session", params=backends())
def server(request):
    s = start(request.param)
    yield s
    assert s.stop() == 0, s.log_path.read_text()[-4000:]


@pytest.fixture
def fresh_server(request):
    """A server of its own, for tests that restart it or change its limits (SQLite)."""
    started = []

    def make(*extra_args, backend="sqlite"):
        s = start(backend, extra_args)
        started.append(s)
        return s

    yield make
    for s in started:
        s.stop()
