"""The OpenAPI document (docs/api/openapi.json): it describes exactly the routes the server
registers, it is what the server serves, it is well formed, real responses validate against
it, and the validator that every API test goes through does reject what the document does not
allow. Also: Swagger UI at /docs."""
import json
import re
import subprocess
from pathlib import Path

import pytest
import requests
from jsonschema import Draft202012Validator

import openapi_validator
from conftest import KINORA, ROOT

DOC = openapi_validator.DOCUMENT
DOC_PATH = openapi_validator.DOCUMENT_PATH
METHODS = openapi_validator.HTTP_METHODS
PUBLIC = {
    ("POST", "/api/v1/auth/register"), ("POST", "/api/v1/auth/login"), ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/logout"), ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics"),
    ("GET", "/api/v1/openapi.json"), ("GET", "/api/v1/artwork/titles/{id}/{kind}"),
    ("GET", "/api/v1/epg/channels/{channel_id}/logo.svg"),
    *((m, "/media/{sig}/{expires}/{session}/{asset}" + f) for m in ("GET", "OPTIONS") for f in ("/{file}", "/{dir}/{file}")),
    *((m, "/live/{sig}/{expires}/{session}/{asset}/{file}") for m in ("GET", "OPTIONS")),
}
TAGS = {"auth", "profiles", "catalog", "viewing", "epg", "playback", "media", "recommendations", "admin", "operations"}


