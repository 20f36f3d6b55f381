"""Durability drills: writes acknowledged with 200 survive a kill -9 of kinora (SQLite,
synchronous=FULL by default) and a crash of PostgreSQL itself (immediate shutdown, on a
cluster with synchronous_commit on: the rest of the suite runs PostgreSQL with it off
for speed, see scripts/pg-test-cluster.sh). Bounded: a fixed count of rounds and writes."""
import os
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
import requests

from conftest import ROOT, Server, free_port, start

CLUSTER = ROOT / "scripts" / "pg-test-cluster.sh"
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


ROUNDS = 3
CLIENTS = 4


def writer(base, token, title_ids, acked, stop):
    """PUTs growing positions; records the last position each title acknowledged."""
    s = requests.Session()
    position = 0
    while not stop.is_set():
        position += 1
        for tid in title_ids:
            try:
                r = s.put(f"{base}/api/v1/viewing/bookmarks/{tid}", json={"position_seconds": position},
                          headers={"Authorization": f"Bearer {token}"}, timeout=10)
            except requests.RequestException:
                return  # the server is gone: what was acknowledged so far is the record
            if r.status_code == 200:
                acked[tid] = position


def drill_round(server, crash):
    token = server.register(tier="premium")["access_token"]
    titles = server.get("/api/v1/catalog/titles", token, params={"type": "movie", "limit": 40}).json()["items"]
    groups = [[t["id"] for t in titles[i::CLIENTS]] for i in range(CLIENTS)]
    acked, stop = {}, threading.Event()
    threads = [threading.Thread(target=writer, args=(server.base, token, g, acked, stop)) for g in groups]
    for t in threads:
        t.start()
    # Crash once a few hundred writes were acknowledged (a count, not a time).
    while sum(acked.values()) < 300 and all(t.is_alive() for t in threads):
        threading.Event().wait(0.01)
    crash()
    stop.set()
    for t in threads:
        t.join(timeout=30)
    assert acked, "no write was acknowledged before the crash"
    return token, acked


def check(server, token, acked):
    for tid, position in acked.items():
        r = server.get(f"/api/v1/viewing/bookmarks/{tid}", token)
        assert r.status_code == 200, r.text
        assert r.json()["position_seconds"] >= position, (tid, position, r.json())


def test_sqlite_keeps_every_acknowledged_write_across_kill_9():
    s = start("sqlite")
    workdir, url = s.workdir, s.database_url
    try:
        for _ in range(ROUNDS):
            token, acked = drill_round(s, lambda: s.proc.send_signal(signal.SIGKILL))
            s.proc.wait(timeout=30)
            s.log.close()
            s = Server("sqlite", url, workdir=workdir)
            check(s, token, acked)
        db = url.removeprefix("sqlite:")
        out = subprocess.run(["sqlite3", db, "PRAGMA integrity_check"], capture_output=True, text=True)
        if out.returncode == 0:  # the sqlite3 shell is optional here
            assert out.stdout.strip() == "ok"
    finally:
        s.stop()


@pytest.mark.skipif(not PG_BIN or not (PG_BIN[-1] / "pg_ctl").exists(),
                    reason="PostgreSQL server binaries not installed")
def test_postgres_with_synchronous_commit_keeps_acknowledged_writes_across_its_crash():
    def as_owner(*cmd):
        if os.getuid() == 0:
            cmd = ("runuser", "-u", "postgres", "--", *cmd)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    cluster = Path(tempfile.mkdtemp(prefix="kinora-pgdurable-"))
    port = free_port()
    pg_ctl = [str(PG_BIN[-1] / "pg_ctl"), "-D", str(cluster / "data"), "-w", "-t", "60"]
    s = None
    try:
        started = subprocess.run([str(CLUSTER), "start", str(cluster), str(port), "durable"],
                                 capture_output=True, text=True, timeout=120)
        assert started.returncode == 0, started.stderr
        url = started.stdout.strip()
        subprocess.run(["psql", url, "-qAtc", "CREATE DATABASE kinora_durable"], check=True, capture_output=True)
        db_url = url.rsplit("/", 1)[0] + "/kinora_durable"
        settings = subprocess.run(["psql", db_url, "-qAtc", "SHOW synchronous_commit"], capture_output=True,
                                  text=True, check=True).stdout.strip()
        assert settings == "on"
        s = Server("postgres", db_url)
        for _ in range(ROUNDS):
            def crash():
                # Immediate shutdown: no checkpoint, what is not in the WAL on disk is gone.
                out = as_owner(*pg_ctl, "-m", "immediate", "stop")
                assert out.returncode == 0, out.stdout + out.stderr
                s.proc.send_signal(signal.SIGKILL)
            token, acked = drill_round(s, crash)
            s.proc.wait(timeout=30)
            s.log.close()
            out = as_owner(*pg_ctl, "-l", str(cluster / "server.log"), "-o",
                           f"-p {port} -k {cluster} -c listen_addresses=127.0.0.1 -c max_connections=200",
                           "start")
            assert out.returncode == 0, out.stdout + out.stderr
            s = Server("postgres", db_url, workdir=s.workdir)
            check(s, token, acked)
    finally:
        if s:
            s.stop()
        subprocess.run([str(CLUSTER), "stop", str(cluster)], capture_output=True, timeout=120)
