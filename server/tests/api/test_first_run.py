"""A real install's first steps outside demo mode: its first admin from the command line,
a model file that no longer matches its sha256 refused (the server starts on the
fallback and says why) rather than silently used, and a data folder it cannot write named
at start with the fix."""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from conftest import KINORA, Server, problem_of


def admin_create(db, email, stdin):
    return subprocess.run([str(KINORA), "admin", "create", email, "--database-url", f"sqlite:{db}",
                           "--log-level", "warn"],
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_the_first_admin_comes_from_the_command_line(tmp_path):
    db = tmp_path / "prod.db"
    short = admin_create(db, "ops@example.test", "short\n")
    assert short.returncode == 1 and "password must be at least 8 characters" in short.stderr, short.stderr
    bad = admin_create(db, "not-an-email", "long enough password\n")
    assert bad.returncode == 1 and "email must be an email address" in bad.stderr, bad.stderr
    assert admin_create(tmp_path / "x.db", "ops@example.test", "").returncode == 1  # no password given
    made = admin_create(db, "Ops@Example.test", "long enough password\n")
    assert made.returncode == 0 and "created admin account" in made.stdout, made.stderr
    again = admin_create(db, "ops@example.test", "")
    assert again.returncode == 0 and "made an admin" in again.stdout

    server = Server("sqlite", f"sqlite:{db}", ["--no-demo"])
    try:
        r = server.post("/api/v1/auth/login", json={"email": "ops@example.test", "password": "long enough password"})
        assert r.status_code == 200, r.text
        ops = r.json()["access_token"]
        assert server.get("/api/v1/admin/stats", ops).status_code == 200
        # An account that already exists is promoted, its password unchanged, none asked for.
        viewer = server.post("/api/v1/auth/register", json={"email": "ann@example.test", "password": "ann's password",
                                                             "profile_name": "Ann"})
        assert viewer.status_code == 201, viewer.text
        problem_of(server.get("/api/v1/admin/stats", viewer.json()["access_token"]), 403)
        promoted = admin_create(db, "ann@example.test", "")
        assert promoted.returncode == 0 and "made an admin: ann@example.test" in promoted.stdout, promoted.stderr
        again = server.post("/api/v1/auth/login", json={"email": "ann@example.test", "password": "ann's password"})
        assert server.get("/api/v1/admin/stats", again.json()["access_token"]).status_code == 200
    finally:
        server.stop()


def test_a_model_file_that_does_not_match_its_sha256_is_not_used(fresh_server, tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"model_type": "bert"}')
    # The sum of another text: the file changed since it was fetched.
    (model / "SHA256SUMS").write_text(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  config.json\n")
    server = fresh_server("--model-dir", str(model))
    encoder = server.get("/readyz").json()["encoder"]
    assert encoder["loaded"] is False and encoder["model"] is None
    assert "config.json does not match its sha256" in encoder["problem"], encoder
    assert "make model" in encoder["problem"]
    log = server.log_path.read_text()
    assert "does not match its sha256" in log and '"fix":"make model"' in log
    # Still serving, on the fallback.
    token = server.register(tier="premium")["access_token"]
    title = server.get("/api/v1/catalog/titles", token, params={"limit": 1}).json()["items"][0]
    body = server.get(f"/api/v1/recommendations/similar/{title['id']}", token).json()
    assert body["source"] == "genres"


def unprivileged():
    """Root writes anywhere: run as nobody, so folder permissions mean what they say."""
    return ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"] if os.geteuid() == 0 else []


def test_a_folder_kinora_cannot_write_is_named_at_start_with_the_fix():
    work = Path(tempfile.mkdtemp(prefix="kinora-readonly-"))
    try:
        work.chmod(0o755)
        locked = work / "locked"
        locked.mkdir(mode=0o555)
        open_dir = work / "open"
        open_dir.mkdir(mode=0o777)
        open_dir.chmod(0o777)
        secrets_args = ["--jwt-secret", "s" * 40, "--media-secret", "m" * 40, "--port", "0"]
        # A copy nobody can run wherever the checkout is.
        kinora = shutil.copy(KINORA, work / "kinora")

        def serve(*args):
            return subprocess.run([*unprivileged(), kinora, "serve", *secrets_args, *args],
                                  capture_output=True, text=True, timeout=60, cwd=work)

        db_folder = serve("--database-url", f"sqlite:{locked}/kinora.db")
        assert db_folder.returncode == 1, db_folder.stderr
        assert f"cannot write the folder {locked} (Permission denied)" in db_folder.stderr
        assert "--database-url sqlite:PATH" in db_folder.stderr and db_folder.stderr.count("\n") == 1

        media = serve("--database-url", f"sqlite:{open_dir}/kinora.db", "--media-dir", str(locked / "media"))
        assert media.returncode == 1 and f"cannot write the folder {locked}/media" in media.stderr, media.stderr
        assert "--media-dir DIR" in media.stderr

        made = subprocess.run([str(KINORA), "migrate", "--database-url", f"sqlite:{open_dir}/kinora.db",
                               "--log-level", "warn"], capture_output=True, text=True, timeout=60)
        assert made.returncode == 0, made.stderr
        (open_dir / "kinora.db").chmod(0o444)
        read_only = serve("--database-url", f"sqlite:{open_dir}/kinora.db", "--media-dir", str(open_dir / "media"))
        assert read_only.returncode == 1, read_only.stderr
        assert f"cannot write the file {open_dir}/kinora.db (Permission denied)" in read_only.stderr
    finally:
        shutil.rmtree(work, ignore_errors=True)
