"""Marsad's exceptions. Expected drops are :class:`Rejected` with a reason, never ``None``."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class for every error Marsad raises on purpose."""


class Rejected(MarsadError):
    """A document that cannot be processed; ``reason`` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


class OffsetError(MarsadError):
    """A span that does not point into the document text correctly."""


class ConfigError(MarsadError):
    """Bad settings: an unknown key, a wrong type, a missing file."""


class MissingExtra(MarsadError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed; install it with: pip install 'marsad[{extra}]'"
        )
