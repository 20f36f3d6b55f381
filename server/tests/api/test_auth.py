"""Accounts and tokens: register, login, refresh rotation and reuse detection, logout."""
import base64
import hashlib
import hmac
import json
import time

from conftest import DEMO, JWT_SECRET, problem_of


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def mint(claims, secret=JWT_SECRET):
    signing_input = b64(b'{"alg":"HS256","typ":"JWT"}') + "." + b64(json.dumps(claims).encode())
    sig = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(sig)


def test_register_returns_tokens_and_a_default_profile(server):
    g = server.register(tier="standard", profile_name="Sam")
    assert g["account"]["tier"] == "standard"
    assert g["account"]["is_admin"] is False
    assert g["profile"]["name"] == "Sam"
    assert [p["name"] for p in g["profiles"]] == ["Sam"]
    assert g["token_type"] == "Bearer" and g["expires_in"] > 0
    me = server.get("/api/v1/auth/me", g["access_token"])
    assert me.status_code == 200
    assert me.json()["account"]["email"] == g["account"]["email"]


def test_register_rejects_duplicate_email_case_insensitively(server):
    g = server.register()
    email = g["account"]["email"].upper()
    r = server.post("/api/v1/auth/register", json={"email": email, "password": "another password"})
    assert problem_of(r, 409)["type"] == "urn:kinora:problem:email-taken"


def test_register_validates_fields_together(server):
    r = server.post("/api/v1/auth/register", json={"email": "nope", "password": "short", "tier": "gold"})
    body = problem_of(r, 422)
    assert {e["field"] for e in body["errors"]} == {"tier"}
    r = server.post("/api/v1/auth/register", json={"email": "nope", "password": "longenough"})
    assert problem_of(r, 422)["errors"] == [{"field": "email", "message": "must be an email address"}]
    r = server.post("/api/v1/auth/register", json={"email": "a@b.test", "password": "short"})
    assert problem_of(r, 422)["errors"][0]["field"] == "password"


def test_demo_accounts_have_exactly_their_profiles(server):
    expected = {
        "admin": (["Admin", "Kids"], "premium", True),
        "basic": (["Basic User"], "basic", False),
        "standard": (["Standard User", "Family"], "standard", False),
        "premium": (["Premium User", "Partner", "Kids"], "premium", False),
        "demo": (["Demo User"], "premium", False),
    }
    for who, (profiles, tier, admin) in expected.items():
        g = server.login(*DEMO[who])
        assert [p["name"] for p in g["profiles"]] == profiles, who
        assert g["account"]["tier"] == tier
        assert g["account"]["is_admin"] is admin
        kids = [p for p in g["profiles"] if p["kids"]]
        assert all(p["maturity_ceiling"] in ("all", "7+") for p in kids)


def test_access_token_names_account_profile_and_role(server):
    g = server.login(*DEMO["admin"])
    payload = g["access_token"].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["sub"] == str(g["account"]["id"])
    assert claims["pid"] == g["profile"]["id"]
    assert claims["role"] == "admin"
    assert claims["exp"] - claims["iat"] == g["expires_in"]


def test_wrong_password_and_unknown_email_look_the_same(server):
    a = server.post("/api/v1/auth/login", json={"email": "nobody@example.test", "password": "whatever1"})
    g = server.register()
    b = server.post("/api/v1/auth/login", json={"email": g["account"]["email"], "password": "wrong-password"})
    assert problem_of(a, 401)["type"] == problem_of(b, 401)["type"] == "urn:kinora:problem:invalid-credentials"
    assert a.json()["detail"] == b.json()["detail"]


def test_refresh_rotates_and_a_reuse_within_the_grace_gets_the_same_successor(server):
    g = server.register()
    first = g["refresh_token"]
    r = server.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert r.status_code == 200, r.text
    second = r.json()["refresh_token"]
    assert second != first and r.json()["access_token"]
    # The first token comes back at once (another tab): the same successor, not theft.
    # Reuse after the grace revokes the family: test_auth_revocation.py.
    r = server.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert r.status_code == 200, r.text
    assert r.json()["refresh_token"] == second
    assert server.get("/api/v1/auth/me", r.json()["access_token"]).status_code == 200
    r = server.post("/api/v1/auth/refresh", json={"refresh_token": second})
    assert r.status_code == 200 and r.json()["refresh_token"] not in (first, second)


