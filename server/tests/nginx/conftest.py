"""Debian's nginx running deploy/nginx/kinora.conf, on an ephemeral loopback port.

The shipped file is read, its marked values (listen port, media secret, media root,
upstream servers) are substituted, and it is included in a minimal main config whose
pid, logs and temp paths all live in a throw-away directory. A small Python HTTP server
stands in for kinora behind the `kinora` upstream and records the paths it receives.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SITE_CONF = ROOT / "deploy" / "nginx" / "kinora.conf"
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")

SECRET = "test-media-secret_" + "m" * 24
SESSION = "sEss_0123-abcXYZ"
ASSET = "big-buck-bunny"
OTHER_ASSET = "other-asset"
CONTENT_KEY = bytes(range(0x10, 0x20))
# Every file outside big-buck-bunny's own tree contains this; no response may.
SECRET_MARKER = b"TOP-SECRET"


# --- the shipped config, with its marked values substituted ----------------------------

def _sub_once(pattern, replacement, text, what):
    new, n = re.subn(pattern, lambda m: m.group(1) + replacement, text, flags=re.M)
    if n != 1:
        raise AssertionError(f"{SITE_CONF}: expected exactly one {what}, found {n}")
    return new


def render_site_conf(text, *, port, secret, media_root, upstream):
    text = _sub_once(r"^(\s*)listen\s+80;", f"listen 127.0.0.1:{port};", text, "`listen 80;` line")
    text = _sub_once(r'^(\s*)set \$kinora_media_secret "[^"]*";',
                     f'set $kinora_media_secret "{secret}";', text, "media secret line")
    text = _sub_once(r'^(\s*)set \$kinora_media_root "[^"]*";',
                     f'set $kinora_media_root "{media_root}";', text, "media root line")

    blocks = list(re.finditer(r"^upstream kinora \{\n(.*?)^\}", text, flags=re.M | re.S))
    if len(blocks) != 1:
        raise AssertionError(f"{SITE_CONF}: expected one `upstream kinora {{` block, found {len(blocks)}")
    body, n = re.subn(r"^\s*server\s[^;]*;.*\n", "", blocks[0].group(1), flags=re.M)
    if n < 1:
        raise AssertionError(f"{SITE_CONF}: no server line in the upstream block")
    servers = [upstream] if isinstance(upstream, str) else upstream
    body = "".join(f"    server {u};\n" for u in servers) + body
    return text[:blocks[0].start(1)] + body + text[blocks[0].end(1):]


MAIN_CONF = """\
worker_processes 1;
daemon off;
master_process on;
pid {w}/nginx.pid;
error_log {w}/error.log info;

events {{
    worker_connections 256;
}}

