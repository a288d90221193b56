"""The one YAML reader: plain data only, no tags, aliases or merge keys, bounded nesting, no duplicate keys. No I/O.

libyaml reads the events (iteratively); a small composer here builds the nodes, and PyYAML's SafeConstructor
turns them into data.
"""

from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: the same, in Python
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

MAX_DEPTH = 64
MAPPING, SEQUENCE = Resolver.DEFAULT_MAPPING_TAG, Resolver.DEFAULT_SEQUENCE_TAG
MERGE = "tag:yaml.org,2002:merge"


class YamlProblem(Exception):
    """The text is not YAML this project reads; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class Loader(_Parser, SafeConstructor, Resolver):
    """SafeLoader with its own composer (below) in place of libyaml's."""

    def __init__(self, text: str):
        _Parser.__init__(self, text)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def construct_yaml_timestamp(self, node):
        """A date that does not exist (2025-02-30) stays text, so the schema can say which field is wrong."""
        try:
            return SafeConstructor.construct_yaml_timestamp(self, node)
        except (ValueError, TypeError, AttributeError):
            return self.construct_scalar(node)


def _compose(loader: Loader) -> yaml.Node | None:
    """Build the node tree of the single document from the parser's events, iteratively.

    Replaces PyYAML's composer: libyaml's recurses in C (a deeply nested file crashes the process) and the Python
    one costs a few method calls per node. Aliases are refused at the first one met, before anything is built
    from them, so an alias bomb costs nothing; nesting deeper than MAX_DEPTH is refused; duplicate keys are noted.
    """
    get = loader.get_event
    get()  # stream start
    if isinstance(get(), StreamEndEvent):
        return None
    resolved: dict[tuple[str, tuple[bool, bool]], str] = {}
    stack: list[list] = []  # [node, key waiting for its value]
    root = None
    while root is None:
        event = get()
        kind = event.__class__
        if kind is ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                key = (event.value, event.implicit)
                tag = resolved.get(key)
                if tag is None:
                    tag = resolved[key] = loader.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
            tag = event.tag
            if kind is MappingStartEvent:
                node = MappingNode(MAPPING if tag is None or tag == "!" else tag, [], event.start_mark, None,
                                   flow_style=event.flow_style)
            else:
                node = SequenceNode(SEQUENCE if tag is None or tag == "!" else tag, [], event.start_mark, None,
                                    flow_style=event.flow_style)
            stack.append([node, None])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            node = stack.pop()[0]
            node.end_mark = event.end_mark
            if kind is MappingEndEvent:
                _check_keys(node)
        elif kind is AliasEvent:
            raise YamlProblem(event.start_mark.line + 1, "aliases (*name) are not allowed here: write the value out in full")
        else:
            raise YamlProblem(event.start_mark.line + 1, f"unexpected {kind.__name__}")
        if not stack:
            root = node
            break
        parent = stack[-1]
        if parent[0].__class__ is SequenceNode:
            parent[0].value.append(node)
        elif parent[1] is None:
            parent[1] = node
        else:
            parent[0].value.append((parent[1], node))
            parent[1] = None
    get()  # document end
    event = get()
    if not isinstance(event, StreamEndEvent):
        raise YamlProblem(event.start_mark.line + 1, "the file must hold one YAML document, not several (---)")
    return root


def _check_keys(node: MappingNode) -> None:
    """Refuse merge keys (<<) and keys that appear twice in one mapping."""
    for key, _ in node.value:
        if key.tag == MERGE:
            raise YamlProblem(key.start_mark.line + 1, "merge keys (<<) are not allowed here: write every field out")
    keys = [key.value for key, _ in node.value if key.__class__ is ScalarNode]
    if len(set(keys)) == len(keys):
        return
    first: dict[str, int] = {}
    for key, _ in node.value:
        if key.__class__ is ScalarNode:
            line = key.start_mark.line + 1
            if key.value in first:
                raise YamlProblem(line, f"key {key.value!r} appears twice in the same mapping (first at line {first[key.value]})")
            first[key.value] = line


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


def parse(text: str) -> tuple[object, yaml.Node | None]:
    """Data and node tree (for line numbers) of one YAML document, or YamlProblem."""
    loader = Loader(text)
    try:
        node = _compose(loader)
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
        raise YamlProblem(1, "nested too deeply") from None
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
