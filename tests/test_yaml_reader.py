"""The one YAML reader (dashboard.data.yaml_reader): plain data as PyYAML's safe loader reads it; the rest refused."""

import math

import pytest
import yaml

from dashboard.data.yaml_reader import MAX_DEPTH, Loader, YamlProblem, parse


def read(text: str):
    """What the reader gives: ("data", value) or ("problem", line, message)."""
    try:
        return "data", parse(text)[0]
    except YamlProblem as exc:
        return "problem", exc.line, exc.message


def test_the_data_files_read_as_the_safe_loader_reads_them(root):
    for path in [root / "indicators.yaml", *sorted((root / "sources").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        assert parse(text)[0] == yaml.safe_load(text), path


SCALARS = ["0x1F", "0b101", "1_000", "1e3", "1.0e+3", ".5", "-.inf", ".inf", "~", "null", "", "yes", "no", "on",
           "true", "False", "2025-02-05", "2025-02-05T10:00:00", "'012'", "0o17", "017", "019", "-0", "+5", "1:30",
           "12345678901234567890123", "2024-2025", "2021–2023", "１２", "4.75", "1,000", "'<<'", "a b", "'2025-02-05'"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_scalars_read_as_the_safe_loader_reads_them(scalar):
    for text in (f"v: {scalar}\n", f"- {scalar}\n- {scalar}\n", f"{{k: {scalar}}}\n", f"{scalar}\n"):
        assert read(text) == ("data", yaml.safe_load(text)), text


def test_a_date_that_does_not_exist_stays_text_for_the_schema_to_report():
    assert read("published: 2025-02-30\n") == ("data", {"published": "2025-02-30"})
    assert math.isnan(read("v: .nan\n")[1]["v"])


REFUSED = {
    "alias": ("a: &x [1, 2]\nb: *x\n", 2, "aliases (*name) are not allowed here: write the value out in full"),
    "merge key": ("base: {x: 1}\nother:\n  <<: {x: 2}\n  y: 3\n", 3,
                  "merge keys (<<) are not allowed here: write every field out"),
    "python tag": ("a: !!python/object/apply:os.system ['true']\n", 1,
                   "tags such as !!python/object/apply:os.system are not allowed: write plain values"),
    "local tag": ("a: !thing x\n", 1, "tags such as !thing are not allowed: write plain values"),
    "bad explicit int": ("a: !!int abc\n", 1, "'abc' is not a valid int"),
    "duplicate key": ("a: 1\nb: 2\na: 3\n", 3, "key 'a' appears twice in the same mapping (first at line 1)"),
    "duplicate quoted and plain": ("a: 1\n'a': 2\n", 2, "key 'a' appears twice in the same mapping (first at line 1)"),
    "list as key": ("? [1, 2]\n: x\n", 1, "keys must be plain text, not a list or a mapping"),
    "mapping as key": ("{a: 1}: x\n", 1, "keys must be plain text, not a list or a mapping"),
    "too deep": ("a: " + "[" * 100 + "]" * 100 + "\n", 1, f"nested more than {MAX_DEPTH} levels deep"),
    "two documents": ("a: 1\n---\nb: 2\n", 2, "the file must hold one YAML document, not several (---)"),
    "control character": ("a: x\x00y\n", 1, "character #x0000 is not allowed in YAML"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_what_is_not_plain_data_is_refused_with_its_line(case):
    text, line, message = REFUSED[case]
    assert read(text) == ("problem", line, message)


@pytest.mark.parametrize("text, data", [
    ("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", None),
    ("---\na: 1\n...\n", {"a": 1}),
    ("# nothing\n", None),
    ("", None),
    ("a: &x 1\nb: 2\n", {"a": 1, "b": 2}),
])
def test_plain_documents_are_read(text, data):
    kind, value = read(text)
    assert kind == "data" and (data is None or value == data)


def test_a_tab_indent_is_a_syntax_error_that_says_to_indent_with_spaces():
    kind, line, message = read("a:\n\tb: 1\n")
    assert (kind, line) == ("problem", 2)
    assert message.startswith("YAML syntax error: ") and message.endswith("(indent with spaces, not tabs)")


def test_an_alias_bomb_is_refused_without_building_anything(monkeypatch):
    def never(*_):
        raise AssertionError("the document was constructed")

    monkeypatch.setattr(Loader, "construct_document", never)
    bomb = "a: &a [lol, lol, lol]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n"
                                               for i in range(20))
    assert read(bomb)[:2] == ("problem", 2)
