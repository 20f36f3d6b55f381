"""Sign-in throttling (issue 18, item 10): failures slow down one account from one address
(growing Retry-After), never the owner elsewhere; an address failing across accounts is
stopped; X-Forwarded-For counts only from --trusted-proxies; with --redis, instances
count the same failures. Two instances on one real redis-server."""
import json
import socket
import subprocess
import tempfile
import time

import pytest

from conftest import DEMO, Server, backends, free_port, problem_of, start

LOGIN = "/api/v1/auth/login"
PASSWORD = "correct horse battery"


def login(s, email, password, address=None):
    headers = {"X-Forwarded-For": address} if address else {}
    return s.post(LOGIN, json={"email": email, "password": password}, headers=headers)


def fail_until_throttled(s, email, address=None, limit=8):
    """Wrong passwords until the first 429; returns it. Five are free."""
    for i in range(limit):
        r = login(s, email, "wrong-password", address)
        if r.status_code == 429:
            assert i >= 5, f"throttled after {i} failures"
            return r
        problem_of(r, 401)
    raise AssertionError(f"no 429 after {limit} failures")


def clients_seen(s, expected=()):
    """The request log's client addresses, as the server derived them (waiting a little
    for the log to catch up with `expected`)."""
    deadline = time.monotonic() + 10
    while True:
        seen = set()
        for line in s.log_path.read_text().splitlines():
            if line.startswith("{") and '"client"' in line:
                seen.add(json.loads(line)["client"])
        if set(expected) <= seen or time.monotonic() > deadline:
            return seen
        time.sleep(0.1)


@pytest.mark.parametrize("backend", backends())
def test_failures_slow_one_pair_down_with_growing_delays(fresh_server, backend):
    s = fresh_server(backend=backend)
    email = s.register()["account"]["email"]
    r = fail_until_throttled(s, email)
    # Held even with the right password: guessing while waiting learns nothing.
    held = problem_of(login(s, email, PASSWORD), 429)
    assert "try again" in held["detail"]
    waits = [int(r.headers["Retry-After"])]
    # Each failure after waiting out the delay doubles it: 1, 2, 4 s.
    for _ in range(8):
        time.sleep(waits[-1] + 0.1)
        r = login(s, email, "wrong-password")
        problem_of(r, 401)
        r = login(s, email, "wrong-password")
        if r.status_code == 401:  # a slow machine let the delay pass meanwhile
            continue
        problem_of(r, 429)
        waits.append(int(r.headers["Retry-After"]))
        if len(waits) == 3:
            break
    assert waits == sorted(waits) and waits[-1] > waits[0], waits
    assert waits[0] == 1, waits
    time.sleep(waits[-1] + 0.1)
    # A success resets the pair: five free failures again.
    assert login(s, email, PASSWORD).status_code == 200
    for _ in range(5):
        problem_of(login(s, email, "wrong-password"), 401)


def test_the_owner_elsewhere_is_not_held_up(fresh_server):
    s = fresh_server("--trusted-proxies", "127.0.0.1/32")
    email = s.register()["account"]["email"]
    r = fail_until_throttled(s, email, "203.0.113.66")
    assert int(r.headers["Retry-After"]) >= 1
    assert login(s, email, PASSWORD, "198.51.100.7").status_code == 200
    problem_of(login(s, email, PASSWORD, "203.0.113.66"), 429)


def test_an_address_failing_across_accounts_is_stopped(fresh_server):
    s = fresh_server("--trusted-proxies", "127.0.0.1/32", "--login-attempts-per-address", "3")
    for i in range(3):
        problem_of(login(s, f"nobody{i}@example.test", "whatever1", "203.0.113.5"), 401)
    r = login(s, *DEMO["basic"], "203.0.113.5")
    problem_of(r, 429)
    assert 1 <= int(r.headers["Retry-After"]) <= 300
    # Another address, and the same account, are fine.
    assert login(s, *DEMO["basic"], "203.0.113.6").status_code == 200


