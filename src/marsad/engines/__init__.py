"""Where the pipeline runs: in-process, a local process pool, or Ray (``marsad[ray]``).

Engines only decide *where* a function runs over batches; they know nothing of documents.
:func:`make_engine` builds one from the command-line choices.
"""

from __future__ import annotations

from marsad.engines.base import BatchResult, Engine, make_engine

__all__ = ["BatchResult", "Engine", "make_engine"]
