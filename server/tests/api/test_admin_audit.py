"""The audit log: every change through an admin route is recorded with who, route, target and
time, refused ones are not, reads are filtered and paged, and nothing can edit the log."""
import os
import secrets

from conftest import problem_of
from test_admin_catalog import NEW_TITLE

AUDIT = "/api/v1/admin/audit"


def newest(server, **params):
    r = server.get(AUDIT, server.token("admin"), params={"limit": 5, **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_admin_writes_are_recorded_with_who_what_and_when(server):
    admin = server.token("admin")
    slug = "audited-" + secrets.token_hex(3)
    created = server.post("/api/v1/admin/titles", admin, json={**NEW_TITLE, "slug": slug})
    assert created.status_code == 201, created.text
    tid = created.json()["id"]
    assert created.headers["Location"] == f"/api/v1/admin/titles/{tid}"
    assert server.patch(f"/api/v1/admin/titles/{tid}", admin, json={"year": 2025}).status_code == 200
    assert server.delete(f"/api/v1/admin/titles/{tid}", admin).status_code == 204

    page = newest(server, area="titles")
    latest = page["items"][:3]
    assert [(e["method"], e["route"], e["target"]) for e in latest] == [
        ("DELETE", "/api/v1/admin/titles/{id}", f"/api/v1/admin/titles/{tid}"),
        ("PATCH", "/api/v1/admin/titles/{id}", f"/api/v1/admin/titles/{tid}"),
        ("POST", "/api/v1/admin/titles", f"/api/v1/admin/titles/{tid}"),
    ]
    assert {e["email"] for e in latest} == {"admin@ott.test"}
    assert [e["status"] for e in latest] == [204, 200, 201]
    assert latest[0]["at"] >= latest[2]["at"]
    assert page["total"] >= 3


def test_refused_changes_and_reads_are_not_recorded(server):
    admin = server.token("admin")
    before = newest(server)["total"]
    problem_of(server.post("/api/v1/admin/titles", admin, json={"title": "x"}), 422)
    problem_of(server.post("/api/v1/admin/titles", server.token("premium"), json=NEW_TITLE), 403)
    assert server.get("/api/v1/admin/titles", admin).status_code == 200
    assert newest(server)["total"] == before


def test_filters_and_paging(server):
    admin = server.token("admin")
    number = 9000 + int.from_bytes(os.urandom(2), "big") % 900
    r = server.post("/api/v1/admin/channels", admin, json={"number": number, "name": f"Audit {number}",
                                                            "category": "test", "tier": "basic",
                                                            "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    server.delete(f"/api/v1/admin/channels/{r.json()['id']}", admin)

    channels = newest(server, area="channels")
    assert channels["items"][0]["route"] == "/api/v1/admin/channels/{channel_id}"
    assert all(e["route"].startswith("/api/v1/admin/channels") for e in channels["items"])
    admin_id = server.get("/api/v1/auth/me", admin).json()["account"]["id"]
    mine = newest(server, account_id=admin_id)
    assert mine["total"] >= 2 and all(e["account_id"] == admin_id for e in mine["items"])
    assert newest(server, account_id=999999)["total"] == 0

    second = server.get(AUDIT, admin, params={"limit": 1, "offset": 1}).json()
    first_two = server.get(AUDIT, admin, params={"limit": 2}).json()
    assert second["items"][0]["id"] == first_two["items"][1]["id"]
    stamp = channels["items"][0]["at"]
    assert all(e["at"] < stamp for e in server.get(AUDIT, admin, params={"until": stamp}).json()["items"])
    problem_of(server.get(AUDIT, admin, params={"since": "yesterday"}), 400)


def test_only_admins_read_it_and_nobody_edits_it(server):
    problem_of(server.get(AUDIT), 401)
    problem_of(server.get(AUDIT, server.token("premium")), 403)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert server.request(method, AUDIT, server.token("admin")).status_code == 405