http {{
    {mime}
    default_type application/octet-stream;
    access_log {w}/access.log;
    client_body_temp_path {w}/temp/client_body;
    proxy_temp_path {w}/temp/proxy;
    fastcgi_temp_path {w}/temp/fastcgi;
    uwsgi_temp_path {w}/temp/uwsgi;
    scgi_temp_path {w}/temp/scgi;
    sendfile on;

    include {w}/kinora.conf;
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening_port(log_file, timeout=60):
    """The port a `kinora serve --port 0` announced in its log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(r'"msg":"listening".*?"port":(\d+)', Path(log_file).read_text())
        if found:
            return int(found.group(1))
        time.sleep(0.05)
    raise AssertionError(Path(log_file).read_text())


def _children(pid):
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


class Nginx:
    """One nginx master (and its worker) serving kinora.conf; `stop()` always ends both."""

    def __init__(self, workdir, *, media_root, upstream, secret=SECRET):
        self.workdir = Path(workdir)
        (self.workdir / "temp").mkdir(exist_ok=True)
        self.error_log = self.workdir / "error.log"
        self.proc = None
        site = SITE_CONF.read_text()
        main = MAIN_CONF.format(w=self.workdir,
                                mime=f"include {MIME_TYPES};" if MIME_TYPES.exists() else "")
        (self.workdir / "nginx.conf").write_text(main)
        for _ in range(5):  # another process may take the free port before nginx binds it
            self.port = free_port()
            (self.workdir / "kinora.conf").write_text(render_site_conf(
                site, port=self.port, secret=secret, media_root=media_root, upstream=upstream))
            if self._start():
                self.base = f"http://127.0.0.1:{self.port}"
                return
            if "Address already in use" not in self.log():
                break
        raise RuntimeError(f"nginx did not start:\n{self.log()}")

    def log(self):
        return self.error_log.read_text() if self.error_log.exists() else ""

    def _start(self, timeout=10):
        self.error_log.write_text("")
        pidfile = self.workdir / "nginx.pid"
        pidfile.unlink(missing_ok=True)
        self.proc = subprocess.Popen(
            [str(NGINX), "-p", str(self.workdir), "-c", str(self.workdir / "nginx.conf"),
             "-e", str(self.error_log)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            # The pid file is written after the listening socket is bound.
            if pidfile.exists() and pidfile.read_text().strip() == str(self.proc.pid):
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                    return True
                except OSError:
                    pass
            time.sleep(0.02)
        self.stop()
        return False

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        workers = _children(self.proc.pid)
        self.proc.send_signal(signal.SIGTERM)  # fast shutdown; the master waits for its workers
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            for pid in workers + _children(self.proc.pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.proc.kill()
            self.proc.wait()


# --- a stand-in for kinora behind the upstream ------------------------------------------

class _UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.server.requests.append((self.path, dict(self.headers)))
        if self.path.startswith("/media/") and self.path.endswith("/key"):
            body, status = CONTENT_KEY, 200
            headers = {"Content-Type": "application/octet-stream", "Cache-Control": "no-store",
                       # kinora's own CORS answer; nginx replaces it with "*".
                       "Access-Control-Allow-Origin": "https://app.example"}
        else:
            body, status = b"kinora app", 404
            headers = {"Content-Type": "text/plain"}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Upstream:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _UpstreamHandler)
        self.httpd.daemon_threads = True
        self.httpd.requests = []
        self.address = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def requests(self):
        return self.httpd.requests

    def paths(self):
        return [path for path, _ in self.httpd.requests]

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


# --- a packaged asset on disk ------------------------------------------------------------

MASTER = """\
#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",URI="subs/en.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",SUBTITLES="subs"
720p/index.m3u8
"""

RENDITION = """\
#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:6
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-KEY:METHOD=AES-128,URI="../key"
#EXT-X-MAP:URI="init.mp4"
#EXTINF:6.0,
seg_00001.m4s
#EXTINF:6.0,
seg_00002.m4s
#EXT-X-ENDLIST
"""

SUBS_PLAYLIST = """\
#EXTM3U
#EXT-X-TARGETDURATION:12
#EXT-X-PLAYLIST-TYPE:VOD
#EXTINF:12.0,
en.vtt
#EXT-X-ENDLIST
"""

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello.\n"


def build_media_tree(media_root):
    asset = media_root / "hls" / ASSET
    (asset / "720p").mkdir(parents=True)
    (asset / "subs").mkdir()
    (asset / "master.m3u8").write_text(MASTER)
    (asset / "720p" / "index.m3u8").write_text(RENDITION)
    (asset / "720p" / "init.mp4").write_bytes(os.urandom(1200))
    (asset / "720p" / "seg_00001.m4s").write_bytes(os.urandom(300_000))
    (asset / "720p" / "seg_00002.m4s").write_bytes(os.urandom(250_001))
    (asset / "subs" / "en.m3u8").write_text(SUBS_PLAYLIST)
    (asset / "subs" / "en.vtt").write_text(VTT)
    # Outside the asset's own tree (or hidden inside it): never served for this asset.
    (asset / ".hidden").write_bytes(SECRET_MARKER + b" hidden file in the asset dir")
    (media_root / "secret.txt").write_bytes(SECRET_MARKER + b" in the media root")
    (media_root / "hls" / "secret.txt").write_bytes(SECRET_MARKER + b" in hls/")
    (media_root.parent / "secret.txt").write_bytes(SECRET_MARKER + b" next to the media root")
    other = media_root / "hls" / OTHER_ASSET
    other.mkdir()
    (other / "master.m3u8").write_bytes(b"#EXTM3U\n# " + SECRET_MARKER + b" other asset\n")
    # nginx's worker runs as nobody when the tests run as root: everything must be readable.
    for path in [media_root.parent, *media_root.parent.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return asset


# --- fixtures ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def workdir():
    # Not pytest's tmp_path: its parent is 0700, and nginx's worker may run as nobody.
    path = Path(tempfile.mkdtemp(prefix="kinora-nginx-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def media_root(workdir):
    root = workdir / "data" / "media"
    root.mkdir(parents=True)
    build_media_tree(root)
    return root


@pytest.fixture(scope="session")
def upstream():
    up = Upstream()
    yield up
    up.stop()


@pytest.fixture(scope="session")
def nginx(workdir, media_root, upstream):
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is missing (Debian package nginx-light or nginx)")
    run = workdir / "nginx"
    run.mkdir()
    run.chmod(0o755)
    server = Nginx(run, media_root=media_root, upstream=upstream.address)
    yield server
    server.stop()
