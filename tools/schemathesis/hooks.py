"""schemathesis hooks for tools/schemathesis/run: aim generated requests at real resources.

Left alone, every `{id}` the fuzzer draws is a random UUID, so each roadmap, priority, action,
indicator and user operation would only ever answer 404 and its handler would never run past
the lookup; and every `If-Match` it draws is a random string, so each roadmap write would stop
at 412. Before a request is sent, this hook (with some probability, so random ids and stale
ETags are still tried):

- swaps a drawn UUID path parameter for the id of a resource that exists and that the caller
  can see (roadmaps and reports from their lists, their parts from the document, users from
  `GET /users` when the caller may list them, discussions and their posts from their lists);
- swaps a drawn `If-Match` for the document's current ETag.

It changes only values that the fuzzer generated as valid (a well-formed UUID, a present
header), so negative cases (a malformed id, a missing `If-Match`) stay negative; schemathesis
re-derives each case's metadata after the hook. The hook talks to the server with the run's
own token (FUZZ_TOKEN) at FUZZ_BASE_URL, both set by tools/schemathesis/run.
"""

from __future__ import annotations

import json
import os
import random
import urllib.error
import urllib.request
import uuid
from typing import Any

import schemathesis

BASE = os.environ.get("FUZZ_BASE_URL", "")
TOKEN = os.environ.get("FUZZ_TOKEN", "")
# How often a drawn value is replaced by a real one.
REAL_ID_RATE = 0.8
REAL_ETAG_RATE = 0.8
_rng = random.Random(os.environ.get("FUZZ_SEED", "0"))


def _get(path: str) -> Any:
    request = urllib.request.Request(
        BASE + path, headers={"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            etag = response.headers.get("ETag")
            return json.load(response), etag
    except (urllib.error.URLError, ValueError, TimeoutError):
        return None, None


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _pick(items: list[dict[str, Any]] | None) -> str | None:
    return _rng.choice(items)["id"] if items else None


# The reviewed documents: where they are listed, and for each path parameter of a part, the list
# of the document that holds the parts and the key that names one.
DOCUMENTS = {
    "/api/v1/roadmaps/": (
        "/api/v1/roadmaps?per_page=100",
        {"pid": ("priorities", "id"), "aid": ("actions", "id"), "iid": ("indicators", "id")},
    ),
    "/api/v1/reports/": (
        "/api/v1/reports?per_page=100",
        {
            "action_id": ("actions", "action_id"),
            "indicator_id": ("indicators", "indicator_id"),
            "sid": ("support_requests", "id"),
        },
    ),
}


def _aim_at_discussion(params: dict[str, Any]) -> None:
    """A thread the caller can read, and one of its posts (the fuzzer's own threads)."""
    if _rng.random() < REAL_ID_RATE:
        threads, _ = _get("/api/v1/discussions?per_page=100")
        real = _pick((threads or {}).get("items"))
        if real:
            params["id"] = real
    if _is_uuid(params.get("post_id")) and _rng.random() < REAL_ID_RATE:
        posts, _ = _get(f"/api/v1/discussions/{params['id']}/posts?per_page=100")
        real = _pick((posts or {}).get("items"))
        if real:
            params["post_id"] = real


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    if not BASE or not TOKEN:
        return
    path = case.operation.path
    params = case.path_parameters if isinstance(case.path_parameters, dict) else None
    if params is None:
        return
    if path.startswith("/api/v1/users/") and _is_uuid(params.get("id")):
        if _rng.random() < REAL_ID_RATE:
            users, _ = _get("/api/v1/users?per_page=100")
            real = _pick((users or {}).get("items"))
            if real:
                params["id"] = real
        return
    if path.startswith("/api/v1/discussions/") and _is_uuid(params.get("id")):
        _aim_at_discussion(params)
        return
    prefix = next((p for p in DOCUMENTS if path.startswith(p)), None)
    if prefix is None or not _is_uuid(params.get("id")):
        return
    listing, parts = DOCUMENTS[prefix]
    if _rng.random() < REAL_ID_RATE:
        documents, _ = _get(listing)
        real = _pick((documents or {}).get("items"))
        if real:
            params["id"] = real
    document, etag = _get(f"{prefix}{params['id']}")
    if not isinstance(document, dict):
        return
    for name, (key, id_key) in parts.items():
        if name in params and _is_uuid(params[name]) and _rng.random() < REAL_ID_RATE:
            items = document.get(key) or []
            if items:
                params[name] = _rng.choice(items)[id_key]
    headers = case.headers if isinstance(case.headers, dict) else None
    if headers is not None and etag:
        for key in list(headers):
            if key.lower() == "if-match" and _rng.random() < REAL_ETAG_RATE:
                headers[key] = etag
