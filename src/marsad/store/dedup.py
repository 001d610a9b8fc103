"""Exact and near duplicates: content hashes first, then MinHash/LSH over normalised shingles.

* Exact: the SHA-256 of the whitespace-normalised text. Two articles with the same hash are
  the same text (the SaudiNewsNet MANIFEST counts 772 such copies).
* Near: a MinHash (datasketch, 128 permutations, 32-bit affine scheme, CRC-32 of each shingle
  so signatures are the same in every process) over word 5-shingles of the match key of the
  body (boilerplate spans left out when the clean step found them). The match key folds hamza,
  ى/ي, ة/ه, diacritics and digits, so "hamza added or dropped" changes nothing; a changed
  trailer or another outlet's dateline changes a few shingles only. LSH (threshold 0.7) gives
  candidates, which are kept when their estimated Jaccard similarity is ≥ the threshold.

``duplicate_of`` always names the *first copy* (the earliest stored document of the cluster),
never a copy of a copy, so a cluster is the root plus every document pointing to it.

No SQL here: :class:`DedupIndex` is fed from and written to by the repository and the loader.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from marsad.normalize import match_key

__all__ = [
    "NUM_PERM",
    "SHINGLE",
    "THRESHOLD",
    "DedupIndex",
    "Duplicate",
    "content_hash",
    "shingles",
    "signature",
    "similarity",
]

NUM_PERM = 128
SHINGLE = 5  # words per shingle
THRESHOLD = 0.7
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """SHA-256 (32 hex digits) of the text with every run of white space made one space."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:32]


def _body(text: str, skip: Sequence[tuple[int, int]]) -> str:
    if not skip:
        return text
    out, pos = [], 0
    for s, e in sorted(skip):
        if s > pos:
            out.append(text[pos:s])
        pos = max(pos, e)
    out.append(text[pos:])
    return " ".join(out)


def shingles(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[bytes]:
    """Word ``SHINGLE``-grams of the match key of the body (``skip``: boilerplate spans)."""
    words = _WORD.findall(match_key(_body(text, skip)))
    if len(words) <= SHINGLE:
        return [" ".join(words).encode("utf-8")] if words else []
    return list({" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


@lru_cache(maxsize=1)
def _template() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=_SCHEME)


def signature(text: str, skip: Sequence[tuple[int, int]] = ()) -> bytes:
    """The MinHash of the body's shingles as ``NUM_PERM`` little-endian uint32 (512 bytes)."""
    from datasketch import MinHash

    m = MinHash(
        num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=_SCHEME, permutations=_template().permutations
    )
    m.update_batch(shingles(text, skip))
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def _array(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_array(a) == _array(b)))


@dataclass(frozen=True, slots=True)
class Duplicate:
    """``of`` is the first copy; ``kind`` is ``exact`` or ``near``; ``score`` the similarity."""

    of: str
    kind: str
    score: float


class DedupIndex:
    """The documents seen so far (in storage order) and the LSH over their signatures."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._order: dict[str, int] = {}  # id -> storage order
        self._root: dict[str, str] = {}  # id -> first copy (itself for a root)
        self._by_hash: dict[str, str] = {}  # content hash -> first copy with that text
        self._sig: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._order

    def classify(self, doc_id: str, chash: str, sig: bytes | None) -> Duplicate | None:
        """What ``doc_id`` duplicates among the documents already added (itself excluded)."""
        first = self._by_hash.get(chash)
        if first is not None and first != doc_id:
            return Duplicate(self._root.get(first, first), "exact", 1.0)
        if sig is None or not self._order:
            return None
        from datasketch import LeanMinHash

        probe = LeanMinHash(seed=1, hashvalues=_array(sig), scheme=_SCHEME)
        # the earliest first copy wins; among its copies, the most similar (then the smallest
        # id): the LSH answers a set, whose order differs from process to process
        best: tuple[int, float, str, str] | None = None
        for cand in self._lsh.query(probe):
            if cand == doc_id:
                continue
            score = similarity(sig, self._sig[cand])
            if score < self.threshold:
                continue
            root = self._root[cand]
            key = (self._order[root], -score, cand, root)
            if best is None or key < best:
                best = key
        if best is None:
            return None
        return Duplicate(best[3], "near", round(-best[1], 4))

    def add(self, doc_id: str, chash: str, sig: bytes | None, duplicate_of: str | None) -> None:
        """Record a stored document (in storage order). A replaced document keeps its place."""
        if doc_id not in self._order:
            self._order[doc_id] = len(self._order)
        root = duplicate_of or doc_id
        self._root[doc_id] = self._root.get(root, root)
        first = self._by_hash.setdefault(chash, doc_id)
        # an exact copy adds nothing to the LSH: its signature is its first copy's
        if sig is not None and doc_id not in self._sig and first == doc_id:
            from datasketch import LeanMinHash

            self._lsh.insert(doc_id, LeanMinHash(seed=1, hashvalues=_array(sig), scheme=_SCHEME))
            self._sig[doc_id] = sig

    def observe(self, doc_id: str, chash: str, sig: bytes | None) -> Duplicate | None:
        """Classify then add: one step of a pass over documents in storage order."""
        dup = self.classify(doc_id, chash, sig)
        self.add(doc_id, chash, sig, dup.of if dup else None)
        return dup


def find_duplicates(
    items: Iterable[tuple[str, str, bytes | None]], threshold: float = THRESHOLD
) -> dict[str, Duplicate]:
    """The whole-corpus pass: ``(id, content hash, signature)`` in storage order → duplicates."""
    index = DedupIndex(threshold)
    out: dict[str, Duplicate] = {}
    for doc_id, chash, sig in items:
        dup = index.observe(doc_id, chash, sig)
        if dup is not None:
            out[doc_id] = dup
    return out
