"""Settings enter at one point: defaults, then a TOML file, then TWINATLAS_* environment, then flags.

`load_settings()` is called once by the CLI (or the web app) and the resulting frozen Settings object is
passed down; no other module reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from twinatlas.errors import ConfigError

ENV_PREFIX = "TWINATLAS_"
DEFAULT_CONFIG_FILE = "twinatlas.toml"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("twinatlas"))


@dataclass(frozen=True)
class Settings:
    db: str = "sqlite:///twinatlas.db"  # any SQLAlchemy URL
    cache_dir: Path = field(default_factory=default_cache_dir)  # where the gazetteer index lives
    review_threshold: float = 0.5  # assertions below this confidence start as pending
    token: str | None = None  # write token for the HTTP API
    tile_url: str | None = None  # optional map tiles for online use
    fetch_timeout: float = 20.0  # seconds, for ingesting URLs
    fetch_max_bytes: int = 20_000_000
    default_lang: str | None = None  # force a language instead of detecting it

    @property
    def gazetteer_path(self) -> Path:
        return self.cache_dir / "gazetteer.sqlite"


def _coerce(name: str, raw: Any, source: str) -> Any:
    """Turn a TOML or environment value into the type of the Settings field `name`."""
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if raw is None:
            return None
        if "float" in str(kind):
            return float(raw)
        if "int" in str(kind):
            return int(raw)
        if "Path" in str(kind):
            return Path(str(raw)).expanduser()
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: setting {name!r} has a bad value {raw!r}: {exc}") from exc


def _from_mapping(values: Mapping[str, Any], source: str) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    out = {}
    for key, raw in values.items():
        name = key.lower().replace("-", "_")
        if name not in known:
            raise ConfigError(f"{source}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        out[name] = _coerce(name, raw, source)
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    section = data.get("twinatlas", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [twinatlas] must be a table")
    return _from_mapping(section, str(path))


def load_settings(
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    **flags: Any,
) -> Settings:
    """Build the settings once. Flags given as None are treated as not given."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = config_file or (Path(env[ENV_PREFIX + "CONFIG"]) if ENV_PREFIX + "CONFIG" in env else None)
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    if path is not None:
        values.update(_read_toml(path))
    env_values = {k[len(ENV_PREFIX) :]: v for k, v in env.items() if k.startswith(ENV_PREFIX)}
    known = {f.name.upper() for f in fields(Settings)}
    values.update(_from_mapping({k: v for k, v in env_values.items() if k in known}, "environment"))
    values.update(_from_mapping({k: v for k, v in flags.items() if v is not None}, "command line"))
    return replace(Settings(), **values)
