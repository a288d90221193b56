"""The README's Quick start is what CI runs, and the layout it describes exists."""

import re


def _quick_start_commands(root) -> list[str]:
    text = (root / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands(root):
    commands = _quick_start_commands(root)
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert "dashboard run" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command(root):
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _quick_start_commands(root)[1] in ci


def test_screenshot_named_in_readme_exists(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (root / path).is_file(), path
