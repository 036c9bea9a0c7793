#!/usr/bin/env python3
"""Regenerates the values table in charts/shadowproxy/README.md from the `# --` comments in values.yaml.

helm-docs conventions, without helm-docs: a `# -- text` comment (continued by following `#` lines) documents the
key below it; `# -- (type) text` overrides the inferred type; `# @default -- text` overrides the shown default.
`--check` only reports whether the README is up to date (exit 1 if not).
"""
import re
import sys
from pathlib import Path

CHART = Path(__file__).resolve().parent.parent / "charts" / "shadowproxy"
START, END = "<!-- values-table:start -->", "<!-- values-table:end -->"
KEY = re.compile(r"^(?P<indent> *)(?P<key>[A-Za-z0-9_.\-\"']+):(?: (?P<value>.*))?$")


def parse(lines):
    """Yields (path, type, default, description) for every documented key, in file order."""
    stack, doc, default_override = [], None, None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("# --"):
            doc, default_override = [stripped[4:].strip()], None
            continue
        if stripped.startswith("# @default --"):
            default_override = stripped[len("# @default --"):].strip()
            continue
        if stripped.startswith("#"):
            if doc is not None:
                doc.append(stripped[1:].strip())
            continue
        match = KEY.match(line)
        if not match:
            continue
        indent, key = len(match["indent"]), match["key"].strip("\"'")
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, key))
        if doc is None:
            continue
        text = " ".join(part for part in doc if part)
        value = (match["value"] or "").split(" #")[0].strip()
        block = [] if value else block_below(lines, number + 1, indent)
        type_match = re.match(r"^\((?P<type>[^)]+)\)\s*(?P<rest>.*)$", text)
        kind = type_match["type"] if type_match else infer_type(value, block)
        text = type_match["rest"] if type_match else text
        default = default_override or (value if value else render_block(block))
        yield ".".join(k for _, k in stack), kind, default, text
        doc, default_override = None, None


def block_below(lines, start, indent):
    block = []
    for line in lines[start:]:
        if line.strip() and not line.strip().startswith("#"):
            if len(line) - len(line.lstrip(" ")) <= indent and not line.lstrip().startswith("- "):
                break
            block.append(line.rstrip())
    return block


def infer_type(value, block):
    if block:
        return "list" if block[0].lstrip().startswith("- ") else "object"
    if value in ("true", "false"):
        return "bool"
    if value == "null":
        return "string"
    if value.startswith("["):
        return "list"
    if value.startswith("{"):
        return "object"
    if re.fullmatch(r"-?\d+", value):
        return "int"
    if re.fullmatch(r"-?\d+\.\d+", value):
        return "float"
    return "string"


def render_block(block):
    """A nested block of `key: value` maps and `- scalar` lists, written in YAML flow style on one line."""
    rendered, rest = flow([(len(line) - len(line.lstrip(" ")), line.strip()) for line in block])
    return rendered if not rest else " ".join(line.strip() for line in block)


def flow(items):
    indent = items[0][0]
    if items[0][1].startswith("- "):
        scalars = []
        while items and items[0][0] == indent and items[0][1].startswith("- "):
            scalars.append(items.pop(0)[1][2:].strip())
        return "[" + ", ".join(scalars) + "]", items
    pairs = []
    while items and items[0][0] == indent and not items[0][1].startswith("- "):
        key, _, value = items.pop(0)[1].partition(":")
        if value.strip():
            pairs.append(f"{key}: {value.strip()}")
        elif items and (items[0][0] > indent or items[0][1].startswith("- ")):
            nested, items = flow(items)
            pairs.append(f"{key}: {nested}")
        else:
            pairs.append(f"{key}: null")
    return "{" + ", ".join(pairs) + "}", items


def table(values_text):
    rows = ["| Key | Type | Default | Description |", "|-----|------|---------|-------------|"]
    for path, kind, default, text in parse(values_text.splitlines()):
        rows.append(f"| `{path}` | {kind} | `{escape(default)}` | {escape(text)} |")
    return "\n".join(rows)


def escape(text):
    return text.replace("|", "\\|")


def main():
    readme_path = CHART / "README.md"
    readme = readme_path.read_text()
    if START not in readme or END not in readme:
        sys.exit(f"{readme_path}: missing {START} / {END} markers")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    updated = f"{head}{START}\n{table((CHART / 'values.yaml').read_text())}\n{END}{tail}"
    if "--check" in sys.argv[1:]:
        if updated != readme:
            sys.exit("charts/shadowproxy/README.md: values table is stale; run eng/values-table.py")
        return
    readme_path.write_text(updated)


if __name__ == "__main__":
    main()
