"""Browser sessions ("cookie mode"): with `X-Kinora-Session: cookie` the refresh token
travels in the HttpOnly kinora_refresh cookie instead of the JSON body; refresh and logout
read it from there, and the header is what makes the server honour the cookie (CSRF)."""
import secrets

import requests

import openapi_validator
from conftest import DEMO, problem_of

COOKIE_MODE = {"X-Kinora-Session": "cookie"}
REFRESH_TTL = 30 * 24 * 3600  # the server's default --refresh-token-ttl
PASSWORD = "correct horse battery"


def call(server, method, path, token=None, cookie=None, headers=None, **kw):
    """A request without the server's shared session: no cookie jar, so a cookie goes only
    where a test sends it. The response is checked against openapi.json like any other."""
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookie is not None:
        headers["Cookie"] = cookie
    r = requests.request(method, server.base + path, headers=headers, timeout=30, **kw)
    openapi_validator.check(method, path, r)
    return r


def set_cookie(response):
    """The kinora_refresh Set-Cookie of a response as (value, {attribute: value})."""
    raw = response.headers.get("Set-Cookie")
    assert raw, f"no Set-Cookie: {dict(response.headers)}"
    assert response.raw.headers.getlist("Set-Cookie") == [raw], "one Set-Cookie only"
    first, *rest = [part.strip() for part in raw.split(";")]
    name, _, value = first.partition("=")
    assert name == "kinora_refresh", raw
    attrs = {}
    for part in rest:
        key, _, val = part.partition("=")
        attrs[key] = val
    return value, attrs


def assert_refresh_cookie(response, secure=False):
    value, attrs = set_cookie(response)
    assert value, "the cookie carries the refresh token"
    assert attrs == {"Path": "/api/v1/auth", "HttpOnly": "", "SameSite": "Strict", "Max-Age": str(REFRESH_TTL),
                     **({"Secure": ""} if secure else {})}, response.headers["Set-Cookie"]
    return value


def assert_cleared(response, secure=False):
    value, attrs = set_cookie(response)
    assert value == ""
    assert attrs == {"Path": "/api/v1/auth", "HttpOnly": "", "SameSite": "Strict", "Max-Age": "0",
                     **({"Secure": ""} if secure else {})}, response.headers["Set-Cookie"]


