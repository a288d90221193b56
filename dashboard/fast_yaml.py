"""Read plain YAML text into data in one pass over the parser's events; anything unusual is left to safe_yaml.

safe_yaml builds a node tree and hands it to PyYAML's constructor: exact, with line numbers, but several times
slower than the parser itself on a file of thousands of figures. Here the events become dicts, lists and values
directly. Whatever this reader does not handle exactly as safe_yaml would (tags, aliases, merge keys, duplicate
or non-text keys, nesting too deep, several documents, a syntax error) makes it give up, and the same text goes
through safe_yaml, which gives the data or the problem with its line. So the two always agree.
"""

from __future__ import annotations

import gc

import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from dashboard.safe_yaml import MAX_DEPTH, Loader, parse

_STR, _NULL, _BOOL = (f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool"))
_BUILT = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "timestamp")}
_RESOLVER = Resolver()
# The first characters some implicit tag may start with: any other plain scalar is a string (as Resolver.resolve does).
_FIRSTS = frozenset(_RESOLVER.yaml_implicit_resolvers) if None not in _RESOLVER.yaml_implicit_resolvers else None
_KEY = object()  # the mapping waits for a key


class _Unusual(Exception):
    """Something safe_yaml must read instead."""


def load_data(text: str) -> object:
    """The data of one YAML document (None when there is none), or safe_yaml.YamlProblem."""
    paused = gc.isenabled()
    gc.disable()  # building a large tree triggers many useless collections; nothing here makes cycles
    try:
        return _read(text)
    except Exception:  # _Unusual, a syntax error, or anything unforeseen: safe_yaml gives the data or the problem
        return parse(text)[0]
    finally:
        if paused:
            gc.enable()


def _read(text: str) -> object:
    """The events of the single document, made into data with an explicit stack (no recursion)."""
    get = Loader(text).get_event
    get()  # stream start
    if get().__class__ is StreamEndEvent:
        return None
    plain: dict[str, object] = {}  # plain scalar text -> value; every value made here is immutable
    stack: list[tuple] = []  # the containers above this one, each with the key its child will be stored under
    top: object = None
    key: object = None
    while True:
        event = get()
        kind = event.__class__
        if kind is ScalarEvent:
            if event.tag is not None:
                raise _Unusual
            value = event.value
            if event.implicit[0]:
                try:
                    value = plain[value]
                except KeyError:
                    value = plain[value] = _scalar(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None or len(stack) >= MAX_DEPTH or key is _KEY:
                raise _Unusual  # a tag, too deep, or a list or mapping as a key
            stack.append((top, key))
            if kind is MappingStartEvent:
                top, key = {}, _KEY
            else:
                top, key = [], None
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = top
            top, key = stack.pop()
        else:  # an alias, or something no well-formed single document holds here
            raise _Unusual
        if top.__class__ is list:
            top.append(value)
        elif key is _KEY:
            if value.__class__ is not str:
                raise _Unusual  # safe_yaml compares keys as written: '1' and 1 are the same key there
            key = value
        elif top is None:
            break
        else:
            if key in top:
                raise _Unusual  # a duplicate key, or two spellings of one value (1 and 0x1)
            top[key] = value
            key = _KEY
    get()  # document end
    if get().__class__ is not StreamEndEvent:
        raise _Unusual
    return value


def _scalar(text: str) -> object:
    """A plain scalar's value, exactly as safe_yaml makes it."""
    if _FIRSTS is not None and text and text[0] not in _FIRSTS:
        return text  # no implicit tag starts with this character: a string, without trying each pattern
    digits = text[1:] if text[:1] == "-" else text
    if digits.isascii() and len(digits) < 100:  # the common numbers, without the resolver: 2024, -5, 4.75
        if digits.isdigit() and (digits[0] != "0" or digits == "0"):  # not 017 (octal), 1_000, 1e3
            return int(text)
        whole, dot, part = digits.partition(".")
        if dot and whole.isdigit() and part.isdigit():
            return float(text)
    tag = _RESOLVER.resolve(ScalarNode, text, (True, False))
    if tag == _STR:
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return Loader.bool_values[text.lower()]
    if tag in _BUILT:
        try:
            return _CONSTRUCT.yaml_constructors[tag](_CONSTRUCT, ScalarNode(tag, text))
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, yaml.YAMLError):
            raise _Unusual from None  # safe_yaml reports it with its line
    raise _Unusual  # merge key (<<) or value key (=)


_CONSTRUCT = Loader("")  # only its scalar constructors are used
