"""Optimistic concurrency on admin titles and channels: ETag on reads, If-Match on writes."""
import os
import re
import secrets

from conftest import problem_of
from test_admin_catalog import NEW_TITLE

ETAG = re.compile(r'^"[0-9a-f]{16}"$')


def etag_of(response):
    tag = response.headers.get("ETag")
    assert tag and ETAG.match(tag), response.headers
    return tag


def check_conflict(server, token, path, patch, changed):
    """Walks one resource through the If-Match rules; `changed(body)` tells a patched body."""
    r = server.get(path, token)
    assert r.status_code == 200
    first = etag_of(r)
    # The same representation gives the same tag.
    assert etag_of(server.get(path, token)) == first

    r = server.patch(path, token, json=patch[0], headers={"If-Match": first})
    assert r.status_code == 200, r.text
    second = etag_of(r)
    assert second != first
    assert etag_of(server.get(path, token)) == second

    # A save based on the old version is refused and changes nothing.
    stale = server.patch(path, token, json=patch[1], headers={"If-Match": first})
    body = problem_of(stale, 412)
    assert body["type"] == "urn:kinora:problem:precondition-failed"
    assert "Someone else changed this" in body["detail"]
    now = server.get(path, token)
    assert changed(now.json()) and etag_of(now) == second

    # Any of a list matches; `*` matches whatever is there; a weak tag never does.
    r = server.patch(path, token, json=patch[0], headers={"If-Match": f'"0000000000000000", {second}'})
    assert r.status_code == 200 and etag_of(r) == second
    problem_of(server.patch(path, token, json=patch[0], headers={"If-Match": "W/" + second}), 412)
    r = server.patch(path, token, json=patch[0], headers={"If-Match": "*"})
    assert r.status_code == 200

    # Without If-Match the write applies as before.
    r = server.patch(path, token, json=patch[1])
    assert r.status_code == 200, r.text
    third = etag_of(r)
    assert not changed(r.json()) and third != second

    # DELETE: stale refused (still there), fresh accepted.
    problem_of(server.delete(path, token, headers={"If-Match": second}), 412)
    assert server.get(path, token).status_code == 200
    assert server.delete(path, token, headers={"If-Match": third}).status_code == 204
    problem_of(server.get(path, token), 404)
    # Gone: If-Match (even `*`) has nothing to match.
    problem_of(server.patch(path, token, json=patch[0], headers={"If-Match": "*"}), 404)


def test_title_etag_and_if_match(server):
    admin = server.token("admin")
    r = server.post("/api/v1/admin/titles", admin, json={**NEW_TITLE, "slug": "etag-" + secrets.token_hex(3)})
    assert r.status_code == 201, r.text
    created = etag_of(r)
    path = f"/api/v1/admin/titles/{r.json()['id']}"
    assert etag_of(server.get(path, admin)) == created
    check_conflict(server, admin, path, [{"title": "First Save"}, {"title": "Second Save"}],
                   lambda t: t["title"] == "First Save")


def test_channel_etag_and_if_match(server):
    admin = server.token("admin")
    number = 30000 + int.from_bytes(os.urandom(2), "big") % 9000
    r = server.post("/api/v1/admin/channels", admin, json={"number": number, "name": f"ETag {number}",
                                                            "category": "test", "tier": "basic",
                                                            "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    created = etag_of(r)
    path = f"/api/v1/admin/channels/{r.json()['id']}"
    assert etag_of(server.get(path, admin)) == created
    check_conflict(server, admin, path, [{"name": f"First {number}"}, {"name": f"Second {number}"}],
                   lambda c: c["name"] == f"First {number}")


def test_delete_without_if_match_still_works(server):
    """Absent If-Match on DELETE keeps working for API clients."""
    admin = server.token("admin")
    r = server.post("/api/v1/admin/titles", admin, json={**NEW_TITLE, "slug": "etag-del-" + secrets.token_hex(3)})
    assert server.delete(f"/api/v1/admin/titles/{r.json()['id']}", admin).status_code == 204