def cookie_login(server, email, password, **headers):
    r = call(server, "POST", "/api/v1/auth/login", headers={**COOKIE_MODE, **headers},
             json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    assert "refresh_token" not in r.json()
    return r


def new_account(server):
    return server.register()["account"]["email"]


def refresh(server, cookie, headers=COOKIE_MODE, **kw):
    return call(server, "POST", "/api/v1/auth/refresh", cookie=f"kinora_refresh={cookie}", headers=headers, **kw)


# -- issuing the cookie --------------------------------------------------------------------
def test_login_in_cookie_mode_sets_the_cookie_and_leaves_the_token_out_of_the_body(server):
    email = new_account(server)
    r = cookie_login(server, email, PASSWORD)
    assert_refresh_cookie(r)
    body = r.json()
    assert body["access_token"] and body["token_type"] == "Bearer" and body["expires_in"] > 0
    assert body["account"]["email"] == email and body["profiles"]
    assert r.headers["Cache-Control"] == "no-store"
    assert call(server, "GET", "/api/v1/auth/me", body["access_token"]).status_code == 200


def test_register_in_cookie_mode_sets_the_cookie(server):
    r = call(server, "POST", "/api/v1/auth/register", headers=COOKIE_MODE,
             json={"email": f"cookie-{secrets.token_hex(6)}@example.test", "password": PASSWORD})
    assert r.status_code == 201, r.text
    assert "refresh_token" not in r.json() and r.json()["access_token"]
    token = assert_refresh_cookie(r)
    assert refresh(server, token, data=b"").status_code == 200


def test_the_cookie_is_secure_when_the_request_came_over_https(server):
    email = new_account(server)
    r = cookie_login(server, email, PASSWORD, **{"X-Forwarded-Proto": "https"})
    token = assert_refresh_cookie(r, secure=True)
    r = refresh(server, token, headers={**COOKIE_MODE, "X-Forwarded-Proto": "https"})
    assert r.status_code == 200, r.text
    token = assert_refresh_cookie(r, secure=True)
    r = call(server, "POST", "/api/v1/auth/logout", cookie=f"kinora_refresh={token}",
             headers={**COOKIE_MODE, "X-Forwarded-Proto": "https"})
    assert r.status_code == 204
    assert_cleared(r, secure=True)


def test_profile_select_in_cookie_mode_sets_the_cookie_of_that_profile(server):
    g = server.register()
    kid = server.post("/api/v1/auth/profiles", g["access_token"], json={"name": "Kid", "kids": True}).json()
    r = call(server, "POST", f"/api/v1/auth/profiles/{kid['id']}/select", g["access_token"], headers=COOKIE_MODE)
    assert r.status_code == 200, r.text
    assert "refresh_token" not in r.json() and r.json()["profile"]["id"] == kid["id"]
    token = assert_refresh_cookie(r)
    r = refresh(server, token)
    assert r.status_code == 200 and r.json()["profile"]["id"] == kid["id"]


# -- refresh from the cookie -----------------------------------------------------------------
def test_refresh_reads_the_cookie_and_rotates_it(server):
    email = new_account(server)
    first = assert_refresh_cookie(cookie_login(server, email, PASSWORD))
    r = refresh(server, first, data=b"")  # an empty body, as browsers send it
    assert r.status_code == 200, r.text
    assert "refresh_token" not in r.json()
    second = assert_refresh_cookie(r)
    assert second != first
    assert call(server, "GET", "/api/v1/auth/me", r.json()["access_token"]).status_code == 200
    # No body at all works the same.
    r = refresh(server, second)
    assert r.status_code == 200, r.text
    third = assert_refresh_cookie(r)
    assert third not in (first, second)
    # The first cookie comes back at once (another tab): its successor again. Reuse after
    # the grace is theft and clears the cookie: test_auth_revocation.py.
    r = refresh(server, first)
    assert r.status_code == 200, r.text
    assert assert_refresh_cookie(r) == second


def test_an_unknown_cookie_is_refused_and_cleared(server):
    r = refresh(server, "not-a-token-we-issued")
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-refresh-token"
    assert r.headers["WWW-Authenticate"] == "Bearer"
    assert_cleared(r)


def test_the_cookie_is_found_among_others(server):
    token = assert_refresh_cookie(cookie_login(server, new_account(server), PASSWORD))
    r = call(server, "POST", "/api/v1/auth/refresh", headers=COOKIE_MODE,
             cookie=f'theme=dark; kinora_refresh="{token}" ;lang=en')
    assert r.status_code == 200, r.text


def test_the_cookie_without_the_header_is_refused_as_csrf(server):
    token = assert_refresh_cookie(cookie_login(server, new_account(server), PASSWORD))
    for path in ("/api/v1/auth/refresh", "/api/v1/auth/logout"):
        for body in ({}, {"data": b""}):
            r = call(server, "POST", path, cookie=f"kinora_refresh={token}", **body)
            assert problem_of(r, 403)["type"] == "urn:kinora:problem:csrf-header-required", path
            assert "Set-Cookie" not in r.headers, "a forged request must not sign the browser out"
    # The cookie was not used up: with the header it still refreshes.
    assert refresh(server, token).status_code == 200


def test_the_header_without_a_cookie_is_unauthorized(server):
    for path in ("/api/v1/auth/refresh", "/api/v1/auth/logout"):
        for kw in ({}, {"data": b""}, {"cookie": "theme=dark"}, {"cookie": "kinora_refresh="}):
            r = call(server, "POST", path, headers=COOKIE_MODE, **kw)
            assert problem_of(r, 401)["type"] == "urn:kinora:problem:missing-refresh-token", (path, kw)


def test_a_body_token_wins_over_the_cookie(server):
    g = server.register()
    cookie = assert_refresh_cookie(cookie_login(server, g["account"]["email"], PASSWORD))
    r = call(server, "POST", "/api/v1/auth/refresh", cookie=f"kinora_refresh={cookie}",
             json={"refresh_token": g["refresh_token"]})
    assert r.status_code == 200 and r.json()["refresh_token"] and "Set-Cookie" not in r.headers
    # The cookie was not touched.
    assert refresh(server, cookie).status_code == 200


# -- logout ------------------------------------------------------------------------------------
def test_logout_in_cookie_mode_revokes_and_clears_the_cookie(server):
    email = new_account(server)
    token = assert_refresh_cookie(cookie_login(server, email, PASSWORD))
    other = assert_refresh_cookie(cookie_login(server, email, PASSWORD))
    r = call(server, "POST", "/api/v1/auth/logout", cookie=f"kinora_refresh={token}", headers=COOKIE_MODE)
    assert r.status_code == 204 and r.content == b""
    assert_cleared(r)
    r = refresh(server, token)
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-refresh-token"
    assert_cleared(r)
    # Another sign-in of the account is its own family and stays valid.
    assert refresh(server, other).status_code == 200


def test_logout_of_an_unknown_cookie_clears_it(server):
    r = call(server, "POST", "/api/v1/auth/logout", cookie="kinora_refresh=unknown", headers=COOKIE_MODE, data=b"")
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-refresh-token"
    assert_cleared(r)


# -- JSON mode stays as it was ----------------------------------------------------------------
def test_json_mode_sets_no_cookie(server):
    r = call(server, "POST", "/api/v1/auth/login", json={"email": DEMO["basic"][0], "password": DEMO["basic"][1]})
    assert r.status_code == 200 and r.json()["refresh_token"]
    assert "Set-Cookie" not in r.headers
    r = call(server, "POST", "/api/v1/auth/refresh", json={"refresh_token": r.json()["refresh_token"]})
    assert r.status_code == 200 and r.json()["refresh_token"]
    assert "Set-Cookie" not in r.headers
    r = call(server, "POST", "/api/v1/auth/logout", json={"refresh_token": r.json()["refresh_token"]})
    assert r.status_code == 204 and "Set-Cookie" not in r.headers
    # Without the header and without a cookie, an empty body is still not a refresh.
    problem_of(call(server, "POST", "/api/v1/auth/refresh", data=b""), 415)
    problem_of(call(server, "POST", "/api/v1/auth/logout"), 415)
