"""Signed media URLs served by Debian's nginx with deploy/nginx/kinora.conf.

nginx checks the signature (secure_link), serves packaged files from
{media_root}/hls/{asset}/ and passes only {asset}/key to kinora (here a stand-in).
"""
import http.client
import re
import time
from urllib.parse import urljoin

import pytest
import requests

from conftest import (ASSET, CONTENT_KEY, OTHER_ASSET, SECRET, SECRET_MARKER, SESSION,
                      SITE_CONF, render_site_conf)
from media_signing import media_path, media_url, sign

IMMUTABLE = "public, max-age=31536000, immutable"


def expires_in(seconds=3600):
    return int(time.time()) + seconds


def url(nginx, file, *, secret=SECRET, expires=None, session=SESSION, asset=ASSET):
    return media_url(nginx.base, secret, expires or expires_in(), session, asset, file)


def raw_get(nginx, path, method="GET"):
    """Send `path` exactly as given (no client-side normalisation of '..' or escapes)."""
    conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    try:
        conn.request(method, path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def asset_file(media_root, name):
    return (media_root / "hls" / ASSET / name).read_bytes()


# --- the shipped file ----------------------------------------------------------------

def test_values_to_change_appear_once():
    text = SITE_CONF.read_text()
    assert text.count('"CHANGE-ME"') == 1
    assert text.count("/var/lib/kinora/media") == 1
    assert len(re.findall(r"^\s*listen\s", text, flags=re.M)) == 1
    rendered = render_site_conf(text, port=1234, secret="s3cret", media_root="/srv/m",
                                upstream="127.0.0.1:9")
    assert "CHANGE-ME" not in rendered and "/var/lib/kinora/media" not in rendered
    assert "listen 127.0.0.1:1234;" in rendered
    upstream_block = re.search(r"^upstream kinora \{\n(.*?)^\}", rendered, re.M | re.S).group(1)
    assert re.findall(r"^\s*server\s+(\S+);", upstream_block, re.M) == ["127.0.0.1:9"]


def test_signature_matches_nginx_secure_link_md5_format():
    # base64url(MD5("2147483647/abc/movie-1 s")) without padding, computed with openssl.
    assert sign("s", 2147483647, "abc", "movie-1") == "MOJW42BZjK7ZWN2QkoJ3uQ"
    with pytest.raises(ValueError):
        media_path("s", 1, "abc", "movie-1", "../secret.txt")
    with pytest.raises(ValueError):
        sign("s", 1, "a/b", "movie-1")


# --- valid links ---------------------------------------------------------------------

def test_playlist(nginx, media_root):
    r = requests.get(url(nginx, "master.m3u8"), headers={"Origin": "https://player.example"})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/vnd.apple.mpegurl"
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.headers["Access-Control-Expose-Headers"] == "Content-Length, Content-Range"
    assert r.headers["Cache-Control"] == "public, max-age=60"
    assert r.content == asset_file(media_root, "master.m3u8")


def test_segment(nginx, media_root):
    r = requests.get(url(nginx, "720p/seg_00001.m4s"))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "video/iso.segment"
    assert r.headers["Cache-Control"] == IMMUTABLE
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.headers["Accept-Ranges"] == "bytes"
    assert r.content == asset_file(media_root, "720p/seg_00001.m4s")


@pytest.mark.parametrize("file, content_type, cache", [
    ("720p/init.mp4", "video/mp4", IMMUTABLE),
    ("720p/index.m3u8", "application/vnd.apple.mpegurl", "public, max-age=60"),
    ("subs/en.vtt", "text/vtt", "public, max-age=60"),
])
def test_types_and_caching(nginx, media_root, file, content_type, cache):
    r = requests.get(url(nginx, file))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == content_type
    assert r.headers["Cache-Control"] == cache
    assert r.content == asset_file(media_root, file)


def test_one_signature_serves_the_whole_asset(nginx, upstream):
    """A player follows relative URIs from the master playlist; the prefix keeps the signature."""
    master = url(nginx, "master.m3u8")
    fetched, todo = set(), [master]
    while todo:
        u = todo.pop()
        if u in fetched:
            continue
        fetched.add(u)
        r = requests.get(u)
        assert r.status_code == 200, u
        if u.endswith(".m3u8"):
            for line in r.text.splitlines():
                refs = re.findall(r'URI="([^"]+)"', line) if line.startswith("#") else [line]
                todo += [urljoin(u, ref) for ref in refs if ref]
    names = sorted(u.split(f"/{ASSET}/", 1)[1] for u in fetched)
    assert names == ["720p/index.m3u8", "720p/init.mp4", "720p/seg_00001.m4s",
                     "720p/seg_00002.m4s", "key", "master.m3u8", "subs/en.m3u8", "subs/en.vtt"]


# --- Range ---------------------------------------------------------------------------

@pytest.mark.parametrize("header, start, end", [
    ("bytes=0-99", 0, 99),
    ("bytes=100-", 100, None),
    ("bytes=-50", -50, None),
])
def test_range(nginx, media_root, header, start, end):
    data = asset_file(media_root, "720p/seg_00002.m4s")
    size = len(data)
    r = requests.get(url(nginx, "720p/seg_00002.m4s"), headers={"Range": header})
    assert r.status_code == 206
    expected = data[start:] if end is None else data[start:end + 1]
    first = start % size
    assert r.headers["Content-Range"] == f"bytes {first}-{first + len(expected) - 1}/{size}"
    assert r.headers["Content-Length"] == str(len(expected))
    assert r.content == expected
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.headers["Cache-Control"] == IMMUTABLE


def test_range_unsatisfiable(nginx, media_root):
    size = len(asset_file(media_root, "720p/seg_00002.m4s"))
    r = requests.get(url(nginx, "720p/seg_00002.m4s"), headers={"Range": f"bytes={size}-"})
    assert r.status_code == 416
    assert r.headers["Content-Range"] == f"bytes */{size}"
    assert r.headers["Access-Control-Allow-Origin"] == "*"


# --- refused signatures ----------------------------------------------------------------

def _tamper(sig):
    return ("A" if sig[0] != "A" else "B") + sig[1:]


def bad_links(nginx):
    exp = expires_in()
    good = sign(SECRET, exp, SESSION, ASSET)
    file = "720p/seg_00001.m4s"
    return {
        "tampered": f"/media/{_tamper(good)}/{exp}/{SESSION}/{ASSET}/{file}",
        "other asset's signature": f"/media/{sign(SECRET, exp, SESSION, OTHER_ASSET)}/{exp}/{SESSION}/{ASSET}/{file}",
        "other session's signature": f"/media/{sign(SECRET, exp, 'other_session', ASSET)}/{exp}/{SESSION}/{ASSET}/{file}",
        "expires extended": f"/media/{good}/{exp + 3600}/{SESSION}/{ASSET}/{file}",
        "wrong secret": media_path("not-the-secret", exp, SESSION, ASSET, file),
        "expired": media_path(SECRET, int(time.time()) - 60, SESSION, ASSET, file),
        "padded signature": f"/media/{good}==/{exp}/{SESSION}/{ASSET}/{file}",
        "signature not base64url": f"/media/{good[:-1]}+/{exp}/{SESSION}/{ASSET}/{file}",
        "no expiry": f"/media/{good}/{SESSION}/{ASSET}/{file}",
        "malformed": "/media/garbage",
    }


@pytest.mark.parametrize("case", [
    "tampered", "other asset's signature", "other session's signature", "expires extended",
    "wrong secret", "expired", "padded signature", "signature not base64url", "no expiry",
    "malformed",
])
def test_bad_signature_is_403(nginx, case):
    r = requests.get(nginx.base + bad_links(nginx)[case])
    assert r.status_code == 403
    assert r.headers["Access-Control-Allow-Origin"] == "*"  # the player sees the status
    assert "Cache-Control" not in r.headers
    assert b"\x00" not in r.content and len(r.content) < 1000


def test_expired_by_one_second_is_403_and_fresh_is_200(nginx):
    assert requests.get(url(nginx, "master.m3u8", expires=int(time.time()) - 1)).status_code == 403
    assert requests.get(url(nginx, "master.m3u8", expires=int(time.time()) + 5)).status_code == 200


def test_missing_file_is_404(nginx):
    r = requests.get(url(nginx, "720p/seg_99999.m4s"))
    assert r.status_code == 404
    assert "Cache-Control" not in r.headers
    assert requests.get(url(nginx, "nope/master.m3u8")).status_code == 404


def test_missing_asset_is_404(nginx):
    assert requests.get(url(nginx, "master.m3u8", asset="no-such-asset")).status_code == 404


# --- traversal -----------------------------------------------------------------------

TRAVERSALS = {
    # nginx resolves '..' (also when percent-encoded) before matching locations.
    "/../secret.txt": 403,                              # -> /media/{sig}/{exp}/{sess}/secret.txt
    "/../../../secret.txt": 403,
    "/../../../../../secret.txt": 403,                  # -> /secret.txt, proxied to kinora
    "/../other-asset/master.m3u8": 403,                 # signed for big-buck-bunny, not other-asset
    "/720p/../../other-asset/master.m3u8": 403,
    "/%2e%2e/secret.txt": 403,
    "/%2E%2E%2Fsecret.txt": 403,
    "/..%2fsecret.txt": 403,
    "/720p/%2e%2e/%2e%2e/%2e%2e/secret.txt": 403,
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt": 400,  # above '/'
    "/%252e%252e/secret.txt": 403,                      # '%' is not a path character
    "/..\\secret.txt": 403,
    "/.hidden": 403,                                    # hidden files never match
    "/720p/.%2e/.%2e/secret.txt": 403,
    "//..//secret.txt": 403,
}


@pytest.mark.parametrize("suffix", list(TRAVERSALS))
def test_traversal_never_leaves_the_asset(nginx, upstream, suffix):
    exp = expires_in()
    path = f"/media/{sign(SECRET, exp, SESSION, ASSET)}/{exp}/{SESSION}/{ASSET}{suffix}"
    status, body = raw_get(nginx, path)
    assert SECRET_MARKER not in body
    if suffix == "/../../../../../secret.txt":
        # Normalised to /secret.txt: outside /media/, so it goes to kinora (here a 404).
        assert status == 404 and body == b"kinora app"
        assert upstream.paths()[-1] == path
    else:
        assert status == TRAVERSALS[suffix], body[:200]


def test_secret_files_exist_for_the_traversal_test(media_root):
    for f in [media_root / "secret.txt", media_root / "hls" / "secret.txt",
              media_root.parent / "secret.txt", media_root / "hls" / ASSET / ".hidden"]:
        assert SECRET_MARKER in f.read_bytes()


# --- the content key -------------------------------------------------------------------

def test_key_is_proxied_to_kinora(nginx, upstream):
    path = media_path(SECRET, expires_in(), SESSION, ASSET, "key")
    before = len(upstream.requests)
    r = requests.get(nginx.base + path, headers={"Origin": "https://player.example"})
    assert r.status_code == 200
    assert r.content == CONTENT_KEY and len(r.content) == 16
    assert r.headers["Cache-Control"] == "no-store"
    assert r.headers["Access-Control-Allow-Origin"] == "*"  # kinora's value is replaced
    assert [p for p, _ in upstream.requests[before:]] == [path]
    headers = upstream.requests[before][1]
    assert headers["Host"] == "127.0.0.1"  # $host, as for the app
    assert headers["X-Request-Id"]
    assert headers["X-Forwarded-Proto"] == "http"


def test_the_app_learns_the_scheme_from_nginx_not_from_the_client(nginx, upstream):
    # kinora marks the refresh cookie Secure when X-Forwarded-Proto is https.
    before = len(upstream.requests)
    r = requests.get(nginx.base + "/api/v1/auth/me", headers={"X-Forwarded-Proto": "https"})
    assert r.status_code == 404  # the stand-in's answer, passed through
    assert [p for p, _ in upstream.requests[before:]] == ["/api/v1/auth/me"]
    assert upstream.requests[before][1]["X-Forwarded-Proto"] == "http"


def test_key_uri_sent_is_the_one_nginx_verified(nginx, upstream):
    exp = expires_in()
    path = media_path(SECRET, exp, SESSION, ASSET, "key")
    raw = f"/media/{sign(SECRET, exp, SESSION, ASSET)}/{exp}/{SESSION}/{ASSET}/720p/../%6bey"
    status, body = raw_get(nginx, raw)
    assert (status, body) == (200, CONTENT_KEY)
    assert upstream.paths()[-1] == path


@pytest.mark.parametrize("case", ["tampered", "expired", "other asset's signature"])
def test_key_with_bad_signature_is_403_and_not_proxied(nginx, upstream, case):
    path = bad_links(nginx)[case].replace("720p/seg_00001.m4s", "key")
    assert path.endswith(f"/{ASSET}/key")
    before = len(upstream.requests)
    r = requests.get(nginx.base + path)
    assert r.status_code == 403
    assert len(upstream.requests) == before


# --- CORS preflight --------------------------------------------------------------------

@pytest.mark.parametrize("file", ["720p/seg_00001.m4s", "key"])
def test_options_preflight(nginx, upstream, file):
    before = len(upstream.requests)
    r = requests.options(url(nginx, file), headers={
        "Origin": "https://player.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "range",
    })
    assert r.status_code == 204
    assert r.content == b""
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in r.headers["Access-Control-Allow-Methods"]
    assert "range" in r.headers["Access-Control-Allow-Headers"].lower()
    assert int(r.headers["Access-Control-Max-Age"]) > 0
    assert len(upstream.requests) == before


# --- the app proxy the file already had ------------------------------------------------

def test_app_requests_still_go_to_kinora(nginx, upstream):
    r = requests.get(nginx.base + "/api/v1/catalog/titles?limit=20")
    assert (r.status_code, r.content) == (404, b"kinora app")
    assert upstream.paths()[-1] == "/api/v1/catalog/titles?limit=20"
    assert requests.get(nginx.base + "/metrics").status_code == 403


def _raw_headers(nginx, method, path, headers=()):
    conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    try:
        conn.request(method, path, headers=dict(headers))
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheaders()
    finally:
        conn.close()


@pytest.mark.parametrize("method, file, extra, status", [
    ("GET", "master.m3u8", {}, 200),
    ("GET", "720p/seg_00001.m4s", {"Range": "bytes=0-9"}, 206),
    ("GET", "720p/seg_00001.m4s", {"Range": "bytes=999999999-"}, 416),
    ("GET", "720p/missing.m4s", {}, 404),
    ("GET", "key", {}, 200),
    ("OPTIONS", "720p/seg_00001.m4s", {}, 204),
])
def test_each_cors_header_is_sent_once(nginx, method, file, extra, status):
    got, headers = _raw_headers(nginx, method, media_path(SECRET, expires_in(), SESSION, ASSET, file),
                                extra)
    assert got == status
    names = [name.lower() for name, _ in headers]
    assert names.count("access-control-allow-origin") == 1, headers
    assert names.count("access-control-expose-headers") <= 1, headers
    assert names.count("cache-control") <= 1, headers
