"""The `twinatlas` command: a thin layer over the library. Each command is one library call plus output.

Commands live in small modules by topic and register themselves on `cli` when imported below.
"""

from __future__ import annotations

from twinatlas.cli.app import cli, main

# Importing a command module registers its commands on `cli`.
from twinatlas.cli import commands_gazetteer as _commands_gazetteer  # noqa: F401  isort: skip
from twinatlas.cli import commands_extract as _commands_extract  # noqa: F401  isort: skip
from twinatlas.cli import commands_store as _commands_store  # noqa: F401  isort: skip
from twinatlas.cli import commands_registry as _commands_registry  # noqa: F401  isort: skip
from twinatlas.cli import commands_review as _commands_review  # noqa: F401  isort: skip
from twinatlas.cli import commands_demo as _commands_demo  # noqa: F401  isort: skip
from twinatlas.cli import commands_web as _commands_web  # noqa: F401  isort: skip
from twinatlas.cli import commands_interop as _commands_interop  # noqa: F401  isort: skip

__all__ = ["cli", "main"]
