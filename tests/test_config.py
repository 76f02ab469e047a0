"""Settings: defaults < TOML file < TWINATLAS_* environment < flags, read once."""

from pathlib import Path

import pytest

from twinatlas.config import load_settings
from twinatlas.errors import ConfigError


def test_layers_override_in_order(tmp_path: Path):
    toml = tmp_path / "t.toml"
    toml.write_text('[twinatlas]\ndb = "sqlite:///from-file.db"\nreview_threshold = 0.7\ntoken = "f"\n')
    env = {"TWINATLAS_DB": "sqlite:///from-env.db", "TWINATLAS_TOKEN": "e"}
    settings = load_settings(toml, env=env, token="flag")
    assert settings.db == "sqlite:///from-env.db"
    assert settings.review_threshold == 0.7
    assert settings.token == "flag"


def test_defaults_without_anything(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={})
    assert settings.db == "sqlite:///twinatlas.db"
    assert settings.gazetteer_path.name == "gazetteer.sqlite"


def test_bad_values_name_their_source(tmp_path: Path):
    with pytest.raises(ConfigError, match="environment: setting 'review_threshold'"):
        load_settings(env={"TWINATLAS_REVIEW_THRESHOLD": "high"})
    bad = tmp_path / "bad.toml"
    bad.write_text("db = ")
    with pytest.raises(ConfigError, match="bad.toml: not valid TOML"):
        load_settings(bad, env={})
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 'red'\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(unknown, env={})