def operations():
    """(METHOD, path template, path item, operation) for every documented operation."""
    for path, item in DOC["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield method.upper(), path, item, op


def server_routes(tmp_path):
    out = subprocess.run([str(KINORA), "routes"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    routes = set()
    for line in out.stdout.splitlines():
        if line.strip():
            method, path = line.split()
            routes.add((method, path))
    assert routes, "`kinora routes` printed nothing"
    return routes


def walk(node, where="#"):
    """Every (json pointer, dict) in the document."""
    if isinstance(node, dict):
        yield where, node
        for k, v in node.items():
            yield from walk(v, f"{where}/{openapi_validator.escape(k)}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{where}/{i}")


# -- (a) the routes -------------------------------------------------------------------------
def test_document_has_exactly_the_servers_routes(tmp_path):
    routes = server_routes(tmp_path)
    documented = {(m, p) for m, p, _, _ in operations()}
    undocumented = sorted(routes - documented)
    stale = sorted(documented - routes)
    assert not undocumented and not stale, (
        "docs/api/openapi.json and `kinora routes` differ:\n"
        + "".join(f"  registered but not documented: {m} {p}\n" for m, p in undocumented)
        + "".join(f"  documented but not registered: {m} {p}\n" for m, p in stale))


# -- (b) what the server serves ---------------------------------------------------------------
def test_served_document_is_the_file(server):
    r = server.get("/api/v1/openapi.json")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/json"
    assert r.content == DOC_PATH.read_bytes(), (
        "GET /api/v1/openapi.json differs from docs/api/openapi.json: the binary embeds the file at "
        "build time, rebuild it")


# -- (c) the document is well formed ----------------------------------------------------------
STRING_MAP = {"type": "object", "additionalProperties": {"type": "object"}}
OPENAPI_SHAPE = {
    # The parts of the OpenAPI 3.1 schema this document uses, checked with jsonschema.
    "$defs": {
        "ref": {"type": "object", "required": ["$ref"], "properties": {"$ref": {"type": "string", "pattern": "^#/"}},
                "additionalProperties": False},
        "parameter": {"oneOf": [{"$ref": "#/$defs/ref"}, {
            "type": "object", "required": ["name", "in", "schema"],
            "properties": {"name": {"type": "string", "minLength": 1},
                           "in": {"enum": ["query", "header", "path", "cookie"]},
                           "description": {"type": "string"}, "required": {"type": "boolean"},
                           "schema": {"type": "object"}, "example": {}},
            "if": {"properties": {"in": {"const": "path"}}}, "then": {"required": ["required"],
                                                                      "properties": {"required": {"const": True}}},
            "additionalProperties": False}]},
        "media": {"type": "object", "properties": {"schema": {"type": "object"}, "example": {}},
                  "additionalProperties": False},
        "header": {"oneOf": [{"$ref": "#/$defs/ref"}, {
            "type": "object", "required": ["schema"],
            "properties": {"description": {"type": "string"}, "required": {"type": "boolean"},
                           "schema": {"type": "object"}}, "additionalProperties": False}]},
        "response": {"oneOf": [{"$ref": "#/$defs/ref"}, {
            "type": "object", "required": ["description"],
            "properties": {"description": {"type": "string", "minLength": 1},
                           "headers": {"type": "object", "additionalProperties": {"$ref": "#/$defs/header"}},
                           "content": {"type": "object", "minProperties": 1,
                                       "additionalProperties": {"$ref": "#/$defs/media"}}},
            "additionalProperties": False}]},
        "security": {"type": "array", "items": {"type": "object", "additionalProperties": {"type": "array"}}},
        "operation": {
            "type": "object", "required": ["tags", "operationId", "summary", "security", "responses"],
            "properties": {
                "tags": {"type": "array", "items": {"enum": sorted(TAGS)}, "minItems": 1},
                "operationId": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9]*$"},
                "summary": {"type": "string", "minLength": 1}, "description": {"type": "string"},
                "security": {"$ref": "#/$defs/security"},
                "parameters": {"type": "array", "items": {"$ref": "#/$defs/parameter"}},
                "requestBody": {"type": "object", "required": ["content"],
                                "properties": {"required": {"type": "boolean"}, "description": {"type": "string"},
                                               "content": {"type": "object", "minProperties": 1,
                                                           "additionalProperties": {"$ref": "#/$defs/media"}}},
                                "additionalProperties": False},
                "responses": {"type": "object", "minProperties": 1,
                              "propertyNames": {"pattern": "^([1-5][0-9][0-9]|[1-5]XX|default)$"},
                              "additionalProperties": {"$ref": "#/$defs/response"}},
            },
            "additionalProperties": False},
    },
    "type": "object",
    "required": ["openapi", "info", "servers", "tags", "paths", "components"],
    "properties": {
        "openapi": {"const": "3.1.0"},
        "info": {"type": "object", "required": ["title", "version", "description"],
                 "properties": {"title": {"const": "Kinora API"}, "version": {"const": "0.1.0"},
                                "summary": {"type": "string"}, "description": {"type": "string", "minLength": 1}},
                 "additionalProperties": False},
        "servers": {"const": [{"url": "/"}]},
        "tags": {"type": "array", "items": {"type": "object", "required": ["name", "description"]}},
        "security": {"$ref": "#/$defs/security"},
        "paths": {"type": "object", "propertyNames": {"pattern": "^/"}, "additionalProperties": {
            "type": "object",
            "properties": {"parameters": {"type": "array", "items": {"$ref": "#/$defs/parameter"}},
                           **{m: {"$ref": "#/$defs/operation"} for m in METHODS}},
            "additionalProperties": False}},
        "components": {"type": "object", "patternProperties": {"": {"propertyNames": {"pattern": "^[a-zA-Z0-9._-]+$"}}},
                       "properties": {
            "schemas": STRING_MAP,
            "parameters": {"type": "object", "additionalProperties": {"$ref": "#/$defs/parameter"}},
            "headers": {"type": "object", "additionalProperties": {"$ref": "#/$defs/header"}},
            "responses": {"type": "object", "additionalProperties": {"$ref": "#/$defs/response"}},
            "securitySchemes": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["type"]}}},
            "propertyNames": {"enum": ["schemas", "parameters", "headers", "responses", "securitySchemes"]}},
    },
    "additionalProperties": False,
}


