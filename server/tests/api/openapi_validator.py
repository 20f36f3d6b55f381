"""Checks every response an API test receives against docs/api/openapi.json.

`check(method, path, response)` finds the documented operation for the request (the path
template as the server's router matches it, the method, HEAD as GET), then the response by
exact status code (else a `4XX`-style range, else `default`), and asserts that
  - the status is documented for that operation,
  - the headers the response documents as required are present,
  - the Content-Type is one of the documented media types (or there is no body when none is),
  - a JSON body (application/json, application/problem+json) is valid against the schema
    (JSON Schema 2020-12, `#/components/...` refs resolved, `date-time` format checked).
Anything undocumented fails with an AssertionError that says what and where.

Two answers of the router are documented once, not per operation: a path that matches no
template answers components.responses.NotFound (404), and a documented path asked with an
undocumented method answers components.responses.MethodNotAllowed (405). Static files (any
path outside /api/, /healthz, /readyz and /metrics) are not part of the API and are skipped.
"""
import json
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from jsonschema import Draft202012Validator, FormatChecker

DOCUMENT_PATH = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.json"
DOCUMENT = json.loads(DOCUMENT_PATH.read_text(encoding="utf-8"))

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
OPERATIONAL_PATHS = ("/healthz", "/readyz", "/metrics")
UNMATCHED_PATH = "#/components/responses/NotFound"
UNMATCHED_METHOD = "#/components/responses/MethodNotAllowed"

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value):
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    datetime.fromisoformat(value.replace("z", "Z").replace("t", "T").replace("Z", "+00:00"))
    return True


def is_api_path(path):
    """True for paths the API owns; everything else is a static file of a web app or /docs."""
    return path.startswith("/api/") or path in OPERATIONAL_PATHS


def _segments(path):
    return path[1:].split("/")


def _compile_templates():
    out = []
    for template, item in DOCUMENT.get("paths", {}).items():
        segs = _segments(template)
        literal = [not (s.startswith("{") and s.endswith("}") and len(s) > 2) for s in segs]
        out.append((template, segs, literal, item))
    # A concrete path wins over a templated one (OpenAPI's rule, and the router has no overlaps).
    out.sort(key=lambda t: -sum(t[2]))
    return out


_TEMPLATES = _compile_templates()


def match_templates(path):
    """Documented path templates that the decoded request path matches, most literal first."""
    segs = _segments(path)
    found = []
    for template, tsegs, literal, item in _TEMPLATES:
        if len(tsegs) == len(segs) and all(not lit or t == s for t, s, lit in zip(tsegs, segs, literal)):
            found.append((template, item))
    return found


def resolve(node):
    """Follows a local `$ref` (as many times as it takes)."""
    while isinstance(node, dict) and "$ref" in node:
        node = pointer(node["$ref"])
    return node


def pointer(ref):
    if not ref.startswith("#/"):
        raise AssertionError(f"openapi.json: only local refs are supported, not {ref!r}")
    node = DOCUMENT
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError):
            raise AssertionError(f"openapi.json: {ref} does not resolve") from None
    return node


def escape(token):
    return token.replace("~", "~0").replace("/", "~1")


@lru_cache(maxsize=None)
def validator_for(schema_pointer):
    """A compiled validator for the schema at this JSON pointer into the document."""
    schema = pointer(schema_pointer)
    # The schema sits inside the whole document so that its `#/components/...` refs resolve.
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$ref": schema_pointer,
            "components": DOCUMENT.get("components", {}),
            "paths": DOCUMENT.get("paths", {})}
    return Draft202012Validator(root, format_checker=FORMATS)


def _find_response(method, path, status):
    """(label, response object, json pointer of the response) for this exchange, or raises."""
    templates = match_templates(path)
    if not templates:
        assert status == 404, (
            f"{method} {path} answered {status}, but no path of openapi.json matches {path!r}: "
            "document the route (or this is a bug in the server)")
        return f"{method} {path} (no such path)", UNMATCHED_PATH
    op_method = "get" if method == "HEAD" else method.lower()
    for template, item in templates:
        if op_method in item:
            responses = item[op_method].get("responses", {})
            for key in (str(status), f"{status // 100}XX", "default"):
                if key in responses:
                    where = f"#/paths/{escape(template)}/{op_method}/responses/{key}"
                    return f"{method} {template} -> {key}", where
            raise AssertionError(
                f"{method} {path} answered {status}, which openapi.json does not document for "
                f"{op_method.upper()} {template} (documented: {', '.join(responses)})")
    assert status == 405, (
        f"{method} {path} answered {status}, but openapi.json documents no {method} on "
        f"{', '.join(t for t, _ in templates)} (documented: "
        f"{', '.join(sorted({m.upper() for _, i in templates for m in i if m in HTTP_METHODS}))})")
    return f"{method} {path} (method not documented)", UNMATCHED_METHOD


def _follow(where):
    """Resolves a response pointer that may itself be a $ref; returns (object, final pointer)."""
    node = pointer(where)
    while isinstance(node, dict) and "$ref" in node:
        where = node["$ref"]
        node = pointer(where)
    return node, where


def _media_type(value):
    return value.split(";", 1)[0].strip().lower()


def _is_json(media):
    return media == "application/json" or media.endswith("+json")


def describe_errors(errors, limit=5):
    lines = []
    for e in errors[:limit]:
        at = "$" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in e.absolute_path)
        lines.append(f"  at {at}: {e.message}")
        for sub in sorted(e.context or [], key=lambda s: len(list(s.absolute_path)))[:3]:
            sub_at = "$" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in sub.absolute_path)
            lines.append(f"    - at {sub_at}: {sub.message}")
    if len(errors) > limit:
        lines.append(f"  ... and {len(errors) - limit} more")
    return "\n".join(lines)


def check(method, path, response):
    """Asserts that the response is what openapi.json documents for this request."""
    method = method.upper()
    path = unquote(path.split("#", 1)[0].split("?", 1)[0])
    if not is_api_path(path):
        return None
    status = response.status_code
    label, where = _find_response(method, path, status)
    spec, where = _follow(where)

    for name, header in spec.get("headers", {}).items():
        header = resolve(header)
        if header.get("required") and name not in response.headers:
            raise AssertionError(f"{label}: response lacks the required header {name} "
                                 f"(has {', '.join(response.headers)})")

    content = spec.get("content")
    has_body = method != "HEAD" and status != 304
    if not content:
        if has_body:
            assert not response.content, f"{label}: documented without a body, got {response.content[:200]!r}"
        return None

    received = _media_type(response.headers.get("Content-Type", ""))
    media = {_media_type(k): k for k in content}
    assert received in media, (f"{label}: Content-Type {response.headers.get('Content-Type')!r} is not one of "
                               f"the documented {', '.join(content)}")
    if not has_body:
        return None
    key = media[received]
    if not _is_json(received) or "schema" not in content[key]:
        return None
    try:
        body = json.loads(response.content)
    except ValueError as e:
        raise AssertionError(f"{label}: the {received} body is not JSON ({e}): {response.content[:200]!r}") from None
    validator = validator_for(f"{where}/content/{escape(key)}/schema")
    errors = sorted(validator.iter_errors(body), key=lambda e: (len(list(e.absolute_path)), e.message))
    if errors:
        raise AssertionError(
            f"{label}: the {received} body does not match openapi.json:\n{describe_errors(errors)}\n"
            f"body: {response.text[:600]}")
    return None
