"""Problems found in the data files: where they stand (file, line, readable field) and what is wrong, in plain words."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from pydantic import ValidationError

from dashboard.data.chinese import missing, twin
from dashboard.data.fields import describe
from dashboard.data.schema import CAPTURE_PATTERN, ID_PATTERN, Loc


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, with where it stands."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """The data files are not valid; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))


def node_at(node: yaml.Node | None, loc: Loc) -> tuple[yaml.Node | None, bool]:
    """The node a validation location points at, and whether it was found all the way."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if match is None:
                return node, False
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node, False
    return node, True


def line_of(node: yaml.Node | None, loc: Loc, extra: bool = False) -> int:
    """The line where the value at `loc` stands (for an unknown field, where its key stands).

    For a missing Chinese form (note_zh), the line of the English it translates (note), where there is one.
    """
    if extra and loc:
        parent, _ = node_at(node, loc[:-1])
        if isinstance(parent, yaml.MappingNode):
            for key, _value in parent.value:
                if key.value == str(loc[-1]):
                    return key.start_mark.line + 1
    found, complete = node_at(node, loc)
    english = twin(loc[-1]) if loc and not complete else None
    if english is not None:
        original, known = node_at(node, (*loc[:-1], english))
        found = original if known else found
    return found.start_mark.line + 1 if found is not None else 1


def value_at(data: object, loc: Loc) -> object:
    """The raw value at `loc` in the data as read, or None where there is none."""
    for part in loc:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def field_name(data: object, loc: Loc) -> str:
    """A readable field path: figures[zj-gdp-2024].value, naming items by id (a place by name) where they have one."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and not isinstance(data, dict):
            item = data[part] if isinstance(data, list) and part < len(data) else None
            key = "name" if parts == ["places"] else "id"
            item_id = item.get(key) if isinstance(item, dict) else None
            parts.append(f"[{item_id}]" if isinstance(item_id, str) and item_id else f"[{part + 1}]")
            data = item
        else:
            parts.append(("." if parts else "") + str(part))
            data = data.get(part) if isinstance(data, dict) else None
    return "".join(parts) or "(top level)"


EXPECTED = {
    "float_type": "a number", "float_parsing": "a number", "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "string_type": "text", "bool_type": "true or false", "bool_parsing": "true or false",
    "list_type": "a list (lines starting with -)", "dict_type": "a mapping (field: value)",
    "model_type": "a mapping (field: value)", "model_attributes_type": "a mapping (field: value)",
    "date_type": "a date written YYYY-MM-DD", "date_parsing": "a date written YYYY-MM-DD", "url_type": "a web address",
}
PATTERNS = {
    ID_PATTERN: "must be an id: letters, digits, '_', '.' or '-', starting with a letter or digit, at most 80 characters",
    CAPTURE_PATTERN: "must be the name of a .txt file (letters, digits, '_', '.' or '-')",
}


def message(error: dict) -> str:
    """Pydantic's error in a curator's words."""
    kind, msg, ctx, got = error["type"], error["msg"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return f"unknown field {str(error['loc'][-1])!r}: not part of the format (check the spelling)"
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    if kind in EXPECTED:
        return f"must be {EXPECTED[kind]}, not {describe(got)}"
    if kind == "literal_error":
        allowed = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected"))))
        return f"must be one of: {allowed}; not {describe(got)}"
    if kind == "string_pattern_mismatch":
        rule = PATTERNS.get(str(ctx.get("pattern")), f"must match the pattern {ctx.get('pattern')}")
        return f"{rule}; not {describe(got)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item(s)"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "more than", "greater_than_equal": "at least", "less_than": "less than",
                 "less_than_equal": "at most"}[kind]
        limit = next(iter(ctx.values()), "")
        return f"must be {words} {limit:g}, not {describe(got)}" if isinstance(limit, float) else \
            f"must be {words} {limit}, not {describe(got)}"
    if kind.startswith("url_"):
        return f"is not a valid web address ({ctx.get('error', msg)}): {describe(got)}"
    if kind == "invalid_key":
        return f"field names must be text, not {describe(got)}"
    return f"{msg} (got {describe(got)})"


def from_validation(exc: ValidationError, name: str, data: object, node: yaml.Node | None, prefix: Loc = ()) -> list[Problem]:
    out = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))  # drop union branch tags
        extra = error["type"] == "extra_forbidden"
        text = message(error)
        english = twin(loc[-1]) if loc and error["type"] == "missing" else None
        if english is not None:  # a required Chinese form: say which, with the English it translates
            text = missing(english, value_at(data, (*prefix, *loc[:-1], english)))
        elif prefix + loc == ("places",) and error["type"] == "missing":
            text += ": list every place the figures are about, each with its name and its Chinese name (name_zh)"
        out.append(Problem(name, line_of(node, loc, extra), field_name(data, prefix + loc), text))
    return out
