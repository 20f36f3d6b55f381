"""Profiles: at most five, kids ceilings, PINs, switching."""
from conftest import problem_of


def test_profiles_crud_and_limit(server):
    g = server.register(tier="premium")
    token = g["access_token"]
    created = []
    for name in ["Two", "Three", "Four", "Five"]:
        r = server.post("/api/v1/auth/profiles", token, json={"name": name})
        assert r.status_code == 201, r.text
        created.append(r.json())
    assert created[0]["maturity_ceiling"] == "18+" and created[0]["kids"] is False
    r = server.post("/api/v1/auth/profiles", token, json={"name": "Six"})
    assert problem_of(r, 409)["type"] == "urn:kinora:problem:profile-limit"
    items = server.get("/api/v1/auth/profiles", token).json()["items"]
    assert len(items) == 5

    r = server.patch(f"/api/v1/auth/profiles/{created[0]['id']}", token, json={"name": "Renamed"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed"
    r = server.patch(f"/api/v1/auth/profiles/{created[1]['id']}", token, json={"name": "Renamed"})
    assert problem_of(r, 409)["type"] == "urn:kinora:problem:profile-name-taken"
    assert server.delete(f"/api/v1/auth/profiles/{created[0]['id']}", token).status_code == 204
    problem_of(server.delete(f"/api/v1/auth/profiles/{created[0]['id']}", token), 404)


def test_last_profile_cannot_be_deleted(server):
    g = server.register()
    r = server.delete(f"/api/v1/auth/profiles/{g['profile']['id']}", g["access_token"])
    assert problem_of(r, 409)["type"] == "urn:kinora:problem:last-profile"


def test_kids_profile_ceiling_is_bounded(server):
    token = server.register()["access_token"]
    r = server.post("/api/v1/auth/profiles", token, json={"name": "Kid", "kids": True})
    assert r.status_code == 201 and r.json()["maturity_ceiling"] == "7+"
    r = server.post("/api/v1/auth/profiles", token, json={"name": "Teen", "kids": True, "maturity_ceiling": "18+"})
    assert problem_of(r, 422)["errors"][0]["field"] == "maturity_ceiling"


def test_another_accounts_profile_is_not_found(server):
    a = server.register()
    b = server.register()
    pid = b["profile"]["id"]
    problem_of(server.patch(f"/api/v1/auth/profiles/{pid}", a["access_token"], json={"name": "Mine"}), 404)
    problem_of(server.delete(f"/api/v1/auth/profiles/{pid}", a["access_token"]), 404)
    problem_of(server.post(f"/api/v1/auth/profiles/{pid}/select", a["access_token"]), 404)
    assert b["profile"]["name"] == server.get("/api/v1/auth/me", b["access_token"]).json()["profile"]["name"]


def test_pin_locks_a_profile(server):
    g = server.register()
    token = g["access_token"]
    locked = server.post("/api/v1/auth/profiles", token, json={"name": "Private", "pin": "4321"}).json()
    assert locked["has_pin"] is True
    r = server.post(f"/api/v1/auth/profiles/{locked['id']}/select", token)
    assert problem_of(r, 403)["type"] == "urn:kinora:problem:pin-required"
    r = server.post(f"/api/v1/auth/profiles/{locked['id']}/select", token, json={"pin": "0000"})
    assert problem_of(r, 403)["type"] == "urn:kinora:problem:invalid-pin"
    r = server.post(f"/api/v1/auth/profiles/{locked['id']}/select", token, json={"pin": "4321"})
    assert r.status_code == 200 and r.json()["profile"]["id"] == locked["id"]
    # Login may name the profile, with its PIN.
    email = g["account"]["email"]
    r = server.post("/api/v1/auth/login", json={"email": email, "password": "correct horse battery", "profile_id": locked["id"]})
    problem_of(r, 403)
    r = server.post("/api/v1/auth/login",
                    json={"email": email, "password": "correct horse battery", "profile_id": locked["id"], "pin": "4321"})
    assert r.status_code == 200 and r.json()["profile"]["id"] == locked["id"]
    # null removes the PIN.
    r = server.patch(f"/api/v1/auth/profiles/{locked['id']}", token, json={"pin": None})
    assert r.status_code == 200 and r.json()["has_pin"] is False
    r = server.patch(f"/api/v1/auth/profiles/{locked['id']}", token, json={"pin": "12a4"})
    problem_of(r, 422)


def test_kids_profile_cannot_manage_profiles(server):
    g = server.login("premium@ott.test", "test123")
    kids = next(p for p in g["profiles"] if p["kids"])
    r = server.post(f"/api/v1/auth/profiles/{kids['id']}/select", g["access_token"])
    assert r.status_code == 200
    kid_token = r.json()["access_token"]
    r = server.post("/api/v1/auth/profiles", kid_token, json={"name": "Sneaky"})
    assert problem_of(r, 403)["type"] == "urn:kinora:problem:kids-profile"
    r = server.patch(f"/api/v1/auth/profiles/{kids['id']}", kid_token, json={"maturity_ceiling": "13+"})
    problem_of(r, 403)
