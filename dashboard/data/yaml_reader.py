"""The one YAML reader: PyYAML's safe loader, refusing tags, aliases, merge keys, duplicate keys and deep nesting."""

from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode, SequenceNode

MAX_DEPTH = 64
MERGE = "tag:yaml.org,2002:merge"


class YamlProblem(Exception):
    """The text is not YAML this project reads; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when PyYAML has it), with strict scalars and dates that do not exist kept as text."""

    def construct_yaml_timestamp(self, node):
        """A date that does not exist (2025-02-30) stays text, so the schema can say which field is wrong."""
        try:
            return SafeConstructor.construct_yaml_timestamp(self, node)
        except (ValueError, TypeError, AttributeError):
            return self.construct_scalar(node)


def _strict(name: str):
    """Wrap a scalar constructor so that a bad explicit tag (!!int abc) is a YAML error with its line."""
    base = SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]

    def construct(loader, node):
        try:
            return base(loader, node)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            raise ConstructorError(None, None, f"{node.value!r} is not a valid {name}", node.start_mark) from None

    return construct


for _name in ("int", "float", "bool"):
    Loader.add_constructor(f"tag:yaml.org,2002:{_name}", _strict(_name))
Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)


def _check_tree(root: yaml.Node) -> None:
    """Refuse aliases (a node met twice), merge keys, duplicate keys and nesting deeper than MAX_DEPTH.

    Walks the node tree once, without recursion, before anything is constructed from it, so an alias bomb costs
    no more than its text.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int, int]] = [(root, 0, root.start_mark.line + 1)]
    while stack:
        node, depth, line = stack.pop()
        if id(node) in seen:
            raise YamlProblem(line, "aliases (*name) are not allowed here: write the value out in full")
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            continue
        if depth >= MAX_DEPTH:
            raise YamlProblem(node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, SequenceNode):
            stack += [(item, depth + 1, node.start_mark.line + 1) for item in reversed(node.value)]
            continue
        first: dict[str, int] = {}
        children = []
        for key, value in node.value:
            key_line = key.start_mark.line + 1
            if id(value) in seen:
                raise YamlProblem(key_line, "aliases (*name) are not allowed here: write the value out in full")
            if key.tag == MERGE:
                raise YamlProblem(key_line, "merge keys (<<) are not allowed here: write every field out")
            if isinstance(key, ScalarNode):
                if key.value in first:
                    raise YamlProblem(key_line, f"key {key.value!r} appears twice in the same mapping "
                                                f"(first at line {first[key.value]})")
                first[key.value] = key_line
            children += [(value, depth + 1, key_line), (key, depth + 1, key_line)]
        stack += reversed(children)


def parse(text: str) -> tuple[object, yaml.Node | None]:
    """Data and node tree (for line numbers) of one YAML document, or YamlProblem."""
    loader = Loader(text)
    try:
        node = loader.get_node() if loader.check_node() else None
        if node is not None and not loader.check_event(yaml.StreamEndEvent):
            raise YamlProblem(loader.peek_event().start_mark.line + 1,
                              "the file must hold one YAML document, not several (---)")
        if node is not None:
            _check_tree(node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(text.count("\n", 0, exc.position) + 1,
                          f"character #x{exc.character:04x} is not allowed in YAML") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        tab = "\t" in (text.split("\n", line)[line - 1] if line <= text.count("\n") + 1 else "")
        raise YamlProblem(line, _reason(exc, tab)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()
    return data, node


def _reason(exc: yaml.MarkedYAMLError, tab_on_line: bool = False) -> str:
    """A curator's wording of a parser or constructor error."""
    problem = exc.problem or ""
    if isinstance(exc, ConstructorError) and "could not determine a constructor" in problem:
        tag = problem.split("tag", 1)[-1].strip(" '").replace("tag:yaml.org,2002:", "!!")
        return f"tags such as {tag} are not allowed: write plain values"
    if isinstance(exc, ConstructorError) and "unhashable key" in problem:
        return "keys must be plain text, not a list or a mapping"
    if isinstance(exc, ConstructorError):
        return problem
    reason = "YAML syntax error: " + " ".join(filter(None, [exc.context, problem]))
    if "tab" in problem or tab_on_line:
        reason += " (indent with spaces, not tabs)"
    return reason
