#!/usr/bin/env python3
"""Derives kalshi-required-fields.json from Kalshi's OpenAPI spec.

Usage:
    python3 derive-required-fields.py /path/to/kalshi_openapi_3_27_0_20260807.yaml [out.json]

The output defaults to kalshi-required-fields.json next to this script. Only for regenerating the list:
the tests read the JSON, never the spec. Needs PyYAML (Debian: apt-get install python3-yaml).

What it does:
  * looks up the 2xx response schema of each endpoint in ENDPOINTS (the ones the Sandbox serves),
  * takes those schemas, the ITEM_SCHEMAS, and every object schema they reference, transitively,
  * writes for every property: name, JSON type, required, nullable, format, enum values, and for
    arrays/objects the referenced schema.
"""

import hashlib
import json
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover - a message, not a fallback
    sys.exit("PyYAML is needed to regenerate the list: apt-get install python3-yaml (or pip install pyyaml)")

# The endpoints whose answers the conformance tests check: (method, path).
ENDPOINTS = [
    ("get", "/markets"),
    ("get", "/markets/{ticker}"),
    ("get", "/portfolio/orders"),
    ("get", "/portfolio/orders/{order_id}"),
    ("post", "/portfolio/events/orders"),
    ("delete", "/portfolio/events/orders/{order_id}"),
    ("get", "/portfolio/fills"),
    ("get", "/portfolio/positions"),
    ("get", "/portfolio/settlements"),
]

# The objects themselves; the envelopes above reach them anyway, but they are the point of the list.
ITEM_SCHEMAS = ["Market", "Order", "Fill", "MarketPosition", "EventPosition", "Settlement"]

# Fixed-point string schemas, mapped to the list's format names.
FIXED_POINT = {"FixedPointDollars": "fixed-point-dollars", "FixedPointCount": "fixed-point-count"}

# The spec allows "up to 6" decimals for FixedPointDollars, but Kalshi's responses carry exactly 4
# ("0.5600"; shared/kalshi/NOTES.md, "4 dp in practice"), and clients are written against that.
DOLLARS_DECIMALS_SENT = 4


def ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def resolve(schema, schemas):
    """(name of the referenced schema or None, the effective schema with sibling keys merged over it)."""
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        merged = dict(schemas[name])
        merged.update({k: v for k, v in schema.items() if k != "$ref"})
        return name, merged
    all_of = schema.get("allOf")
    if all_of and len(all_of) == 1 and "$ref" in all_of[0]:
        name, target = resolve(all_of[0], schemas)
        merged = dict(target)
        merged.update({k: v for k, v in schema.items() if k != "allOf"})
        return name, merged
    return None, schema


def field_entry(name, prop, required, schemas, wanted):
    ref, eff = resolve(prop, schemas)
    entry = {"name": name, "type": eff.get("type", "object" if "properties" in eff else "any"), "required": required}
    if eff.get("nullable"):
        entry["nullable"] = True
    if ref in FIXED_POINT:
        entry["format"] = FIXED_POINT[ref]
    elif "format" in eff:
        entry["format"] = eff["format"]
    elif entry["type"] == "string" and (name.endswith("_dollars") or name.endswith("_fp")):
        # A plain string named like a fixed-point field: say so, but do not guess a format.
        entry["note"] = "named like a fixed-point field but typed plain string in the spec"
    if "enum" in eff:
        entry["enum"] = [str(v) if not isinstance(v, str) else v for v in eff["enum"]]
    if entry["type"] == "object" and ref is not None and "properties" in eff:
        entry["ref"] = ref
        wanted.append(ref)
    if entry["type"] == "array":
        item_ref, item = resolve(eff.get("items", {}), schemas)
        items = {"type": item.get("type", "object" if "properties" in item else "any")}
        if item_ref in FIXED_POINT:
            items["format"] = FIXED_POINT[item_ref]
        elif "format" in item:
            items["format"] = item["format"]
        if "enum" in item:
            items["enum"] = item["enum"]
        if item_ref is not None and "properties" in item:
            items["ref"] = item_ref
            wanted.append(item_ref)
        entry["items"] = items
    if eff.get("deprecated"):
        entry["deprecated"] = True
    return entry


