"""Bad input on every route family: a 4xx problem naming the problem, never a 500."""
import json
import socket

import pytest

from conftest import problem_of

WRITES = [
    ("POST", "/api/v1/auth/register", None),
    ("POST", "/api/v1/auth/login", None),
    ("POST", "/api/v1/auth/refresh", None),
    ("POST", "/api/v1/auth/logout", None),
    ("POST", "/api/v1/auth/profiles", "premium"),
    ("PATCH", "/api/v1/auth/profiles/{pid}", "premium"),
    ("POST", "/api/v1/admin/titles", "admin"),
    ("PATCH", "/api/v1/admin/titles/1", "admin"),
    ("POST", "/api/v1/admin/titles/1/seasons", "admin"),
    ("PATCH", "/api/v1/admin/seasons/1", "admin"),
    ("POST", "/api/v1/admin/seasons/1/episodes", "admin"),
    ("PATCH", "/api/v1/admin/episodes/1", "admin"),
]


def target(server, path):
    if "{pid}" in path:
        pid = server.login("premium@ott.test", "test123")["profiles"][1]["id"]
        path = path.replace("{pid}", str(pid))
    return path


@pytest.mark.parametrize("method,path,who", WRITES)
def test_malformed_bodies(server, method, path, who):
    token = server.token(who) if who else None
    path = target(server, path)
    json_header = {"Content-Type": "application/json"}
    cases = [
        (b"{not json", 400, "malformed-json"),
        (b"[1, 2]", 400, "malformed-json"),
        (b"", 400, "malformed-json"),
        (b'{"a": "\xff\xfe"}', 400, "malformed-json"),  # invalid UTF-8
        (b'{"a":' * 100 + b"1" + b"}" * 100, 400, "malformed-json"),  # too deep
        (b'{"surprise": 1}', 422, None),  # unknown field (and missing ones)
    ]
    for body, status, kind in cases:
        r = server.request(method, path, token, data=body, headers=dict(json_header))
        p = problem_of(r, status)
        if kind:
            assert p["type"] == f"urn:kinora:problem:{kind}", (body, p)
        else:
            assert any(e["field"] == "surprise" and "not a known field" in e["message"] for e in p["errors"])
    r = server.request(method, path, token, data=b"email=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    problem_of(r, 415)


@pytest.mark.parametrize("path", [
    "/api/v1/catalog/titles/abc", "/api/v1/catalog/titles/-1", "/api/v1/catalog/titles/0",
    "/api/v1/catalog/titles/1%20OR%201=1", "/api/v1/catalog/titles/99999999999999999999999",
    "/api/v1/admin/titles/1.5", "/api/v1/auth/profiles/x/select",
])
def test_invalid_ids(server, path):
    method = "POST" if path.endswith("select") else "GET"
    who = "premium" if "auth" in path else "admin"
    r = server.request(method, path, server.token(who))
    assert problem_of(r, 400)["type"] == "urn:kinora:problem:invalid-id"


@pytest.mark.parametrize("path", [
    "/api/v1/catalog/titles/2502151073830362198", "/api/v1/catalog/titles/9223372036854775807",
])
def test_large_ids_within_int64_are_ids(server, path):
    """The document's Id is any positive int64: a large one is simply not there (was 400)."""
    r = server.get(path, server.token("premium"))
    assert problem_of(r, 404)["type"] == "urn:kinora:problem:not-found"
    r = server.get("/api/v1/catalog/titles/9223372036854775808", server.token("premium"))
    assert problem_of(r, 400)["type"] == "urn:kinora:problem:invalid-id"


def test_query_booleans_in_any_case(server):
    admin = server.token("admin")
    r = server.post("/api/v1/admin/embeddings/generate?regenerate=False", admin)
    assert r.status_code in (200, 202, 409), r.text
    r = server.post("/api/v1/admin/embeddings/generate?regenerate=yes", admin)
    assert problem_of(r, 400)["type"] == "urn:kinora:problem:invalid-parameter"


def test_unparsable_requests_carry_a_request_id(server):
    """Refused before routing (a control character in a header, NUL in the path), yet with
    X-Request-Id like every other response, and a problem type the document lists."""
    for raw, kind in [
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Odd: a\x0bb\r\n\r\n", "malformed-request"),
        (b"GET /media/a%00b/1/s/a/f HTTP/1.1\r\nHost: x\r\n\r\n", "malformed-target"),
    ]:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
            s.sendall(raw)
            data = b""
            while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400"), data
        assert b"\r\nX-Request-Id: " in head, head
        assert json.loads(body)["type"] == f"urn:kinora:problem:{kind}"


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 101}, {"limit": -5}, {"limit": "ten"}, {"limit": "1e3"},
    {"offset": -1}, {"offset": 10**12}, {"sort": "rating"}, {"order": "sideways"},
    {"type": "podcast"}, {"year_from": 2020, "year_to": 2000}, {"year_from": "1999; DROP TABLE titles"},
    {"maturity": "21+"},
])
def test_bad_query_parameters(server, params):
    for path in ["/api/v1/catalog/titles", "/api/v1/admin/titles"]:
        r = server.get(path, server.token("admin"), params=params)
        p = problem_of(r, 400)
        assert p["detail"], p


