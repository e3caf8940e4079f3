"""OpenAPI post-processing: every operation may answer 429 Too Many Requests with a Retry-After header."""

THROTTLED = {
    "description": "Too many requests from this address (anonymous clients only); retry after the number of "
                   "seconds in Retry-After.",
    "headers": {
        "Retry-After": {
            "description": "Seconds to wait before the next request.",
            "schema": {"type": "integer", "minimum": 0},
        },
    },
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def declare_throttling(result, generator, request, public):
    """drf-spectacular hook: add the 429 response (and the Error schema it uses) to every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    })
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in ("get", "head", "post", "put", "patch", "delete", "options"):
                operation.setdefault("responses", {}).setdefault("429", THROTTLED)
    return result
