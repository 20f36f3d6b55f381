"""Three `kinora serve` instances on one PostgreSQL database and one redis-server behind
Debian's nginx running the shipped deploy/nginx/kinora.conf, and they behave as one:
refresh rotation and reuse detection, stream limits and catalog edits hold across
instances, the co-watch build runs once per interval for all of them, and a mixed
workload through nginx sees no 5xx while one instance is killed and restarted."""
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
import requests

from conftest import NGINX, Nginx, free_port

ROOT = Path(__file__).resolve().parents[3]
KINORA = Path(os.environ.get("KINORA_BIN", ROOT / "build" / "kinora"))
PG_URL = os.environ.get("KINORA_TEST_POSTGRES_URL")
SECRET = "three-instances-share-this-secret-" + "s" * 8
CO_WATCH_INTERVAL = 2


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def answers(url):
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


class Instance:
    """One kinora on a fixed port, so a restarted one is the same nginx upstream."""

    def __init__(self, work, name, args):
        self.log_path = work / f"{name}.log"
        self.args = args
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self):
        with open(self.log_path, "a") as log:
            self.proc = subprocess.Popen([str(KINORA), "serve", "--port", str(self.port), *self.args],
                                         stdout=log, stderr=subprocess.STDOUT)
        wait_until(lambda: self.proc.poll() is None and answers(self.base + "/readyz"), 120,
                   f"kinora on {self.port}: {self.log_path.read_text()[-2000:]}")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture(scope="module")
def deployment():
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is missing")
    if not PG_URL:
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI=true but KINORA_TEST_POSTGRES_URL is not set")
        pytest.skip("KINORA_TEST_POSTGRES_URL is not set")
    work = Path(tempfile.mkdtemp(prefix="kinora-three-"))
    work.chmod(0o755)  # nginx's worker may run as nobody
    name = "kinora_three_" + secrets.token_hex(4)
    subprocess.run(["psql", PG_URL, "-qAtc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    database_url = PG_URL.rpartition("/")[0] + "/" + name
    redis_port = free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(work)], stdout=subprocess.DEVNULL)
    common = ["--database-url", database_url, "--jwt-secret", SECRET, "--media-secret", SECRET,
              "--media-dir", str(work / "media"), "--redis", f"redis://127.0.0.1:{redis_port}/0",
              "--trusted-proxies", "127.0.0.1/32,::1/128", "--refresh-reuse-grace", "1",
              "--co-watch-interval", str(CO_WATCH_INTERVAL), "--login-attempts-per-address", "100000",
              "--demo-clips", "1", "--demo-clip-seconds", "12"]
    # The first seeds the demo and packages its clip; the others join the same deployment.
    instances = [Instance(work, "a", [*common, "--demo"])]
    wait_until(lambda: requests.get(instances[0].base + "/readyz", timeout=5).json()["demo_media"]["status"] == "ready",
               300, "the demo clip")
    instances += [Instance(work, n, [*common, "--no-demo"]) for n in ("b", "c")]
    (work / "nginx").mkdir()
    (work / "nginx").chmod(0o755)
    nginx = Nginx(work / "nginx", media_root=work / "media", secret=SECRET,
                  upstream=[f"127.0.0.1:{i.port} max_fails=3 fail_timeout=10s" for i in instances])
    yield instances, nginx
    nginx.stop()
    codes = [i.stop() for i in instances]
    redis.terminate()
    redis.wait(timeout=10)
    logs = [i.log_path.read_text()[-2000:] for i in instances]
    shutil.rmtree(work, ignore_errors=True)
    assert codes == [0, 0, 0], logs


