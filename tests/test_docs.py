"""The README documents every command, and every command has help."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from malgraf.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "malgraf") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found.extend(commands(command, f"{prefix} {name}"))
    return found


def test_every_command_has_help_and_a_readme_section() -> None:
    listed = commands(main)
    assert len(listed) >= 10
    for name, command in listed:
        assert command.help, f"{name} has no help text"
        result = CliRunner().invoke(main, [*name.split()[1:], "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
        assert f"`{name}" in README, f"README does not document `{name}`"


def test_readme_names_install_main_and_test_commands() -> None:
    assert "pip install -e '.[dev,e5]'" in README
    assert "malgraf build && malgraf info" in README
    assert "python -m pytest -q" in README
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci
