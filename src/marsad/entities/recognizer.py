"""The shipped Arabic named-entity recognizer: a two-stage linear-chain CRF over cached features.

Why a CRF: it tags tens of thousands of tokens per second on one core with no GPU and no torch,
its weights are a few MB, and its marginals give a usable confidence. Its weakness, recall on
names never seen in training, is countered by word clusters learned from unlabeled news, by
name, place and organisation lists, and by a second stage that sees what the first said about
the same word elsewhere in the article. See ``resources/ner/README.md`` for measured figures.

The CRFs are trained with CRFsuite (scripts/train_ner.py) and exported to plain weight
matrices; decoding here is numpy only. Because most features belong to one word, each word
form's summed weights are cached, so a token costs a few vector additions.

Where ``neural.npz`` is shipped, a third stage (:mod:`marsad.entities.neural`, a small CNN over
word2vec vectors, a character CNN, the gazetteer features and the final CRF's marginals,
trained by scripts/train_ner_nn.py) gives its own tag probabilities; their weighted geometric
mean with the CRF's marginals is decoded by a BIO-constrained Viterbi. It adds about 1.3 F1 in
cross-validation, mostly recall on names never seen in training.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.entities.features import (
    OFFSETS,
    FeatureExtractor,
    Keyed,
    Lexicons,
    _Word,
    doc_context,
)
from marsad.entities.neural import NeuralTagger, bio_transitions
from marsad.errors import MarsadError

log = logging.getLogger(__name__)

WINDOW = 10  # sentences either side that the second stage looks at (about one news article)
TAGS = ("B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "O")


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "resources" / "ner"))



def _length_groups(
    emits: Sequence[np.ndarray], m: int, size: int = 64
) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
    """Non-empty sentences in groups of ``size`` of similar length: (indices, lengths, the
    emissions zero-padded to ``(group, longest, m)``), so that decoders step once per position."""
    order = sorted(range(len(emits)), key=lambda i: len(emits[i]))
    for g in range(0, len(order), size):
        group = [i for i in order[g : g + size] if len(emits[i])]
        if not group:
            continue
        lens = np.array([len(emits[i]) for i in group])
        e = np.zeros((len(group), int(lens.max()), m))
        for r, i in enumerate(group):
            e[r, : lens[r]] = emits[i]
        yield group, lens, e

class LinearCRF:
    """Weights of one linear-chain CRF: attribute x label, label x label, and the decoders."""

    def __init__(
        self, labels: list[str], attrs: list[str], weights: np.ndarray, trans: np.ndarray
    ) -> None:
        self.labels = labels
        self.index = {a: i for i, a in enumerate(attrs)}
        self.weights = weights.astype(np.float64)
        self.trans = trans.astype(np.float64)
        self.zero = np.zeros(len(labels))

    @classmethod
    def load(cls, path: Path) -> LinearCRF:
        with np.load(path, allow_pickle=False) as z:
            labels = bytes(z["labels"]).decode("utf-8").split("\n")
            attrs = bytes(z["attrs"]).decode("utf-8").split("\n")
            return cls(labels, attrs, z["weights"], z["trans"])

    def score(self, feats: Sequence[str]) -> np.ndarray:
        """Summed label weights of a feature list (repeats count, as in CRFsuite)."""
        idx = self.index
        rows = [r for r in map(idx.get, feats) if r is not None]
        return self.weights[rows].sum(0) if rows else self.zero

    def rows(self, feats: Sequence[str]) -> list[int]:
        idx = self.index
        return [r for r in map(idx.get, feats) if r is not None]

    def viterbi(self, emit: np.ndarray) -> list[str]:
        n = len(emit)
        back = np.zeros((n, len(self.labels)), dtype=np.int64)
        delta = emit[0]
        for i in range(1, n):
            s = delta[:, None] + self.trans
            back[i] = s.argmax(0)
            delta = s.max(0) + emit[i]
        best = [int(delta.argmax())]
        for i in range(n - 1, 0, -1):
            best.append(int(back[i, best[-1]]))
        labels = self.labels
        return [labels[j] for j in reversed(best)]

    def viterbi_many(self, emits: list[np.ndarray]) -> list[list[str]]:
        """Viterbi over many sentences at once, in groups of similar length (same result as
        :meth:`viterbi` per sentence, with numpy steps per position rather than per token)."""
        out: list[list[str]] = [[] for _ in emits]
        labels, trans = self.labels, self.trans
        m = len(labels)
        for group, lens, e in _length_groups(emits, m):
            n = e.shape[1]
            back = np.zeros((len(group), n, m), dtype=np.int64)
            delta = e[:, 0]
            for t in range(1, n):
                sc = delta[:, :, None] + trans[None]
                b = sc.argmax(1)
                nd = np.take_along_axis(sc, b[:, None, :], 1)[:, 0] + e[:, t]
                back[:, t] = b
                delta = np.where((lens > t)[:, None], nd, delta)
            # backtrack all rows together; a row starts at its own last position
            rows = np.arange(len(group))
            cur = delta.argmax(1)
            path = np.zeros((len(group), n), dtype=np.int64)
            for t in range(n - 1, -1, -1):
                path[:, t] = cur
                if t:
                    cur = np.where(lens > t, back[rows, t, cur], cur)
            for r, i in enumerate(group):
                out[i] = [labels[x] for x in path[r, : lens[r]].tolist()]
        return out

    def add_features(self, emit: np.ndarray, feats: Sequence[Sequence[str]]) -> None:
        """Add the weights of per-token feature lists to the emission rows, in place."""
        idx = self.index
        toks: list[int] = []
        rows: list[int] = []
        for i, f in enumerate(feats):
            for a in f:
                r = idx.get(a)
                if r is not None:
                    toks.append(i)
                    rows.append(r)
        if rows:
            np.add.at(emit, toks, self.weights[rows])

    def marginals_many(self, emits: list[np.ndarray]) -> list[np.ndarray]:
        """:meth:`marginals` of many sentences at once, by scaled forward-backward in
        probability space over groups of similar length (numpy steps per position)."""
        out: list[np.ndarray] = [np.zeros((0, len(self.labels))) for _ in emits]
        a = np.exp(self.trans)
        m = len(self.labels)
        for group, lens, e in _length_groups(emits, m):
            n = e.shape[1]
            p = np.exp(e - e.max(2, keepdims=True))
            alpha = np.empty_like(p)
            beta = np.ones_like(p)
            cur = p[:, 0]
            alpha[:, 0] = cur = cur / cur.sum(1, keepdims=True)
            for t in range(1, n):
                cur = (cur @ a) * p[:, t]
                alpha[:, t] = cur = cur / cur.sum(1, keepdims=True)
            cur = beta[:, n - 1]
            for t in range(n - 2, -1, -1):
                nxt = (p[:, t + 1] * cur) @ a.T
                nxt /= nxt.sum(1, keepdims=True)
                # a row's backward pass starts (all ones) at its own last position
                cur = np.where((lens - 1 > t)[:, None], nxt, 1.0)
                beta[:, t] = cur
            post = alpha * beta
            post /= post.sum(2, keepdims=True)
            for r, i in enumerate(group):
                out[i] = post[r, : lens[r]]
        return out

    def marginals(self, emit: np.ndarray) -> np.ndarray:
        """Per-token label posteriors by forward-backward in log space."""
        n, m = emit.shape
        alpha = np.empty((n, m))
        beta = np.zeros((n, m))
        alpha[0] = emit[0]
        for i in range(1, n):
            alpha[i] = np.logaddexp.reduce(alpha[i - 1][:, None] + self.trans, axis=0) + emit[i]
        for i in range(n - 2, -1, -1):
            beta[i] = np.logaddexp.reduce(self.trans + (emit[i + 1] + beta[i + 1])[None, :], axis=1)
        z = np.logaddexp.reduce(alpha[-1])
        return np.exp(alpha + beta - z)


class Recognizer:
    """Tags tokenized sentences with BIO tags for PER, ORG, LOC and MISC."""

    name = "ner.crf"
    version = "1"

    def __init__(self, folder: Path, neural: bool = True) -> None:
        model = folder / "model.npz"
        if not model.exists():
            raise MarsadError(f"no NER model at {model}: run scripts/train_ner.py all")
        self.folder = folder
        self.features = FeatureExtractor(Lexicons.load(folder))
        self.final = LinearCRF.load(model)
        first = folder / "model1.npz"
        self.first = LinearCRF.load(first) if first.exists() else None
        self._cache: dict[str, tuple[np.ndarray, Keyed]] = {}
        # one attribute index over both stages: a word's parts cost one lookup per feature
        crfs = [self.final] + ([self.first] if self.first is not None else [])
        attrs = sorted(set().union(*(c.index for c in crfs)))
        self._joint = {a: i for i, a in enumerate(attrs)}
        self._zero = len(attrs)
        joint = np.zeros((len(attrs) + 1, len(crfs), len(self.final.labels)))
        for k, c in enumerate(crfs):
            if c.labels != self.final.labels:
                raise MarsadError("the two NER stages disagree on their labels")
            rows = [self._joint[a] for a in c.index]
            joint[rows, k] = c.weights[list(c.index.values())]
        self._jw = joint
        # optional third stage: a CNN that reads the final CRF's marginals (numpy only)
        nn_path = folder / "neural.npz"
        self.neural = NeuralTagger.load(nn_path) if neural and nn_path.exists() else None
        self.mix = float(np.load(nn_path)["mix"]) if self.neural is not None else 0.0
        if self.neural is not None:
            self.name, self.version = "ner.crf+cnn", "2"
        self._fresh: dict[str, _Word] = {}  # words featurized in this call (cache misses)
        if self.neural is not None:
            if sorted(self.neural.labels) != sorted(self.final.labels):
                raise MarsadError("the neural NER stage disagrees with the CRF on its labels")
            # label orders: the CRF's marginals in the network's order, and back
            self._to_nn = [self.final.labels.index(t) for t in self.neural.labels]
            self._to_crf = [self.neural.labels.index(t) for t in self.final.labels]
        self._bio = bio_transitions(self.final.labels)
        self._bio_crf = LinearCRF(
            self.final.labels, [], np.zeros((0, len(self.final.labels))), self._bio[0]
        )

    @classmethod
    def load(cls, path: str | None = None, neural: bool = True) -> Recognizer:
        """The recognizer for ``path`` (default: the packaged model), loaded once per process.

        ``neural=False`` leaves out the neural stage even where it is shipped: the two-stage
        CRF alone, about 1.3 F1 lower and about a third faster (resources/ner/README.md)."""
        return _load(str(Path(path).resolve()) if path else str(default_path()), neural)

    # emissions --------------------------------------------------------------------------------
    def _word_scores(self, tok: str) -> tuple[np.ndarray, Keyed]:
        """(stage, part, label) scores of one word form (parts: itself, then as context), and
        its keys. Cached as numpy arrays and strings only, which the garbage collector skips."""
        hit = self._cache.get(tok)
        if hit is None:
            wd = self.features.word(tok, cache=False)
            self._fresh[tok] = wd
            idx, zero = self._joint, self._zero
            rows: list[int] = []
            starts: list[int] = []
            for part in (wd.own, *(wd.ctx[o] for o in OFFSETS)):
                starts.append(len(rows))
                rows.append(zero)  # keeps every part non-empty for reduceat
                rows.extend(r for r in map(idx.get, part) if r is not None)
            hit = (
                np.add.reduceat(self._jw[rows], starts, axis=0).transpose(1, 0, 2),
                (wd.key, wd.keys),
            )
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[tok] = hit
        return hit

    def _final_emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Label scores of every token, for the whole batch at once (sentences non-empty)."""
        return self._stages(sentences)[0]

    def _stages(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[list[np.ndarray], list[str], list[int], list[list[str]], list[list[str]]]:
        """Final-CRF emissions per sentence, and the flat tokens, sentence lengths,
        multi-word features and document-context features that the neural stage reads."""
        fx = self.features
        lens = [len(x) for x in sentences]
        flat = [t for x in sentences for t in x]
        if not flat:
            return [], flat, lens, [], []
        per = [self._word_scores(t) for t in flat]
        scores = np.array([p[0] for p in per])  # (N, stage, part, label)
        sid = np.repeat(np.arange(len(sentences)), lens)
        n = len(flat)
        bounds = np.cumsum([0, *lens])
        words = [[p[1] for p in per[bounds[k] : bounds[k + 1]]] for k in range(len(sentences))]
        extras = [f for w in words for f in fx.extras(w)]

        def emissions(stage: int, crf: LinearCRF) -> list[np.ndarray]:
            emit = scores[:, stage, 0].copy()
            for j, off in enumerate(OFFSETS, start=1):
                idx = np.arange(max(0, -off), n - max(0, off))
                ok = idx[sid[idx] == sid[idx + off]]
                emit[ok] += scores[ok + off, stage, j]
            crf.add_features(emit, extras)
            return [emit[bounds[k] : bounds[k + 1]] for k in range(len(sentences))]

        final = emissions(0, self.final)
        if self.first is not None:
            tags1 = self.first.viterbi_many(emissions(1, self.first))
            ctx = doc_context([[w[0] for w in ws] for ws in words], tags1, WINDOW)
            for e, c in zip(final, ctx, strict=True):
                self.final.add_features(e, c)
            return final, flat, lens, extras, [c for cs in ctx for c in cs]
        return final, flat, lens, extras, []

    def _nn_word(self, tok: str) -> tuple[str, str, list[str]]:
        wd = self._fresh.get(tok) or self.features.word(tok, cache=False)
        return wd.keys[0], wd.key, wd.own

    def _probs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per-token tag probabilities: the CRF's marginals mixed with the neural stage's
        (weighted geometric mean, weight ``mix`` from neural.npz)."""
        self._fresh.clear()
        emits, flat, lens, extras, ctx = self._stages(sentences)
        marg = self.final.marginals_many(emits)
        nn = self.neural
        if nn is None or not flat:
            self._fresh.clear()
            return marg
        crf = np.concatenate(marg)
        part = nn.word_part(flat, self._nn_word)
        self._fresh.clear()
        pn = nn.probs(part, lens, extras, crf[:, self._to_nn], ctx)[:, self._to_crf]
        # geometric mean, renormalized: measured +0.1-0.3 F1 over the arithmetic one on CV
        p = np.exp(self.mix * np.log(pn + 1e-9) + (1.0 - self.mix) * np.log(crf + 1e-9))
        p /= p.sum(1, keepdims=True)
        bounds = np.cumsum([0, *lens])
        return [p[bounds[k] : bounds[k + 1]] for k in range(len(lens))]

    def _decode(self, probs: list[np.ndarray]) -> list[list[str]]:
        """Most probable valid BIO path under the mixed probabilities."""
        trans, start = self._bio
        emits = []
        for p in probs:
            e = np.log(np.maximum(p, 1e-12))
            e[0] += start
            emits.append(e)
        return self._bio_crf.viterbi_many(emits)

    # API --------------------------------------------------------------------------------------
    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags, one list per sentence, aligned with its tokens.

        Pass a whole article at once: the second stage uses the other sentences as context.
        """
        nonempty = [s for s in sentences if s]
        if self.neural is None:
            tagged = iter(self.final.viterbi_many(self._final_emissions(nonempty)))
        else:
            tagged = iter(self._decode(self._probs(nonempty)))
        return [next(tagged) if s else [] for s in sentences]

    def tag_with_scores(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, float]]]:
        """Each token's best-path tag with its probability (the final CRF's marginal, mixed
        with the neural stage's probability where that stage is shipped)."""
        nonempty = [s for s in sentences if s]
        out: list[list[tuple[str, float]]] = []
        final = self.final
        lab = {t: j for j, t in enumerate(final.labels)}
        if self.neural is None:
            emits = self._final_emissions(nonempty)
            paths = final.viterbi_many(emits)
            probs = final.marginals_many(emits)
        else:
            probs = self._probs(nonempty)
            paths = self._decode(probs)
        for tags, marg in zip(paths, probs, strict=True):
            out.append([(t, round(float(marg[i, lab[t]]), 4)) for i, t in enumerate(tags)])
        it = iter(out)
        return [next(it) if s else [] for s in sentences]


@lru_cache(maxsize=4)
def _load(path: str, neural: bool = True) -> Recognizer:
    log.info("loading NER model from %s", path)
    return Recognizer(Path(path), neural=neural)