def schema_entry(name, schemas, wanted):
    schema = schemas[name]
    required = schema.get("required", [])
    props = schema.get("properties", {})
    fields = [field_entry(p, props[p], p in required, schemas, wanted) for p in props]
    for missing in (r for r in required if r not in props):
        fields.append({"name": missing, "type": "any", "required": True})
    return {"fields": fields}


def decimals(description, pattern):
    match = re.search(pattern, description or "")
    return int(match.group(1)) if match else None


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    spec_path = argv[1]
    out_path = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "kalshi-required-fields.json")
    raw = open(spec_path, "rb").read()
    spec = yaml.safe_load(raw)
    schemas = spec["components"]["schemas"]

    endpoints = []
    wanted = []
    for method, path in ENDPOINTS:
        op = spec["paths"][path][method]
        for status, response in op["responses"].items():
            if not str(status).startswith("2"):
                continue
            schema = response["content"]["application/json"]["schema"]
            name = ref_name(schema["$ref"])
            endpoints.append({"method": method.upper(), "path": path, "operation": op["operationId"], "status": int(status), "schema": name})
            wanted.append(name)
    wanted.extend(ITEM_SCHEMAS)

    out = {}
    while wanted:
        name = wanted.pop(0)
        if name not in out:
            out[name] = schema_entry(name, schemas, wanted)

    dollars = schemas["FixedPointDollars"]
    count = schemas["FixedPointCount"]
    count_decimals = decimals(count.get("description"), r"\((\d+) decimals") or 2
    formats = {
        "date-time": {"description": "RFC 3339 date-time, e.g. 2026-05-20T03:59:00Z or 2026-05-13T02:30:00.984498Z"},
        "fixed-point-dollars": {
            "schema": "FixedPointDollars",
            "decimals": DOLLARS_DECIMALS_SENT,
            "spec_max_decimals": decimals(dollars.get("description"), r"up to (\d+) decimal places"),
            "pattern": "^-?[0-9]+\\.[0-9]{%d}$" % DOLLARS_DECIMALS_SENT,
            "example": dollars.get("example"),
        },
        "fixed-point-count": {
            "schema": "FixedPointCount",
            "decimals": count_decimals,
            "pattern": "^-?[0-9]+\\.[0-9]{%d}$" % count_decimals,
            "example": count.get("example"),
        },
        "int32": {"description": "integer in the signed 32-bit range"},
        "int64": {"description": "integer in the signed 64-bit range"},
        "double": {"description": "any JSON number"},
    }

    document = {
        "generated_by": "tests/KalshiDesk.Sandbox.Tests/Conformance/derive-required-fields.py",
        "spec": {
            "file": os.path.basename(spec_path),
            "title": spec["info"]["title"],
            "version": spec["info"]["version"],
            "sha256": hashlib.sha256(raw).hexdigest(),
        },
        "formats": formats,
        "endpoints": endpoints,
        "schemas": out,
    }
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(document))
    print("wrote %s: %d schemas, %d endpoints" % (out_path, len(out), len(endpoints)))


def render(document):
    """Pretty JSON, but one line per field, endpoint and format, so the list stays compact and diffs well."""
    one = lambda v: json.dumps(v, ensure_ascii=False)
    lines = ["{"]
    lines.append('  "generated_by": %s,' % one(document["generated_by"]))
    lines.append('  "spec": %s,' % one(document["spec"]))
    lines.append('  "formats": {')
    items = list(document["formats"].items())
    for i, (name, fmt) in enumerate(items):
        lines.append("    %s: %s%s" % (one(name), one(fmt), "," if i < len(items) - 1 else ""))
    lines.append("  },")
    lines.append('  "endpoints": [')
    for i, e in enumerate(document["endpoints"]):
        lines.append("    %s%s" % (one(e), "," if i < len(document["endpoints"]) - 1 else ""))
    lines.append("  ],")
    lines.append('  "schemas": {')
    schemas = list(document["schemas"].items())
    for i, (name, schema) in enumerate(schemas):
        lines.append('    %s: {' % one(name))
        lines.append('      "fields": [')
        for j, f in enumerate(schema["fields"]):
            lines.append("        %s%s" % (one(f), "," if j < len(schema["fields"]) - 1 else ""))
        lines.append("      ]")
        lines.append("    }%s" % ("," if i < len(schemas) - 1 else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main(sys.argv)