def test_logout_revokes_the_refresh_token(server):
    g = server.register()
    r = server.post("/api/v1/auth/logout", json={"refresh_token": g["refresh_token"]})
    assert r.status_code == 204
    r = server.post("/api/v1/auth/refresh", json={"refresh_token": g["refresh_token"]})
    problem_of(r, 401)
    # Other sessions of the same account are separate families and stay valid.


def test_logout_of_one_session_leaves_others(server):
    g = server.register()
    email = g["account"]["email"]
    other = server.login(email, "correct horse battery")
    assert server.post("/api/v1/auth/logout", json={"refresh_token": g["refresh_token"]}).status_code == 204
    r = server.post("/api/v1/auth/refresh", json={"refresh_token": other["refresh_token"]})
    assert r.status_code == 200


def test_forged_and_malformed_tokens_are_rejected(server):
    token = server.token("basic")
    header, payload, sig = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = "admin"
    claims["tier"] = "premium"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    for bad in [
        f"{header}.{forged_payload}.{sig}",  # changed claims, old signature
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + forged_payload + ".",  # alg none
        "not-a-token",
        token + "x",
        "a.b.c.d",
    ]:
        r = server.get("/api/v1/catalog/titles", bad)
        assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-token", bad
    r = server.get("/api/v1/catalog/titles")
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:missing-token"
    assert r.headers["WWW-Authenticate"] == "Bearer"
    r = server.get("/api/v1/catalog/titles", headers={"Authorization": "Basic YWRtaW46YWRtaW4="})
    problem_of(r, 401)


def claims_of(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_expired_token_and_other_keys_are_rejected(server):
    now = int(time.time())
    claims = {**claims_of(server.token("basic")), "iat": now - 120, "exp": now + 60}
    assert server.get("/api/v1/catalog/titles", mint(claims)).status_code == 200
    r = server.get("/api/v1/catalog/titles", mint({**claims, "exp": now - 1}))
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:token-expired"
    r = server.get("/api/v1/catalog/titles", mint(claims, secret="another-secret-" + "x" * 32))
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-token"
    r = server.get("/api/v1/catalog/titles", mint({**claims, "iss": "someone-else"}))
    problem_of(r, 401)
    r = server.get("/api/v1/catalog/titles", mint({k: v for k, v in claims.items() if k != "tier"}))
    problem_of(r, 401)
    # A token naming no sign-in (as before sessions were checked) is refreshed, not honoured.
    r = server.get("/api/v1/catalog/titles", mint({k: v for k, v in claims.items() if k != "rid"}))
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:invalid-token"
    # Nor one naming another account's sign-in.
    r = server.get("/api/v1/catalog/titles", mint({**claims, "rid": claims_of(server.token("premium"))["rid"]}))
    assert problem_of(r, 401)["type"] == "urn:kinora:problem:token-revoked"


def test_failed_logins_throttle_the_account_from_that_address(server):
    # More in test_login_throttle.py: growing delays, the owner elsewhere, shared counts.
    g = server.register()
    email = g["account"]["email"]
    for _ in range(5):
        problem_of(server.post("/api/v1/auth/login", json={"email": email, "password": "wrong-pass"}), 401)
    r = server.post("/api/v1/auth/login", json={"email": email, "password": "correct horse battery"})
    problem_of(r, 429)
    assert int(r.headers["Retry-After"]) > 0


def test_failed_logins_are_limited_per_client_address_across_accounts(fresh_server):
    s = fresh_server("--login-attempts-per-address", "3")
    for _ in range(3):
        s.post("/api/v1/auth/login", json={"email": "x@example.test", "password": "whatever1"})
    r = s.post("/api/v1/auth/login", json={"email": "basic@ott.test", "password": "test123"})
    problem_of(r, 429)


def test_admin_routes_require_the_admin_role(server):
    r = server.get("/api/v1/admin/titles", server.token("premium"))
    assert problem_of(r, 403)["type"] == "urn:kinora:problem:admin-required"
    assert server.get("/api/v1/admin/titles", server.token("admin")).status_code == 200
    problem_of(server.get("/api/v1/admin/titles"), 401)