def test_a_forged_forwarded_for_is_ignored_from_an_untrusted_peer(fresh_server):
    s = fresh_server()  # trusts nobody
    email = s.register()["account"]["email"]
    fail_until_throttled(s, email, "203.0.113.1")
    # Claiming another address changes nothing: the peer (127.0.0.1) is the client.
    problem_of(login(s, email, PASSWORD, "198.51.100.2"), 429)
    assert clients_seen(s, {"127.0.0.1"}) == {"127.0.0.1"}


def test_a_trusted_proxy_is_believed_up_to_the_first_untrusted_hop(fresh_server):
    s = fresh_server("--trusted-proxies", "127.0.0.1/32,10.0.0.0/8,::1/128")
    email = s.register()["account"]["email"]
    # The client wrote "192.0.2.9" itself; 203.0.113.1 is what the proxy saw, 10.1.1.1 an
    # inner proxy.
    fail_until_throttled(s, email, "192.0.2.9, 203.0.113.1, 10.1.1.1")
    problem_of(login(s, email, PASSWORD, "203.0.113.1"), 429)
    assert login(s, email, PASSWORD, "192.0.2.9, 198.51.100.3").status_code == 200
    seen = clients_seen(s, {"203.0.113.1", "198.51.100.3"})
    assert {"203.0.113.1", "198.51.100.3"} <= seen and "192.0.2.9" not in seen, seen


def locked_profile(s, token):
    r = s.post("/api/v1/auth/profiles", token, json={"name": "Locked", "pin": "4321"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def select(s, token, profile, pin):
    return s.post(f"/api/v1/auth/profiles/{profile}/select", token, json={"pin": pin})


def test_wrong_pins_are_limited_per_profile(server):
    token = server.register()["access_token"]
    profile = locked_profile(server, token)
    for _ in range(5):
        assert problem_of(select(server, token, profile, "0000"), 403)["type"].endswith("invalid-pin")
    r = select(server, token, profile, "4321")
    problem_of(r, 429)
    assert 1 <= int(r.headers["Retry-After"]) <= 15 * 60


def test_a_bad_trusted_proxy_range_is_refused_at_start():
    from conftest import KINORA
    out = subprocess.run([str(KINORA), "serve", "--trusted-proxies", "127.0.0.1/33,localhost",
                          "--port", "0"], capture_output=True, text=True, timeout=30)
    assert out.returncode != 0
    assert "127.0.0.1/33" in out.stderr and "localhost" in out.stderr, out.stderr


# --- two instances on one Redis ---------------------------------------------------------

@pytest.fixture(scope="module")
def redis_url():
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", tempfile.mkdtemp(prefix="kinora-redis-")],
                            stdout=subprocess.DEVNULL)
    deadline = time.time() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("backend", backends())
def test_instances_on_one_redis_count_the_same_failures(redis_url, backend):
    url = f"{redis_url}/{3 + backends().index(backend)}"
    extra = ["--redis", url, "--trusted-proxies", "127.0.0.1/32"]
    a = start(backend, extra)
    b = Server(backend, a.database_url, [*extra, "--no-demo"])
    try:
        email = a.register()["account"]["email"]
        # Failures alternate between the instances; the sixth is refused on either.
        for i in range(5):
            problem_of(login((a, b)[i % 2], email, "wrong-password", "203.0.113.20"), 401)
        r = problem_of(login(b, email, PASSWORD, "203.0.113.20"), 429)
        assert r["status"] == 429
        problem_of(login(a, email, PASSWORD, "203.0.113.20"), 429)
        # The owner elsewhere signs in on both.
        assert login(a, email, PASSWORD, "198.51.100.20").status_code == 200
        token = login(b, email, PASSWORD, "198.51.100.21").json()["access_token"]
        # Wrong PINs too are counted once for the deployment.
        profile = locked_profile(a, token)
        for i in range(5):
            problem_of(select((a, b)[i % 2], token, profile, "0000"), 403)
        problem_of(select(b, token, profile, "4321"), 429)
    finally:
        for s in (a, b):
            assert s.stop() == 0, s.log_path.read_text()[-3000:]
