"""The CLI as a user meets it: help everywhere, one-line errors, exit codes."""

import click
import pytest
from click.testing import CliRunner

from twinatlas.cli import cli


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", sorted(all_commands(cli)), ids=" ".join)
def test_every_command_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "twinatlas" in result.output


def test_bad_config_file_gives_one_line_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("db = ")
    result = CliRunner().invoke(cli, ["--config", str(bad), "gazetteer", "build"])
    assert result.exit_code == 2
    assert "bad.toml: not valid TOML" in result.output
    assert "Traceback" not in result.output
