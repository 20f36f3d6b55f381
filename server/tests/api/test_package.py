"""The Debian package (issue 15 item 7): `scripts/package.sh` builds it, its file list is
what the server needs, lintian finds no errors, and it installs into a throw-away root
(`dpkg --root DIR --force-script-chrootless`: the maintainer scripts run on this machine
but write only under DIR, and never call systemd), where the installed binary serves the
web apps, the API reference and /healthz from its own prefix against SQLite on loopback.
An upgrade keeps the generated secrets; remove keeps settings and data; purge leaves
nothing of the package behind. The machine's own root is never touched.
"""
import hashlib
import os
import shutil
import subprocess
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from conftest import free_port

ROOT = Path(__file__).resolve().parents[3]
HOST_PATHS = [Path("/etc/kinora"), Path("/var/lib/kinora"), Path("/usr/share/kinora")]


@pytest.fixture(scope="module")
def deb():
    tools = ["dpkg-deb", "dpkg-shlibdeps", "lintian"] + (["fakeroot"] if os.geteuid() else [])
    for tool in tools:
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: scripts/install-deps.sh --test installs it")
    out = subprocess.run([str(ROOT / "scripts" / "package.sh")], capture_output=True, text=True,
                         timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    path = ROOT / out.stdout.strip().splitlines()[-1]
    assert path.is_file(), out.stdout
    return path


def dpkg_field(deb, field):
    return subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_file_list_holds_server_web_apps_docs_and_unit(deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    entries = {}
    for line in listing.splitlines():
        mode, owner, _size, _date, _time, name = line.split(None, 5)
        entries[name.removeprefix(".")] = (mode, owner)
    for path in ["/usr/bin/kinora", "/usr/bin/kinora-fetch-model",
                 "/usr/share/kinora/web/client/dist/index.html",
                 "/usr/share/kinora/web/admin/dist/index.html",
                 "/usr/share/kinora/web/docs/dist/index.html",
                 "/usr/share/kinora/web/docs/dist/swagger-ui-bundle.js",
                 "/usr/share/kinora/kinora.env.in", "/lib/systemd/system/kinora.service",
                 "/usr/share/doc/kinora/copyright", "/usr/share/doc/kinora/README.Debian",
                 "/usr/share/doc/kinora/changelog.gz", "/usr/share/man/man1/kinora.1.gz"]:
        assert path in entries, f"{path} is not in the package"
    assert entries["/usr/bin/kinora"][0] == "-rwxr-xr-x"
    assert all(owner == "root/root" for _, owner in entries.values())
    # Settings and data are made by postinst, never shipped: an upgrade cannot overwrite them.
    assert not [p for p in entries if p.startswith(("/etc/", "/var/"))]
    assert not [p for p in entries if p.endswith(".map")], "source maps are for developers"

    depends = dpkg_field(deb, "Depends")
    for package in ["libboost-json1.81.0", "libsqlite3-0", "libpq5", "libsodium23", "libutf8proc2",
                    "libxml2", "libopenblas0", "libssl3", "libhiredis0.14", "ffmpeg",
                    "fonts-dejavu-core", "adduser"]:
        assert package in depends, f"Depends lacks {package}: {depends}"
    # Every dependency exists on this Debian 12 machine (the installed binary runs on them).
    for name in {d.split()[0] for d in depends.split(", ")}:
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True,
                                text=True).stdout
        assert "install ok installed" in status, f"{name} from Depends is not a Debian package here"


def test_lintian_reports_no_errors(deb):
    out = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb)], capture_output=True,
                         text=True, timeout=300)
    tags = [line for line in out.stdout.splitlines() if line[:2] in ("E:", "W:")]
    (ROOT / "build" / "lintian.log").write_text(out.stdout)
    for line in tags:
        if line.startswith("W:"):
            warnings.warn(f"lintian: {line}")
    assert not [line for line in tags if line.startswith("E:")], out.stdout
    assert out.returncode == 0, out.stdout + out.stderr


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def files_under(root):
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_installs_into_throwaway_root_serves_and_purges_cleanly(deb, tmp_path):
    host_before = {p: p.exists() for p in HOST_PATHS}
    root = tmp_path / "root"
    admin = root / "var/lib/dpkg"
    for d in (admin / "info", admin / "updates", root / "etc"):
        d.mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    # The minimal user databases the postinst's useradd --prefix adds kinora to.
    (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (root / "etc/group").write_text("root:x:0:\n")
    for name, line in (("shadow", "root:*:19000:0:99999:7:::\n"), ("gshadow", "root:*::\n")):
        (root / "etc" / name).write_text(line)
        (root / "etc" / name).chmod(0o600)
    seeded = files_under(root)

    # Depends are checked above against this machine; the empty root has no packages.
    fakeroot = [] if os.geteuid() == 0 else ["fakeroot"]
    dpkg = [*fakeroot, "dpkg", f"--root={root}", f"--log={tmp_path}/dpkg.log",
            "--force-script-chrootless", "--force-depends", "--force-not-root"]

    def run_dpkg(*args):
        out = subprocess.run([*dpkg, *args], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stdout + out.stderr
        return out

    run_dpkg("-i", str(deb))
    env_file = root / "etc/kinora/kinora.env"
    env = dict(line.split("=", 1) for line in env_file.read_text().splitlines()
               if line and not line.startswith("#"))
    assert env["KINORA_DATABASE_URL"] == "sqlite:/var/lib/kinora/kinora.db"
    assert env["KINORA_MEDIA_DIR"] == "/var/lib/kinora/media"
    assert env["KINORA_MODEL_DIR"] == "/var/lib/kinora/models/all-MiniLM-L6-v2"
    assert (env["KINORA_HOST"], env["KINORA_PORT"]) == ("127.0.0.1", "8000")
    assert len(env["KINORA_JWT_SECRET"]) >= 32 and len(env["KINORA_MEDIA_SECRET"]) >= 32
    assert env["KINORA_JWT_SECRET"] != env["KINORA_MEDIA_SECRET"]
    kinora = next(l for l in (root / "etc/passwd").read_text().splitlines()
                  if l.startswith("kinora:")).split(":")
    assert kinora[5:] == ["/var/lib/kinora", "/usr/sbin/nologin"]
    gid = next(l for l in (root / "etc/group").read_text().splitlines()
               if l.startswith("kinora:")).split(":")[2]
    st = env_file.stat()
    if not fakeroot:  # under fakeroot the ownership is only pretended
        assert (oct(st.st_mode & 0o777), st.st_uid, str(st.st_gid)) == ("0o640", 0, gid)
        data = (root / "var/lib/kinora").stat()
        assert (str(data.st_uid), str(data.st_gid)) == (kinora[2], gid)

    # An upgrade (the same files as a later version) keeps settings and secrets.
    digest = hashlib.sha256(env_file.read_bytes()).hexdigest()
    tree = tmp_path / "next"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tree)], check=True)
    control = tree / "DEBIAN/control"
    version = dpkg_field(deb, "Version")
    control.write_text(control.read_text().replace(f"Version: {version}\n",
                                                   f"Version: {version}.1\n"))
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-b", str(tree),
                    str(tmp_path / "next.deb")], check=True, capture_output=True)
    run_dpkg("-i", str(tmp_path / "next.deb"))
    installed = subprocess.run(["dpkg-query", f"--admindir={admin}", "-W", "-f=${Version}",
                                "kinora"], capture_output=True, text=True, check=True).stdout
    assert installed == f"{version}.1"
    assert hashlib.sha256(env_file.read_bytes()).hexdigest() == digest

    binary = root / "usr/bin/kinora"
    unit = (root / "lib/systemd/system/kinora.service").read_text()
    for line in ("User=kinora", "EnvironmentFile=/etc/kinora/kinora.env", "StateDirectory=kinora",
                 "ExecStart=/usr/bin/kinora serve", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "ReadWritePaths=/var/lib/kinora", "PrivateTmp=yes", "Restart=on-failure"):
        assert line in unit.splitlines(), f"kinora.service lacks {line}"
    if shutil.which("systemd-analyze"):  # an offline syntax check; no systemd manager is asked
        copy = tmp_path / "kinora.service"
        copy.write_text(unit.replace("/usr/bin/kinora", str(binary)))
        out = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True,
                             text=True, timeout=30)
        assert out.returncode == 0 and not out.stderr.strip(), out.stderr
    out = subprocess.run([str(binary), "--help"], capture_output=True, text=True, timeout=10)
    assert out.returncode == 0 and "kinora serve" in out.stdout

    # The package's settings, with its absolute paths moved into the throw-away root; the
    # web root is not given: the binary must find /usr/share/kinora/web from its own path.
    port = free_port()
    data = root / "var/lib/kinora"
    serve_env = {k: v for k, v in os.environ.items() if not k.startswith("KINORA_")}
    serve_env.update(env)
    serve_env.update(KINORA_PORT=str(port), KINORA_DATABASE_URL=f"sqlite:{data}/kinora.db",
                     KINORA_MEDIA_DIR=str(data / "media"),
                     KINORA_MODEL_DIR=str(data / "models/all-MiniLM-L6-v2"),
                     KINORA_LOG_LEVEL="warn")
    with open(tmp_path / "serve.log", "w") as log:
        server = subprocess.Popen([str(binary), "serve"], env=serve_env, cwd=data, stdout=log,
                                  stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "no /healthz within 30 s"
            time.sleep(0.2)
        web = root / "usr/share/kinora/web"
        for path, app in (("/", "client"), ("/admin/", "admin"), ("/docs/", "docs")):
            status, body = get(base + path)
            assert status == 200, f"GET {path}: {status}"
            assert body == (web / app / "dist/index.html").read_bytes(), f"GET {path} is not {app}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert (data / "kinora.db").exists()

    # remove keeps settings and data; purge deletes them and everything the package shipped.
    run_dpkg("--remove", "kinora")
    assert env_file.exists() and (data / "kinora.db").exists()
    assert not binary.exists()
    run_dpkg("--purge", "kinora")
    left = files_under(root) - seeded
    # What remains is dpkg's own bookkeeping and the kinora user (kept, as Debian does).
    left = {p for p in left if not p.startswith("var/lib/dpkg")
            and p not in ("etc/passwd-", "etc/group-", "etc/shadow-", "etc/gshadow-")}
    assert not left, sorted(left)
    assert not (root / "etc/kinora").exists() and not data.exists()
    assert not (root / "usr/share/kinora").exists()
    assert {p: p.exists() for p in HOST_PATHS} == host_before, "the real root was touched"