def test_bad_query_encoding(server):
    token = server.token("basic")
    # Sent raw: HTTP clients would re-escape a broken escape before it left.
    for raw in ["q=%ZZ", "q=%", "q=%ff%fe", "q=%00abc"]:
        response = raw_request(server, (f"GET /api/v1/catalog/search?{raw} HTTP/1.1\r\nHost: x\r\n"
                                        f"Authorization: Bearer {token}\r\nConnection: close\r\n\r\n").encode())
        assert response.startswith(b"HTTP/1.1 400"), (raw, response[:300])
        assert b"urn:kinora:problem:malformed-query" in response
    problem_of(server.get("/api/v1/catalog/featured?limit=1000", token), 400)


def test_sql_metacharacters_are_just_text(server):
    token = server.token("premium")
    for q in ["' OR 1=1 --", "\"; DELETE FROM titles; --", "%", "_", "\\", "NEAR(a b)", "title:x", "^x", "x AND y"]:
        r = server.get("/api/v1/catalog/search", token, params={"q": q})
        assert r.status_code == 200, (q, r.text)
    r = server.get("/api/v1/catalog/titles", token, params={"genre": "' OR '1'='1"})
    assert r.status_code == 200 and r.json()["total"] == 0
    admin = server.token("admin")
    r = server.post("/api/v1/auth/login", json={"email": "' OR 1=1 --@x.test", "password": "' OR ''='"})
    problem_of(r, 401)
    assert server.get("/api/v1/catalog/titles", token).json()["total"] == 70
    assert server.get("/api/v1/admin/titles", admin).json()["total"] >= 70


def test_unknown_routes_and_methods(server):
    problem_of(server.get("/api/v1/nothing-here"), 404)
    r = server.request("DELETE", "/api/v1/catalog/genres", server.token("basic"))
    problem_of(r, 405)
    assert "GET" in r.headers["Allow"]
    r = server.request("PUT", "/api/v1/auth/login", json={})
    problem_of(r, 405)


def raw_request(server, data, read=65536):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(data)
        chunks = b""
        while True:
            try:
                chunk = s.recv(read)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            chunks += chunk
        return chunks


def test_oversized_body_and_headers(server):
    r = server.post("/api/v1/auth/login", json={"email": "a@b.test", "password": "x" * (2 * 1024 * 1024)}, validate=False)
    assert r.status_code == 413
    assert r.headers["Content-Type"] == "application/problem+json"
    response = raw_request(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 431"), response[:200]
    assert b'"status":431' in response and b"urn:kinora:problem:headers-too-large" in response
    response = raw_request(server, b"GARBAGE\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 400"), response[:200]
    response = raw_request(server, b"GET /api/v1/catalog/titles%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 400"), response[:200]
    # The server is still fine.
    assert server.get("/healthz").status_code == 200


def test_other_users_tokens_cannot_reach_their_data(server):
    a = server.register()
    b = server.register()
    # A's token on B's profile id: not found, B's data untouched.
    r = server.patch(f"/api/v1/auth/profiles/{b['profile']['id']}", a["access_token"], json={"name": "Hijacked"})
    problem_of(r, 404)
    me = server.get("/api/v1/auth/me", b["access_token"]).json()
    assert me["profile"]["name"] != "Hijacked"
    # B's refresh token cannot be logged out with garbage, nor refreshed by A's.
    problem_of(server.post("/api/v1/auth/logout", json={"refresh_token": "garbage"}), 401)