def test_document_has_the_shape_of_openapi_3_1():
    errors = list(Draft202012Validator(OPENAPI_SHAPE).iter_errors(DOC))
    assert not errors, openapi_validator.describe_errors(errors, limit=10)
    assert {t["name"] for t in DOC["tags"]} == TAGS
    assert DOC["components"]["securitySchemes"]["bearer"] == {
        **DOC["components"]["securitySchemes"]["bearer"], "type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


def test_every_ref_resolves_and_every_component_is_used():
    used = set()
    for where, node in walk(DOC):
        ref = node.get("$ref")
        if isinstance(ref, str):
            assert ref.startswith("#/"), f"{where}: only local refs, not {ref}"
            openapi_validator.pointer(ref)  # raises with the ref's name when it does not resolve
            used.add(ref)
    for kind, entries in DOC["components"].items():
        if kind == "securitySchemes":
            continue
        for name in entries:
            ref = f"#/components/{kind}/{name}"
            assert ref in used or ref in (openapi_validator.UNMATCHED_PATH, openapi_validator.UNMATCHED_METHOD), (
                f"{ref} is never used")


def test_every_schema_is_valid_json_schema_2020_12():
    for where, node in walk(DOC):
        if where.endswith("/schema") or re.fullmatch(r"#/components/schemas/[^/]+", where):
            Draft202012Validator.check_schema(node)


def test_every_example_is_valid_against_its_schema():
    """Swagger UI shows these examples: they must be requests the server would accept."""
    checked = 0
    for where, node in walk(DOC):
        if "example" in node and "schema" in node:
            validator = openapi_validator.validator_for(where + "/schema")
            errors = list(validator.iter_errors(node["example"]))
            assert not errors, f"{where}/example:\n{openapi_validator.describe_errors(errors)}"
            checked += 1
    assert checked >= 20


def test_operations_are_complete():
    ids = {}
    for method, path, item, op in operations():
        where = f"{method} {path}"
        assert op["operationId"] not in ids, f"{where}: operationId {op['operationId']} is also {ids[op['operationId']]}"
        ids[op["operationId"]] = where
        # Path parameters: exactly the template's, declared once, required.
        params = [openapi_validator.resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
        in_path = sorted(p["name"] for p in params if p["in"] == "path")
        assert in_path == sorted(re.findall(r"\{([^}]+)\}", path)), f"{where}: path parameters {in_path}"
        # Security: public exactly where the server lets anyone in.
        public = op["security"] == []
        assert public == ((method, path) in PUBLIC), f"{where}: security {op['security']}"
        statuses = set(op["responses"])
        assert any(s.startswith("2") for s in statuses), f"{where}: no success response"
        for needed in ("400", "413", "431", "500"):
            assert needed in statuses, f"{where}: {needed} is not documented"
        if not public:
            assert "401" in statuses and "503" in statuses, f"{where}: 401/503 not documented"
        if path.startswith("/api/v1/admin/"):
            assert "403" in statuses, f"{where}: admin route without 403"
        if "requestBody" in op:
            assert {"415", "422"} <= statuses, f"{where}: a body route must document 415 and 422"
            # JSON bodies reject unknown fields; the other kinds are uploads: a media file,
            # an XMLTV guide or an M3U playlist.
            if "application/json" not in op["requestBody"]["content"]:
                assert set(op["requestBody"]["content"]) <= {"video/*", "application/octet-stream", "text/xml",
                                                             "application/xml", "audio/x-mpegurl",
                                                             "application/x-mpegurl", "application/vnd.apple.mpegurl",
                                                             "text/plain"}, where
            else:
                schema = openapi_validator.resolve(op["requestBody"]["content"]["application/json"]["schema"])
                assert schema.get("additionalProperties") is False, f"{where}: request body must reject unknown fields"
        for status, response in op["responses"].items():
            response = openapi_validator.resolve(response)
            content = response.get("content", {})
            if status.startswith(("4", "5")) and not (path == "/readyz" and status == "503"):
                assert list(content) == ["application/problem+json"], f"{where} {status}: errors are problems"
            if status == "204":
                assert not content, f"{where}: 204 has no body"


def test_response_objects_are_closed():
    """Every object schema in components rejects undocumented properties, so drift fails."""
    open_ok = {"#/paths/~1api~1v1~1openapi.json/get/responses/200/content/application~1json/schema"}
    for where, node in walk(DOC):
        if node.get("type") == "object" and "properties" in node and where not in open_ok:
            assert node.get("additionalProperties") is False or "allOf" in node, f"{where} is open"


def test_visibility_policy_is_documented():
    assert "hidden" in DOC["info"]["description"] and "Kids profiles never see" in DOC["info"]["description"]
    for method, path, _, op in operations():
        if path.startswith("/api/v1/catalog/"):
            assert "Kids profiles never see" in op["description"], f"{method} {path}"


# -- (d) real responses validate ----------------------------------------------------------------
def visible_title(server, token):
    items = server.get("/api/v1/catalog/titles", token, params={"limit": 100}).json()["items"]
    return next((t for t in items if t["type"] == "series"), items[0])


def fill(path, values):
    return re.sub(r"\{([^}]+)\}", lambda m: str(values[m.group(1)]), path)


def example_params(op, required_only):
    out = {}
    for p in op.get("parameters", []):
        p = openapi_validator.resolve(p)
        if p["in"] == "query" and (p.get("required") or not required_only):
            out[p["name"]] = p["example"]
    return out


@pytest.mark.parametrize("who", ["admin", "basic"])
def test_every_get_route_answers_as_documented(server, who):
    """Calls every GET operation with real demo data (each response goes through the validator)."""
    token = server.token(who)
    title = visible_title(server, token)
    channel = server.get("/api/v1/epg/channels", token).json()["items"][0]
    # Something watched, so the bookmark route has a resume point to answer with.
    body = {"position_seconds": 60}
    if title["type"] == "series":
        detail = server.get(f"/api/v1/catalog/titles/{title['id']}", token).json()
        body["episode_id"] = detail["seasons"][0]["episodes"][0]["id"]
    assert server.request("PUT", f"/api/v1/viewing/bookmarks/{title['id']}", token, json=body).status_code == 200
    account_id = server.get("/api/v1/auth/me", token).json()["account"]["id"]
    gets = [(path, item, op) for method, path, item, op in operations() if method == "GET"]
    assert len(gets) >= 14
    seen = set()
    for path, item, op in gets:
        # Media links and job ids must be real ones: their own tests cover them.
        if path.startswith(("/media/", "/live/")) or path.endswith("/jobs/{id}"):
            seen.add(path)
            continue
        kinds = ["poster.svg", "backdrop.svg"] if "{kind}" in path else [None]
        for kind in kinds:
            url = fill(path, {"id": title["id"], "title_id": title["id"], "kind": kind,
                              "channel_id": channel["id"], "account_id": account_id})
            for required_only in (True, False):
                params = example_params(op, required_only)
                r = server.get(url, token, params=params)
                expected = 403 if path.startswith("/api/v1/admin/") and who != "admin" else 200
                assert r.status_code == expected, f"GET {url} {params} as {who}: {r.status_code} {r.text[:300]}"
                head = server.request("HEAD", url, token, params=params)
                assert head.status_code == expected and head.content == b"", f"HEAD {url}"
                seen.add(path)
    assert seen == {p for p, _, _ in gets}


def test_every_operation_answers_without_a_token_as_its_security_says(server):
    for method, path, _, op in operations():
        url = fill(path, {"id": 1, "title_id": 1, "channel_id": 1, "kind": "poster.svg", "sig": "A" * 22, "expires": 1,
                          "session": "B" * 22, "asset": "demo-1", "dir": "240p", "file": "index.m3u8",
                          "date": "2026-01-31", "account_id": 1, "session_id": "C" * 22})
        r = server.request(method, url)
        if op["security"]:
            assert r.status_code == 401, f"{method} {url} without a token: {r.status_code}"
        else:
            assert r.status_code != 401, f"{method} {url} is public but answered 401"


def test_unknown_paths_and_methods_answer_the_router_problems(server):
    r = server.get("/api/v1/no/such/thing")
    assert r.status_code == 404
    r = server.request("PUT", "/api/v1/catalog/genres", server.token("basic"))
    assert r.status_code == 405 and r.headers["Allow"] == "GET"
    r = server.request("OPTIONS", "/healthz")
    assert r.status_code == 405


# -- the validator rejects what the document does not allow ---------------------------------------
class Fake:
    def __init__(self, status, body=None, content_type="application/json", **headers):
        self.status_code = status
        self.content = b"" if body is None else body if isinstance(body, bytes) else json.dumps(body).encode()
        self.text = self.content.decode()
        self.headers = requests.structures.CaseInsensitiveDict({"X-Request-Id": "0123456789abcdef", **headers})
        if content_type:
            self.headers["Content-Type"] = content_type


PROBLEM = {"type": "urn:kinora:problem:not-found", "title": "Not found", "status": 404, "detail": "x", "instance": "/x"}


@pytest.mark.parametrize("method,path,response,message", [
    ("GET", "/healthz", Fake(200, {"status": "ok", "uptime": 3}), "'uptime' was unexpected"),
    ("GET", "/healthz", Fake(200, {"status": "ok"}, "text/plain"), "Content-Type"),
    ("GET", "/healthz", Fake(202, {"status": "ok"}), "does not document"),
    ("GET", "/api/v1/catalog/everything", Fake(200, {}), "no path of openapi.json matches"),
    ("POST", "/healthz", Fake(200, {"status": "ok"}), "documents no POST"),
    ("GET", "/api/v1/catalog/titles/7", Fake(404, {**PROBLEM, "type": "urn:kinora:problem:gone"},
                                             "application/problem+json"), "is not one of"),
    ("GET", "/api/v1/catalog/titles/7", Fake(404, {**PROBLEM, "status": 400}, "application/problem+json"), "404 was expected"),
    ("GET", "/readyz", Fake(200, {"status": "ready", "time": "yesterday", "database": {
        "backend": "sqlite", "url": "x", "reachable": True, "latency_ms": 1, "pool": {"open": 1, "in_use": 0, "capacity": 1}}}),
     "is not a 'date-time'"),
    ("GET", "/api/v1/auth/me", Fake(401, {**PROBLEM, "type": "urn:kinora:problem:missing-token", "status": 401},
                                    "application/problem+json"), "WWW-Authenticate"),
    ("DELETE", "/api/v1/admin/episodes/3", Fake(204, b"{}", None), "without a body"),
    ("GET", "/api/v1/openapi.json", Fake(200, b"{not json"), "not JSON"),
])
def test_validator_rejects_undocumented_responses(method, path, response, message):
    with pytest.raises(AssertionError, match=re.escape(message)):
        openapi_validator.check(method, path, response)


def test_validator_accepts_documented_and_skips_static():
    openapi_validator.check("GET", "/healthz?x=1", Fake(200, {"status": "ok"}))
    openapi_validator.check("HEAD", "/healthz", Fake(200, b""))
    openapi_validator.check("GET", "/api/v1/nowhere", Fake(404, {**PROBLEM, "instance": "/api/v1/nowhere"},
                                                          "application/problem+json"))
    openapi_validator.check("GET", "/docs/swagger-ui.css", Fake(200, b"body{}", "text/css"))
    openapi_validator.check("GET", "/titles/42", Fake(304, b"", None))
    openapi_validator.check("GET", "/healthz/", Fake(200, b"<html>", "text/html"))  # not the route: static


# -- Swagger UI ------------------------------------------------------------------------------------
def test_docs_serves_swagger_ui(server):
    dist = ROOT / "web" / "docs" / "dist"
    if not (dist / "index.html").is_file():
        pytest.skip("web/docs/dist is not built: run scripts/build-docs.sh")
    source = ROOT / "web" / "docs"
    for name in ("index.html", "init.js"):
        assert (dist / name).read_bytes() == (source / name).read_bytes(), \
            f"web/docs/dist/{name} is stale: run scripts/build-docs.sh"
    page = server.get("/docs/")
    assert page.status_code == 200, "the server did not mount /docs (was web/docs/dist built before it started?)"
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<title>Kinora API</title>" in page.text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text), "the page must not load anything remote"
    for asset, content_type in [("swagger-ui-bundle.js", "text/javascript"),
                                ("swagger-ui-standalone-preset.js", "text/javascript"),
                                ("swagger-ui.css", "text/css"), ("init.js", "text/javascript")]:
        assert f'"{asset}"' in page.text
        r = server.get("/docs/" + asset)
        assert r.status_code == 200 and r.headers["Content-Type"].startswith(content_type), asset
    init = server.get("/docs/init.js").text
    assert 'url: "/api/v1/openapi.json"' in init and "persistAuthorization: true" in init
    assert "validatorUrl: null" in init, "Swagger UI must not call its online validator"
