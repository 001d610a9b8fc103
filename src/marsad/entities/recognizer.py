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
import threading
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import accumulate, repeat
from pathlib import Path

import numpy as np

from marsad.entities.features import (
    CONTEXT_FEATURES,
    CONTEXT_TYPES,
    OFFSETS,
    FeatureExtractor,
    Keyed,
    Lexicons,
    _Word,
    context_readings,
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

def _grown(arr: np.ndarray, size: int, used: int) -> np.ndarray:
    out = np.zeros((size, *arr.shape[1:]), dtype=arr.dtype)
    out[:used] = arr[:used]
    return out


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
        labels = self.labels
        return [[labels[x] for x in p.tolist()] for p in self.paths(emits)]

    def paths(self, emits: list[np.ndarray]) -> list[np.ndarray]:
        """:meth:`viterbi_many` as label indices. Each position costs a few numpy calls on
        preallocated arrays, whatever the number of sentences."""
        out: list[np.ndarray] = [np.zeros(0, dtype=np.intp) for _ in emits]
        trans = self.trans
        m = len(self.labels)
        for group, lens, e in _length_groups(emits, m):
            g, n = e.shape[:2]
            e = np.ascontiguousarray(e.transpose(1, 0, 2))  # (position, row, label)
            ends: dict[int, list[int]] = {}  # position -> the rows that end there
            for r, length in enumerate(lens.tolist()):
                ends.setdefault(length - 1, []).append(r)
            back = np.zeros((n, g, m), dtype=np.intp)
            last = np.zeros(g, dtype=np.intp)  # each row's best final label
            into = np.ascontiguousarray(trans.T)  # (to, from): reductions along the last axis
            sc = np.empty((g, m, m))  # (row, to, from)
            flat = sc.ravel()
            cell = (np.arange(g) * m * m)[:, None] + np.arange(m) * m  # sc[r, j, 0] in flat
            delta = e[0].copy()
            for t in range(n):
                if t:
                    np.add(delta[:, None, :], into, out=sc)
                    b = sc.argmax(2, out=back[t])  # the first best, as argmax over "from" gives
                    # the maximum itself, read at the argmax (sc.max(2) is several times slower)
                    np.add(flat.take(cell + b), e[t], out=delta)  # rows past their end run on
                done = ends.get(t)
                if done:
                    last[done] = delta[done].argmax(1)
            # backtrack all rows together; a row starts at its own last position
            base = np.arange(g) * m  # row r's labels in back[t].ravel()
            cur = last.copy()
            path = np.empty((n, g), dtype=np.intp)
            for t in range(n - 1, -1, -1):
                if t < n - 1:
                    cur = back[t + 1].ravel().take(base + cur)
                    done = ends.get(t)
                    if done:
                        cur[done] = last[done]
                path[t] = cur
            for r, i in enumerate(group):
                out[i] = path[: lens[r], r]
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
        self._init_words(len(crfs), len(self.final.labels))
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

    def _init_words(self, stages: int, labels: int) -> None:
        """The word table and the rows of the features that span several words.

        Each word form seen gets a row of a growing matrix with its summed weights, so the
        per-word cache holds ints and tuples of strings only (which the garbage collector does
        not walk); :attr:`cache_size` forms at most, then it starts again.
        """
        self.cache_size = 200_000
        self._lock = threading.Lock()  # _lookup grows the table: one writer at a time
        self._ids: dict[str, int] = {}  # word form -> row
        self._keyed: list[Keyed] = []  # row -> (key, keys)
        self._key_ids: dict[str, int] = {}  # a word's key -> an id (document context)
        self._table = np.zeros((4096, stages, len(OFFSETS) + 1, labels))
        self._key_of = np.zeros(4096, dtype=np.int64)
        self._head = np.zeros(4096, dtype=bool)  # a reading of it begins a listed phrase
        idx = self._joint
        self._edge = (idx.get("BOS"), idx.get("EOS"))
        self._phrase_cache: dict[str, tuple[int | None, int | None]] = {}
        # "bg-=a|b" and "bg+=a|b" by (a, b); a name with several "|" under each reading
        bigrams: dict[tuple[str, str], list[int | None]] = {}
        for attr, row in idx.items():
            side = ("bg-=", "bg+=").index(attr[:4]) if attr[:4] in ("bg-=", "bg+=") else -1
            if side < 0:
                continue
            rest = attr[4:]
            for cut in (i for i, c in enumerate(rest) if c == "|"):
                bigrams.setdefault((rest[:cut], rest[cut + 1 :]), [None, None])[side] = row
        self._bigrams = {k: (v[0], v[1]) for k, v in bigrams.items()}
        # document context: a first-stage label's code, and the final CRF's rows of each
        # reading's two features (-1: not in the model)
        self._context_code = np.array(
            [CONTEXT_TYPES.index(t[2:]) if t != "O" else 4 for t in self.final.labels]
        )
        findex = self.final.index
        self._context_rows = [
            np.array([findex.get(f[j], -1) if j < len(f) else -1 for f in CONTEXT_FEATURES])
            for j in range(2)
        ]

    @classmethod
    def load(cls, path: str | None = None, neural: bool = True) -> Recognizer:
        """The recognizer for ``path`` (default: the packaged model), loaded once per process.

        ``neural=False`` leaves out the neural stage even where it is shipped: the two-stage
        CRF alone, about 1.3 F1 lower and about a third faster (resources/ner/README.md)."""
        return _load(str(Path(path).resolve()) if path else str(default_path()), neural)

    # the word table ---------------------------------------------------------------------------
    def _lookup(self, flat: Sequence[str]) -> tuple[np.ndarray, list[Keyed], np.ndarray, np.ndarray]:
        """Per token: its (stage, part, label) scores (parts: the word itself, then as each
        context offset), its keys, its key id and whether a reading of it begins a listed
        phrase. Word forms not seen before are featurized and added to the table."""
        with self._lock:
            rows = list(map(self._ids.get, flat, repeat(-1)))
            if -1 in rows:
                miss = list(dict.fromkeys(t for t, r in zip(flat, rows, strict=True) if r < 0))
                if len(self._ids) + len(miss) > self.cache_size:
                    self._clear_words()
                    miss = list(dict.fromkeys(flat))
                self._add_words(miss)
                rows = list(map(self._ids.__getitem__, flat))
            r = np.array(rows, dtype=np.intp)
            keyed = list(map(self._keyed.__getitem__, rows))
            return self._table[r], keyed, self._key_of[r], self._head[r]

    def _clear_words(self) -> None:
        self._ids.clear()
        self._keyed.clear()
        self._key_ids.clear()

    def _add_words(self, forms: list[str]) -> None:
        """Featurize new word forms and add their summed weights to the table."""
        fx, idx, zero = self.features, self._joint, self._zero
        rows: list[int] = []
        starts: list[int] = []
        keys: list[int] = []
        heads: list[bool] = []
        for tok in forms:
            wd = fx.word(tok, cache=False)
            if self.neural is not None:  # the neural stage reads it in this call
                self._fresh[tok] = wd
            for part in (wd.own, *(wd.ctx[o] for o in OFFSETS)):
                starts.append(len(rows))
                rows.append(zero)  # keeps every part non-empty for reduceat
                rows.extend(map(idx.get, part, repeat(zero)))  # unknown features: the zero row
            self._keyed.append((wd.key, wd.keys))
            keys.append(self._key_ids.setdefault(wd.key, len(self._key_ids)))
            heads.append(fx.starts_phrase(wd.keys))
        n, (_, stages, labels) = len(forms), self._jw.shape
        sums = np.add.reduceat(self._jw[rows], starts, axis=0)  # (word x part, stage, label)
        start = len(self._ids)
        end = start + n
        if end > len(self._table):
            size = max(end, min(2 * len(self._table), self.cache_size))
            self._table = _grown(self._table, size, start)
            self._key_of = _grown(self._key_of, size, start)
            self._head = _grown(self._head, size, start)
        sums = sums.reshape(n, len(OFFSETS) + 1, stages, labels)
        self._table[start:end] = sums.transpose(0, 2, 1, 3)
        self._key_of[start:end] = keys
        self._head[start:end] = heads
        for j, tok in enumerate(forms):
            self._ids[tok] = start + j

    # emissions --------------------------------------------------------------------------------
    def _final_emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Label scores of every token, for the whole batch at once (sentences non-empty)."""
        try:
            return self._stages(sentences, strings=False)[0]
        finally:
            self._fresh.clear()

    def _multiword(
        self, keyed: list[Keyed], heads: np.ndarray, bounds: list[int], pairs: np.ndarray
    ) -> tuple[list[int], list[int]]:
        """(token, feature row) of the features that depend on more than one word, in the
        order :meth:`FeatureExtractor.extras` lists them for each token: gazetteer phrases,
        BOS, EOS, the bigram with the previous word, the bigram with the next one.
        ``pairs``: the tokens followed by one of the same sentence."""
        toks: list[int] = []
        feats: list[int] = []
        fx = self.features
        for i in np.flatnonzero(heads).tolist():
            end = bounds[bisect_right(bounds, i)]
            if i + 1 >= end:
                continue
            for m, klass in fx.phrases_at(keyed, i, end):
                b, inner = self._phrase_rows(klass)
                if b is not None:
                    toks.append(i)
                    feats.append(b)
                if inner is not None:
                    toks.extend(range(i + 1, i + m))
                    feats.extend([inner] * (m - 1))
        firsts = [b for b, e in zip(bounds, bounds[1:], strict=False) if e > b]
        lasts = [e - 1 for b, e in zip(bounds, bounds[1:], strict=False) if e > b]
        for row, at in ((self._edge[0], firsts), (self._edge[1], lasts)):
            if row is not None:
                toks.extend(at)
                feats.extend([row] * len(at))
        get = self._bigrams.get
        before: list[tuple[int, int]] = []
        after: list[tuple[int, int]] = []
        for i in pairs.tolist():
            rows = get((keyed[i][0], keyed[i + 1][0]))
            if rows is not None:
                if rows[0] is not None:
                    before.append((i + 1, rows[0]))
                if rows[1] is not None:
                    after.append((i, rows[1]))
        for found in (before, after):
            toks.extend(t for t, _ in found)
            feats.extend(r for _, r in found)
        return toks, feats

    def _phrase_rows(self, klass: str) -> tuple[int | None, int | None]:
        hit = self._phrase_cache.get(klass)
        if hit is None:
            idx = self._joint
            hit = self._phrase_cache[klass] = (idx.get("gp=B-" + klass), idx.get("gp=I-" + klass))
        return hit

    def _stages(
        self, sentences: Sequence[Sequence[str]], strings: bool = True
    ) -> tuple[list[np.ndarray], list[str], list[int], list[list[str]], list[list[str]]]:
        """Final-CRF emissions per sentence, and the flat tokens, sentence lengths,
        multi-word features and document-context features that the neural stage reads (as
        feature names, when ``strings``)."""
        lens = [len(x) for x in sentences]
        flat = [t for x in sentences for t in x]
        if not flat:
            return [], flat, lens, [], []
        scores, keyed, keys, heads = self._lookup(flat)
        n = len(flat)
        bounds = list(accumulate(lens, initial=0))
        sid = np.repeat(np.arange(len(sentences)), lens)
        near = []  # per context offset: the tokens whose neighbour there is in their sentence
        for off in OFFSETS:
            idx = np.arange(max(0, -off), n - max(0, off))
            near.append(idx[sid[idx] == sid[idx + off]])
        toks, feats = self._multiword(keyed, heads, bounds, near[OFFSETS.index(1)])
        multi = self._jw[feats] if feats else None

        def emissions(stage: int) -> np.ndarray:
            emit = scores[:, stage, 0].copy()
            for j, (off, ok) in enumerate(zip(OFFSETS, near, strict=True), start=1):
                emit[ok] += scores[ok + off, stage, j]
            if multi is not None:
                np.add.at(emit, toks, multi[:, stage])  # in order, one feature at a time
            return emit

        def split(emit: np.ndarray) -> list[np.ndarray]:
            return [emit[bounds[k] : bounds[k + 1]] for k in range(len(sentences))]

        final = emissions(0)
        readings = None
        if self.first is not None:
            paths = self.first.paths(split(emissions(1)))
            codes = self._context_code[np.concatenate(paths)]
            readings = context_readings(keys, sid, codes, WINDOW)
            said = np.flatnonzero(readings >= 0)
            for rows in self._context_rows:  # first "dc=TYPE" (or "dc=O"), then its share
                row = rows[readings[said]]
                ok = row >= 0
                final[said[ok]] += self.final.weights[row[ok]]  # each token once per pass
        extras: list[list[str]] = []
        ctx: list[list[str]] = []
        if strings:
            fx = self.features
            extras = [f for k in range(len(sentences)) for f in fx.extras(keyed[bounds[k] : bounds[k + 1]])]
            if readings is not None:
                ctx = [list(CONTEXT_FEATURES[r]) if r >= 0 else [] for r in readings.tolist()]
        return split(final), flat, lens, extras, ctx

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
