"""Numpy inference of the small convolutional NER tagger that runs beside the CRF.

Why a CNN and not a BiLSTM: its layers are matrix products over all tokens of an article at
once, so numpy needs no loop over time steps. Why it helps the CRF: it reads each word through
word2vec vectors learned on unlabeled news and a character CNN over the clitic-stripped word,
which carry to names never seen in training (letter patterns of foreign names, -يان/-وف/-سكي).

The network (trained with torch by scripts/train_ner_nn.py; weights in ``neural.npz``):

- word part, one vector per word form (cached): ``A·[E(word); E(stem); charcnn(stem)] + Σ F(f)``
  over the word's gazetteer/shape/frequency features ``f``;
- ``u = relu(word part + Σ G(g))`` with the token's gazetteer-phrase features ``g``;
- ``h1 = relu(conv5(u))``, ``h2 = relu(conv3(h1))`` (zero padding at sentence edges);
- logits ``= W·[h2; CRF marginals] + b`` and a softmax.

Word forms map to rows of a growing matrix, so the per-word cache holds integers only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def _strings(arr: np.ndarray) -> list[str]:
    return bytes(arr).decode("utf-8").split("\n")


class NeuralTagger:
    """Per-token tag probabilities from the exported CNN (numpy only)."""

    def __init__(self, z: dict[str, np.ndarray]) -> None:
        self.labels = _strings(z["labels"])
        self.vocab = {w: i + 1 for i, w in enumerate(_strings(z["vocab"]))}  # 0: unknown
        emb = z["emb"].astype(np.float32)
        self.emb = np.vstack([np.zeros((1, emb.shape[1]), np.float32), emb])
        # char ids: 0 padding, 1 unknown, 2 word boundary, then the listed characters
        self.chars = {c: i + 3 for i, c in enumerate(bytes(z["chars"]).decode("utf-8"))}
        self.char_emb = z["char_emb"].astype(np.float32)  # (C, dc)
        self.char_w = z["char_w"].astype(np.float32)  # (k*dc, F)
        self.char_b = z["char_b"].astype(np.float32)
        self.char_k = int(z["char_k"])
        self.feats = {f: i for i, f in enumerate(_strings(z["feats"]))}
        self.feat_emb = z["feat_emb"].astype(np.float32)  # (Fv, d)
        self.seq = {f: i for i, f in enumerate(_strings(z["seq"]))}
        self.seq_emb = z["seq_emb"].astype(np.float32)  # (Gv, d)
        self.proj_w = z["proj_w"].astype(np.float32)  # (2*De + F, d)
        self.proj_b = z["proj_b"].astype(np.float32)
        self.arch = bytes(z["arch"]).decode()
        if self.arch == "lstm":  # (in, 4h), (h, 4h), (4h,) per direction; torch gate order ifgo
            self.lstm = [
                tuple(z[f"lstm_{k}_{d}"].astype(np.float32) for k in ("wih", "whh", "b"))
                for d in ("f", "b")
            ]
            hidden = 2 * self.lstm[0][1].shape[0]
        else:
            self.conv1_w = z["conv1_w"].astype(np.float32)  # (5*d, H)
            self.conv1_b = z["conv1_b"].astype(np.float32)
            self.conv2_w = z["conv2_w"].astype(np.float32)  # (3*H, H)
            self.conv2_b = z["conv2_b"].astype(np.float32)
            hidden = self.conv2_w.shape[1]
        self.out_w = z["out_w"].astype(np.float32)  # (H [+ labels], labels)
        self.out_b = z["out_b"].astype(np.float32)
        self.stacked = self.out_w.shape[0] > hidden
        self.max_chars = int(z["max_chars"])
        self.d = self.proj_w.shape[1]
        self._rows: dict[str, int] = {}
        self._mat = np.zeros((1024, self.d), np.float32)
        self._lock = threading.Lock()  # rows() grows the cache: one writer at a time

    @classmethod
    def load(cls, path: Path) -> NeuralTagger:
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    # one word form ------------------------------------------------------------------------------
    def word_inputs(self, w: str, stem: str, own: Sequence[str]) -> tuple[int, int, list[int], list[int]]:
        """Embedding rows of the folded word and its stem, its char ids, its feature ids."""
        chars = self.chars
        cids = [2, *(chars.get(c, 1) for c in stem[: self.max_chars]), 2]
        fi = self.feats  # holds only features with the network's prefixes: others miss
        ids = [j for j in map(fi.get, own) if j is not None]
        iw, is_ = self.vocab.get(w, 0), self.vocab.get(stem, 0)
        if not iw and "uw" in fi:
            ids.append(fi["uw"])
        if not is_ and "us" in fi:
            ids.append(fi["us"])
        return iw, is_, cids, ids

    def word_vectors(self, inputs: Sequence[tuple[int, int, list[int], list[int]]]) -> np.ndarray:
        """The cached word part (before the phrase features and relu) of many word forms."""
        n = len(inputs)
        k = self.char_k
        length = max(max(len(c) for _, _, c, _ in inputs), k)
        cm = np.zeros((n, length), np.int64)
        for r, (_, _, c, _) in enumerate(inputs):
            cm[r, : len(c)] = c
        ce = self.char_emb[cm]  # (n, L, dc)
        win = np.concatenate([ce[:, j : length - k + 1 + j] for j in range(k)], axis=2)
        conv = win @ self.char_w + self.char_b  # (n, L-k+1, F)
        valid = np.arange(length - k + 1)[None, :] <= (
            np.array([max(len(c), k) - k for _, _, c, _ in inputs])[:, None]
        )
        conv = np.where(valid[:, :, None], conv, -np.inf).max(1)
        chars = np.maximum(conv, 0.0)
        iw = np.array([i[0] for i in inputs])
        is_ = np.array([i[1] for i in inputs])
        x = np.concatenate([self.emb[iw], self.emb[is_], chars], axis=1)
        out = x @ self.proj_w + self.proj_b
        owner = [r for r, i in enumerate(inputs) for _ in i[3]]
        if owner:
            np.add.at(out, owner, self.feat_emb[[f for i in inputs for f in i[3]]])
        return out

    def word_part(
        self, tokens: Sequence[str], word: Callable[[str], tuple[str, str, Sequence[str]]]
    ) -> np.ndarray:
        """The cached word part of each token, (N, d); ``word(tok)`` gives (folded word, stem,
        own features) for forms not seen before."""
        with self._lock:
            idx = self._rows_locked(tokens, word)  # may grow self._mat: index it afterwards
            return self._mat[idx]

    def _rows_locked(
        self, tokens: Sequence[str], word: Callable[[str], tuple[str, str, Sequence[str]]]
    ) -> np.ndarray:
        get = self._rows.get
        idx = [get(t, -1) for t in tokens]
        miss = list(dict.fromkeys(t for t, i in zip(tokens, idx, strict=True) if i < 0))
        if miss:
            if len(self._rows) + len(miss) > 200_000:
                self._rows.clear()
                idx = [-1] * len(tokens)
                miss = list(dict.fromkeys(tokens))
            vecs = self.word_vectors([self.word_inputs(*word(t)) for t in miss])
            start = len(self._rows)
            need = start + len(miss)
            if need > len(self._mat):
                grown = np.zeros((max(need, 2 * len(self._mat)), self.d), np.float32)
                grown[:start] = self._mat[:start]
                self._mat = grown
            self._mat[start:need] = vecs
            for j, t in enumerate(miss):
                self._rows[t] = start + j
            idx = [self._rows[t] for t in tokens]
        return np.asarray(idx, dtype=np.int64)

    # a batch of sentences -------------------------------------------------------------------------
    def probs(
        self,
        part: np.ndarray,
        lens: Sequence[int],
        seq_feats: Sequence[Sequence[str]],
        crf_marg: np.ndarray | None = None,
        more_feats: Sequence[Sequence[str]] = (),
    ) -> np.ndarray:
        """Tag probabilities (N, labels) of the flat tokens of sentences of lengths ``lens``,
        from their word parts (:meth:`word_part`).

        ``seq_feats`` (and ``more_feats``, if given) hold each token's multi-word features
        (gazetteer phrases, document context); names the network does not know are skipped."""
        n = len(part)
        u = part.copy()
        get = self.seq.get
        for feats in (seq_feats, more_feats):
            pairs = [(i, j) for i, fs in enumerate(feats) for j in map(get, fs) if j is not None]
            if pairs:
                toks, ids = zip(*pairs, strict=True)
                np.add.at(u, list(toks), self.seq_emb[list(ids)])
        np.maximum(u, 0.0, out=u)
        if self.arch == "lstm":
            h2 = _bilstm(u, lens, self.lstm)
        else:
            sid = np.repeat(np.arange(len(lens)), lens)
            h1 = np.maximum(_conv(u, sid, 2) @ self.conv1_w + self.conv1_b, 0.0)
            h2 = np.maximum(_conv(h1, sid, 1) @ self.conv2_w + self.conv2_b, 0.0)
        if self.stacked:
            if crf_marg is None:
                raise ValueError("this tagger reads the CRF marginals")
            h2 = np.concatenate([h2, crf_marg.astype(np.float32)], axis=1)
        z = h2 @ self.out_w + self.out_b
        z -= z.max(1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(1, keepdims=True)
        assert z.shape == (n, len(self.labels))
        return z


def _conv(x: np.ndarray, sid: np.ndarray, half: int) -> np.ndarray:
    """Windows of ±``half`` rows of x side by side, zero across sentence boundaries."""
    n, d = x.shape
    out = np.zeros((n, (2 * half + 1) * d), np.float32)
    for j, off in enumerate(range(-half, half + 1)):
        if off == 0:
            out[:, j * d : (j + 1) * d] = x
            continue
        idx = np.arange(max(0, -off), n - max(0, off))
        ok = idx[sid[idx] == sid[idx + off]]
        out[ok, j * d : (j + 1) * d] = x[ok + off]
    return out


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _bilstm(u: np.ndarray, lens: Sequence[int], params: list) -> np.ndarray:
    """A one-layer bidirectional LSTM over the flat tokens of sentences of lengths ``lens``,
    stepping all sentences of a length group at once."""
    n = len(u)
    h = params[0][1].shape[0]
    out = np.zeros((n, 2 * h), np.float32)
    starts = np.cumsum([0, *lens])[:-1]
    order = sorted(range(len(lens)), key=lambda i: lens[i])
    for di, (wih, whh, b) in enumerate(params):
        pre = u @ wih + b  # (n, 4h)
        for g in range(0, len(order), 64):
            group = [i for i in order[g : g + 64] if lens[i]]
            if not group:
                continue
            glen = np.array([lens[i] for i in group])
            m = int(glen.max())
            # positions of each row's tokens, in reading order for this direction
            pos = np.arange(m)[None, :] if di == 0 else glen[:, None] - 1 - np.arange(m)[None, :]
            valid = np.arange(m)[None, :] < glen[:, None]
            flat = np.where(valid, np.asarray(starts)[group][:, None] + pos, 0)
            x = pre[flat]  # (G, m, 4h)
            hs = np.zeros((len(group), h), np.float32)
            cs = np.zeros((len(group), h), np.float32)
            res = np.zeros((len(group), m, h), np.float32)
            for t in range(m):
                z = x[:, t] + hs @ whh
                i_, f_, o_ = _sigmoid(z[:, :h]), _sigmoid(z[:, h : 2 * h]), _sigmoid(z[:, 3 * h :])
                cs = f_ * cs + i_ * np.tanh(z[:, 2 * h : 3 * h])
                hs = o_ * np.tanh(cs)
                res[:, t] = hs
            out[flat[valid], di * h : (di + 1) * h] = res[valid]
    return out


def bio_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Transition and start scores that forbid I-X unless it follows B-X or I-X."""
    m = len(labels)
    trans = np.zeros((m, m))
    start = np.zeros(m)
    for j, b in enumerate(labels):
        if b.startswith("I-"):
            start[j] = -1e4
            for i, a in enumerate(labels):
                if a[2:] != b[2:] or a == "O":
                    trans[i, j] = -1e4
    return trans, start


def bio_decode(probs: Sequence[np.ndarray], labels: Sequence[str]) -> list[list[str]]:
    """The most probable valid BIO sequence of each sentence under per-token probabilities."""
    from marsad.entities.recognizer import LinearCRF

    trans, start = bio_transitions(labels)
    crf = LinearCRF(list(labels), [], np.zeros((0, len(labels))), trans)
    emits = []
    for p in probs:
        e = np.log(np.maximum(p, 1e-12))
        if len(e):
            e[0] = e[0] + start
        emits.append(e)
    return crf.viterbi_many(emits)
