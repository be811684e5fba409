"""Every JSON answer of the API against the schema its OpenAPI description gives for it
(``/api/openapi.json`` had none for the answers), and the comparison's schema against
docs/comparison-json.md. Invented articles, the stand-in comparer."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from blickwinkel.store import Store
from tests.integration.test_store import _fill
from tests.integration.test_web_api import TEXT_A, TEXT_B, TestClient, _client, store  # noqa: F401

DOCS = Path(__file__).resolve().parents[2] / "docs" / "comparison-json.md"
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def problems(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str = "") -> list[str]:
    """Where ``value`` does not fit ``schema`` (the parts of JSON Schema the description uses:
    $ref, anyOf, type, properties, required, additionalProperties, items, prefixItems)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return problems(value, spec["components"]["schemas"][name], spec, where)
    if "anyOf" in schema:
        tries = [problems(value, option, spec, where) for option in schema["anyOf"]]
        return [] if any(not t for t in tries) else min(tries, key=len)
    kind = schema.get("type")
    if kind is not None:
        fits = isinstance(value, _TYPES[kind]) and not (
            kind in ("integer", "number") and isinstance(value, bool)
        )
        if not fits:
            return [f"{where or '.'}: {type(value).__name__} is no {kind}"]
    found: list[str] = []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{where}.{k}: missing" for k in schema.get("required", []) if k not in value]
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                found += problems(item, properties[key], spec, f"{where}.{key}")
            elif extra is False:
                found.append(f"{where}.{key}: not in the schema")
            elif isinstance(extra, dict):
                found += problems(item, extra, spec, f"{where}.{key}")
    if isinstance(value, list):
        fixed = schema.get("prefixItems")
        for n, item in enumerate(value):
            part = fixed[n] if fixed and n < len(fixed) else schema.get("items", {})
            found += problems(item, part, spec, f"{where}[{n}]")
    return found


def _schema(spec: dict[str, Any], path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    answer = spec["paths"][path][method]["responses"][status]
    schema: dict[str, Any] = answer["content"]["application/json"]["schema"]
    return schema


@pytest.fixture
def client(store: Store) -> TestClient:  # noqa: F811 (the fixture imported above)
    _fill(store)
    return _client(store, max_request_mb=1)


def test_every_json_answer_fits_its_schema(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    story = client.get("/api/v1/stories").json()["items"][0]["id"]
    article = client.get("/api/v1/articles").json()["items"][0]["id"]
    answers = {
        ("/api/v1/articles", "get"): client.get("/api/v1/articles", params={"limit": 2}),
        ("/api/v1/articles/{article_id}", "get"): client.get(f"/api/v1/articles/{article}"),
        ("/api/v1/stories", "get"): client.get("/api/v1/stories"),
        ("/api/v1/stories/{story_id}", "get"): client.get(f"/api/v1/stories/{story}"),
        ("/api/v1/outlets", "get"): client.get("/api/v1/outlets"),
        ("/api/v1/entities/{key}", "get"): client.get("/api/v1/entities/brackwell"),
        ("/api/v1/search", "get"): client.get("/api/v1/search", params={"q": "Brackwell"}),
        ("/api/v1/compare", "post"): client.post(
            "/api/v1/compare",
            json={"articles": [{"text": TEXT_A}, {"text": TEXT_B}, {"url": "gopher://x.example"}]},
        ),
    }
    json_routes = {
        (path, method)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if "application/json" in op["responses"].get("200", {}).get("content", {})
    }
    assert json_routes == set(answers)
    for (path, method), response in answers.items():
        assert response.status_code == 200, (path, response.text)
        body = response.json()
        assert body and all(v != [] for k, v in body.items() if k == "items"), path  # something to check
        assert problems(body, _schema(spec, path, method), spec) == [], path
        # a field the answer lacks is named too
        first = next(iter(body))
        assert problems({k: v for k, v in body.items() if k != first}, _schema(spec, path, method), spec)


def test_a_pending_story_fits_its_schema(store: Store) -> None:  # noqa: F811
    _fill(store)
    client = _client(store, max_request_mb=1)
    spec = client.get("/api/openapi.json").json()
    story = client.get("/api/v1/stories").json()["items"][0]["id"]
    body = client.get(f"/api/v1/stories/{story}").json() | {"comparison": None, "comparison_pending": True}
    assert problems(body, _schema(spec, "/api/v1/stories/{story_id}", status="202"), spec) == []


def test_the_comparison_schema_has_the_documented_fields(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    documented = re.search(r"```text\n\{\n(.*?)\n\}\n```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert documented is not None
    fields = re.findall(r'^\s+"(\w+)":', documented.group(1), re.MULTILINE)
    schema = spec["components"]["schemas"]["Comparison"]
    assert sorted(schema["properties"]) == sorted(fields)
    assert sorted(schema["required"]) == sorted(f for f in fields if f not in ("different_events", "unread"))
    compared = spec["components"]["schemas"]["ComparedInputs"]
    assert set(compared["properties"]) - set(fields) == {"notes"}
    assert "unread" in compared["required"]