def login(base, who="premium@ott.test", password="test123"):
    r = requests.post(f"{base}/api/v1/auth/login", json={"email": who, "password": password}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def register(base, tier):
    body = {"email": f"user-{secrets.token_hex(6)}@example.test", "password": "correct horse battery", "tier": tier}
    r = requests.post(f"{base}/api/v1/auth/register", json=body, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def test_refresh_rotation_and_reuse_detection_hold_across_instances(deployment):
    (a, b, c), nginx = deployment
    first = login(a.base)["refresh_token"]
    rotated = requests.post(f"{b.base}/api/v1/auth/refresh", json={"refresh_token": first}, timeout=10)
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()["refresh_token"]
    time.sleep(2.2)  # past --refresh-reuse-grace 1 (whole seconds): a reuse now is theft
    reuse = requests.post(f"{c.base}/api/v1/auth/refresh", json={"refresh_token": first}, timeout=10)
    assert reuse.status_code == 401, reuse.text
    # The whole family went with it, wherever its newest token is tried next.
    assert requests.post(f"{a.base}/api/v1/auth/refresh", json={"refresh_token": second},
                         timeout=10).status_code == 401
    # Through nginx, a fresh sign-in works and is counted against the client, not nginx.
    assert login(nginx.base)["access_token"]


def test_stream_limits_hold_across_instances(deployment):
    (a, b, c), nginx = deployment
    token = register(a.base, "basic")["access_token"]
    movie = requests.get(f"{a.base}/api/v1/catalog/titles", headers=bearer(token),
                         params={"type": "movie", "limit": 1}, timeout=10).json()["items"][0]
    first = requests.post(f"{b.base}/api/v1/playback/sessions", headers=bearer(token),
                          json={"title_id": movie["id"]}, timeout=10)
    assert first.status_code == 201, first.text
    for other in (a, c, nginx):
        full = requests.post(f"{other.base}/api/v1/playback/sessions", headers=bearer(token),
                             json={"title_id": movie["id"]}, timeout=10)
        assert full.status_code == 429 and full.json()["type"].endswith(":stream-limit"), full.text
    assert requests.delete(f"{c.base}/api/v1/playback/sessions/{first.json()['id']}", headers=bearer(token),
                           timeout=10).status_code == 204
    assert requests.post(f"{a.base}/api/v1/playback/sessions", headers=bearer(token),
                         json={"title_id": movie["id"]}, timeout=10).status_code == 201


def test_an_admin_edit_is_seen_by_the_next_request_on_every_instance(deployment):
    instances, nginx = deployment
    admin = login(nginx.base, "admin@ott.test", "admin123")["access_token"]
    viewer = login(nginx.base)["access_token"]
    tid = requests.get(f"{nginx.base}/api/v1/catalog/titles", headers=bearer(viewer), params={"limit": 1},
                       timeout=10).json()["items"][0]["id"]

    def name_on(i):
        return requests.get(f"{i.base}/api/v1/catalog/titles/{tid}", headers=bearer(viewer), timeout=10).json()["title"]

    for round_ in range(3):
        for i in instances:
            name_on(i), name_on(i)  # cached on every instance
        name = f"Seen everywhere {round_}"
        r = requests.patch(f"{nginx.base}/api/v1/admin/titles/{tid}", headers=bearer(admin), json={"title": name},
                           timeout=10)
        assert r.status_code == 200, r.text
        assert [name_on(i) for i in instances] == [name] * 3


def builds(instances):
    """When any instance logged a co-watch build (unix seconds), in order."""
    times = []
    for i in instances:
        for line in i.log_path.read_text().splitlines():
            if '"co-watch neighbours built"' in line:
                stamp = json.loads(line)["ts"].replace("Z", "+00:00")
                times.append(datetime.fromisoformat(stamp).timestamp())
    return sorted(times)


def test_the_co_watch_build_runs_once_per_interval_for_the_deployment(deployment):
    instances, _ = deployment
    start = len(builds(instances))
    time.sleep(3 * CO_WATCH_INTERVAL + 1)
    times = builds(instances)
    assert len(times) - start >= 2, times  # it does run, on some instance
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    # Three instances each checking every interval, yet never two builds in one interval.
    assert min(gaps) >= CO_WATCH_INTERVAL - 1, times


def mixed_workload(base, token, movie_id, session_id, count, meanwhile=None, at=0, workers=8):
    """`count` valid idempotent reads and writes through nginx, running `meanwhile()` once
    `at` of them have been answered; returns (status counts, errors)."""
    calls = [
        ("GET", "/api/v1/catalog/titles", {"params": {"limit": 20}}),
        ("GET", f"/api/v1/catalog/titles/{movie_id}", {}),
        ("GET", "/api/v1/catalog/search", {"params": {"q": "space"}}),
        ("GET", "/api/v1/recommendations/home", {}),
        ("GET", "/api/v1/epg/grid", {}),
        ("PUT", f"/api/v1/viewing/watchlist/{movie_id}", {}),
        ("PUT", f"/api/v1/playback/sessions/{session_id}", {"json": {"position_seconds": 5}}),
    ]
    statuses, errors = {}, []
    lock = threading.Lock()
    local = threading.local()

    def one(n):
        method, path, kw = calls[n % len(calls)]
        if not hasattr(local, "http"):
            local.http = requests.Session()
        try:
            r = local.http.request(method, base + path, headers=bearer(token), timeout=30, **kw)
            outcome = r.status_code, f"{method} {path}: {r.status_code} {r.text[:300]}"
        except requests.RequestException as e:
            outcome = None, f"{method} {path}: {e}"
        with lock:
            if outcome[0] is not None:
                statuses[outcome[0]] = statuses.get(outcome[0], 0) + 1
            if outcome[0] is None or outcome[0] >= 400:  # every call here is valid: a 4xx is a bug too
                errors.append(outcome[1])
            answered = sum(statuses.values()) + len(errors)
        if meanwhile and answered == at:
            meanwhile()  # on this worker, while the others keep sending

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(count)))
    return statuses, errors


def requests_served(instance):
    return instance.log_path.read_text().count('"msg":"request"')


def test_no_5xx_while_an_instance_is_killed_and_restarted(deployment):
    (a, b, c), nginx = deployment
    token = login(nginx.base, "standard@ott.test")["access_token"]
    for s in requests.get(f"{nginx.base}/api/v1/playback/sessions", headers=bearer(token), timeout=10).json()["items"]:
        requests.delete(f"{nginx.base}/api/v1/playback/sessions/{s['id']}", headers=bearer(token), timeout=10)
    movie = requests.get(f"{nginx.base}/api/v1/catalog/titles", headers=bearer(token),
                         params={"type": "movie", "limit": 1}, timeout=10).json()["items"][0]
    session = requests.post(f"{nginx.base}/api/v1/playback/sessions", headers=bearer(token),
                            json={"title_id": movie["id"]}, timeout=10)
    assert session.status_code == 201, session.text
    run = lambda count, **kw: mixed_workload(nginx.base, token, movie["id"], session.json()["id"], count, **kw)

    # SIGKILL mid-workload: the requests in flight on it die with it, and nginx sends those
    # (all idempotent) and every later one to the two others.
    statuses, errors = run(2000, meanwhile=b.kill, at=300)
    assert b.proc.poll() is not None
    assert errors == [], (statuses, errors[:10])
    assert sum(statuses.values()) == 2000 and set(statuses) <= {200, 204}, statuses

    # Restarted on its port, it takes its share again once nginx tries it (fail_timeout
    # in the shipped upstream block: 10 s after it was marked down).
    b.start()
    before = requests_served(b)
    deadline = time.monotonic() + 30
    while requests_served(b) - before < 50:
        assert time.monotonic() < deadline, "nginx sent the restarted instance nothing in 30 s"
        statuses, errors = run(200)
        assert errors == [] and sum(statuses.values()) == 200, (statuses, errors[:10])
