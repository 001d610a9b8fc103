"""One settings object: packaged defaults → user file (TOML) → environment → CLI flags.

Each later source overrides the earlier ones key by key. Environment variables are named
``MARSAD_<KEY>`` in upper case (``MARSAD_MAX_BYTES=1000000``).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    # ingest
    max_bytes: int = 5_000_000  # larger inputs are rejected ("too_large"): no news article is 5 MB
    min_chars: int = 1  # shorter decoded texts are rejected ("empty")
    # analysis
    published: str | None = None  # YYYY-MM-DD applied to every article that has none
    error_policy: str = "reject"  # "reject": a failing document goes to rejects; "raise": stop
    skip_non_arabic: bool = True  # Persian/Urdu/other documents get no Arabic entities or events
    # the NER's CNN stage: +1.1 F1 on ANERcorp through the pipeline but ~25% fewer articles/s per
    # core; off until the pipeline meets its 50 articles/s target (docs/quality.md)
    ner_neural: bool = False
    # corpus
    db: str = "marsad.db"
    workers: int = 1
    batch_size: int = 64
    engine: str = "local"
    # output
    quiet: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def merged(self, values: Mapping[str, Any]) -> Settings:
        """A copy with ``values`` applied; unknown keys are an error, ``None`` values are ignored."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
            default = getattr(self, key)
            if isinstance(default, bool) and isinstance(value, str):
                value = value.strip().lower() in {"1", "true", "yes", "on"}
            elif isinstance(default, int) and not isinstance(default, bool) and isinstance(value, str):
                try:
                    value = int(value)
                except ValueError as exc:
                    raise ConfigError(f"setting {key!r} wants an integer, got {value!r}") from exc
            changes[key] = value
        if changes.get("error_policy", self.error_policy) not in {"reject", "raise"}:
            raise ConfigError("error_policy must be 'reject' or 'raise'")
        return replace(self, **changes)


def load_settings(
    path: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Defaults, then the TOML file (``MARSAD_CONFIG`` or ``path``), then env, then overrides."""
    env = os.environ if env is None else env
    settings = Settings()
    path = path or env.get("MARSAD_CONFIG")
    if path:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"settings file {p} does not exist")
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"settings file {p} is not valid TOML: {exc}") from exc
        settings = settings.merged(data.get("marsad", data))
    names = {f.name for f in fields(Settings)} - {"extra"}
    from_env = {n: env[f"MARSAD_{n.upper()}"] for n in names if f"MARSAD_{n.upper()}" in env}
    settings = settings.merged(from_env)
    return settings.merged(overrides or {})
