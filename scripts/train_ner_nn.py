#!/usr/bin/env python
"""Train the small neural NER stage that marsad runs (numpy only) beside the two-stage CRF.

Stages:
  oof    out-of-fold marginals of the stage-2 CRF on ANERcorp train (5 contiguous folds, the
         stage-1 tags jackknifed as in scripts/train_ner.py) -> build/ner/crf_oof.npz
  cv     5-fold CV of the neural tagger (and of its ensemble with the CRF) on train
  train  the final tagger on all of train -> src/marsad/resources/ner/neural.npz and the
         equivalence fixture tests/data/ner_neural_fixture.json
  test   score the shipped recognizer on ANERcorp test (report only)

Training-only dependency: torch (extra ``ner-train``). Reads ../shared/data only.
Usage: nice .venv/bin/python scripts/train_ner_nn.py oof|cv|train|test
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))
import train_ner as T  # noqa: E402

from marsad.entities.features import FeatureExtractor, Lexicons, doc_context  # noqa: E402
from marsad.entities.recognizer import TAGS, WINDOW  # noqa: E402

log = logging.getLogger("train_ner_nn")
K = 5
WIKIFANE: str | None = None  # --wikifane: the CRFs were trained with WikiFANE sentences too


def crf_oof() -> None:
    """Stage-2 CRF marginals for each train token from a CRF that did not see its fold."""
    import pycrfsuite

    data = T.read_conll(T.TRAIN)
    fx = FeatureExtractor(Lexicons.load(T.OUT))
    feats = [fx.sentence(t) for t, _ in data]
    wf = T.WithWikiFANE(K, None, WIKIFANE) if WIKIFANE else None
    tags1 = wf.jackknife() if wf else T.jackknife(data, feats, K, None)
    feats2 = T.with_context(fx, data, feats, tags1)
    margs: list[np.ndarray] = []
    pred: list[list[str]] = []
    for f, (lo, hi) in enumerate(T.folds(len(data), K)):
        t0 = time.time()
        path = wf.stage2(f) if wf else T.BUILD / f"oof{f}.crfsuite"
        if not path.exists():
            T.train_crf(
                feats2[:lo] + feats2[hi:], [y for _, y in data[:lo] + data[hi:]], path, None
            )
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for x in feats2[lo:hi]:
            pred.append(tagger.tag(x))
            m = np.array([[tagger.marginal(t, i) for t in TAGS] for i in range(len(x))])
            margs.append(m.astype(np.float32))
        log.info("oof fold %d done (%.0fs)", f, time.time() - t0)
    res = T.score([y for _, y in data], pred)
    log.info("CRF stage-2 OOF: %s", T.fmt(res))
    T.write_npz(T.BUILD / "crf_oof.npz", marg=np.concatenate(margs))
    (T.BUILD / "crf_oof.json").write_text(json.dumps({"tags": pred, "score": res}))


# -- inputs -------------------------------------------------------------------------------------

SEQ_PREFIXES = ("gp=", "dc=")
PREFIXES = ("g=", "gs=", "sh=", "pre=", "f=", "fs=", "len=", "al=", "cap=", "x2=", "p2=")
CFG = {
    "vocab": 100_000,  # most frequent word2vec words kept
    "emb_dim": 64,  # word2vec vectors reduced by PCA
    "char_dim": 24,
    "char_k": 3,
    "char_filters": 64,
    "max_chars": 20,
    "d": 96,  # token vector
    "hidden": 128,
    "dropout": 0.4,
    "epochs": 20,
    "lr": 2e-3,
    "batch": 32,
    "stack": True,  # read the CRF marginals as inputs
    "seed": 13,
    "wdrop": 0.2,  # share of word forms whose word2vec vectors are hidden in a step
    "resid": False,
    "arch": "cnn",
    "doc": True,  # read the document-context features of the stage-2 CRF
    "mix": 0.5,  # weight of the neural probabilities against the CRF marginals
}
W2V_MODEL = T.BUILD / "w2v-min_count3-dim100-sg1-window2.model"


def embeddings(cfg: dict) -> tuple[list[str], np.ndarray]:
    """The most frequent word2vec words, unit-normalized, PCA-reduced, as float16."""
    from gensim.models import Word2Vec

    m = Word2Vec.load(str(W2V_MODEL))
    words = [w for w in m.wv.index_to_key[: cfg["vocab"]] if "\n" not in w]
    x = np.stack([m.wv[w] for w in words]).astype(np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    x -= x.mean(0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    y = x @ vt[: cfg["emb_dim"]].T
    y /= y.std()
    # fix each component's sign (SVD's is arbitrary) so a rebuild gives the same file
    y *= np.sign(y[np.abs(y).argmax(0), np.arange(y.shape[1])])
    return words, y.astype(np.float16)


class Inputs:
    """Word-form table (embedding rows, char ids, feature ids) and per-token phrase features."""

    def __init__(
        self, fx: FeatureExtractor, words: list[str], train: T.Data, seqs: list, cfg: dict
    ) -> None:
        from collections import Counter

        self.fx, self.cfg = fx, cfg
        self.vocab = {w: i + 1 for i, w in enumerate(words)}
        fc: Counter[str] = Counter()
        cc: Counter[str] = Counter()
        sc: Counter[str] = Counter()
        for toks, _ in train:
            for t in toks:
                wd = fx.word(t)
                fc.update(f for f in wd.own if f.startswith(PREFIXES))
                cc.update(wd.key[: cfg["max_chars"]])
        for sent in seqs:
            for fs in sent:
                sc.update(fs)
        self.feats = sorted(f for f, c in fc.items() if c >= 3) + ["uw", "us"]
        self.seq = sorted(f for f, c in sc.items() if c >= 2)
        self.chars = "".join(sorted(c for c, n in cc.items() if n >= 5 and c != "\n"))
        self.fi = {f: i for i, f in enumerate(self.feats)}
        self.si = {f: i for i, f in enumerate(self.seq)}
        self.ci = {c: i + 3 for i, c in enumerate(self.chars)}
        self.types: dict[str, int] = {}
        self.rows: list[tuple[int, int, list[int], list[int]]] = []

    def word_inputs(self, tok: str) -> tuple[int, int, list[int], list[int]]:
        """Same as marsad.entities.neural.NeuralTagger.word_inputs."""
        wd = self.fx.word(tok)
        w, stem = wd.keys[0], wd.key
        cids = [2, *(self.ci.get(c, 1) for c in stem[: self.cfg["max_chars"]]), 2]
        ids = [self.fi[f] for f in wd.own if f.startswith(PREFIXES) and f in self.fi]
        iw, is_ = self.vocab.get(w, 0), self.vocab.get(stem, 0)
        if not iw:
            ids.append(self.fi["uw"])
        if not is_:
            ids.append(self.fi["us"])
        return iw, is_, cids, ids

    def seq_strings(self, toks: list[str], ctx: list[list[str]] | None) -> list[list[str]]:
        """Per-token sequence features: gazetteer phrases and, with ``ctx``, document context."""
        ex = self.fx.extras(self.fx.keyed(self.fx.words(toks)))
        out = [[f for f in fs if f.startswith(SEQ_PREFIXES)] for fs in ex]
        if ctx is not None and self.cfg["doc"]:
            out = [
                a + [f for f in c if f.startswith(SEQ_PREFIXES)]
                for a, c in zip(out, ctx, strict=True)
            ]
        return out

    def encode(self, toks: list[str], seq: list[list[str]]) -> tuple[list[int], list[list[int]]]:
        """Word-form ids and sequence-feature ids of one sentence."""
        out = []
        for t in toks:
            i = self.types.get(t)
            if i is None:
                i = self.types[t] = len(self.rows)
                self.rows.append(self.word_inputs(t))
            out.append(i)
        return out, [[self.si[f] for f in fs if f in self.si] for fs in seq]

    def tensors(self):  # type: ignore[no-untyped-def]
        """The word-form table as padded torch tensors."""
        import torch

        n = len(self.rows)
        lc = max(len(r[2]) for r in self.rows)
        lf = max(1, max(len(r[3]) for r in self.rows))
        iw = torch.tensor([r[0] for r in self.rows])
        is_ = torch.tensor([r[1] for r in self.rows])
        cm = torch.zeros((n, lc), dtype=torch.long)
        fm = torch.full((n, lf), len(self.feats), dtype=torch.long)
        clen = torch.tensor([len(r[2]) for r in self.rows])
        for j, r in enumerate(self.rows):
            cm[j, : len(r[2])] = torch.tensor(r[2])
            if r[3]:
                fm[j, : len(r[3])] = torch.tensor(r[3])
        return iw, is_, cm, clen, fm


def make_net(inp: Inputs, emb: np.ndarray, cfg: dict):  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            de = emb.shape[1]
            table = np.vstack([np.zeros((1, de), np.float32), emb.astype(np.float32)])
            self.emb = nn.Embedding.from_pretrained(torch.tensor(table), freeze=True)
            self.char_emb = nn.Embedding(len(inp.chars) + 3, cfg["char_dim"], padding_idx=0)
            self.char_conv = nn.Conv1d(cfg["char_dim"], cfg["char_filters"], cfg["char_k"])
            self.proj = nn.Linear(2 * de + cfg["char_filters"], cfg["d"])
            self.feat_emb = nn.Embedding(len(inp.feats) + 1, cfg["d"], padding_idx=len(inp.feats))
            self.seq_emb = nn.Embedding(len(inp.seq) + 1, cfg["d"], padding_idx=len(inp.seq))
            for e in (self.feat_emb, self.seq_emb):
                nn.init.normal_(e.weight, std=0.1)
                with torch.no_grad():
                    e.weight[e.padding_idx].zero_()
            if cfg["arch"] == "lstm":
                self.lstm = nn.LSTM(
                    cfg["d"], cfg["hidden"] // 2, batch_first=True, bidirectional=True
                )
            self.conv1 = nn.Conv1d(cfg["d"], cfg["hidden"], 5, padding=2)
            self.conv2 = nn.Conv1d(cfg["hidden"], cfg["hidden"], 3, padding=1)
            self.out = nn.Linear(cfg["hidden"] + (len(TAGS) if cfg["stack"] else 0), len(TAGS))
            self.drop = nn.Dropout(cfg["dropout"])

        def words(self, iw, is_, cm, clen, fm):  # type: ignore[no-untyped-def]
            ce = self.char_emb(cm).transpose(1, 2)  # (U, dc, L)
            conv = self.char_conv(ce)  # (U, F, L-k+1)
            pos = torch.arange(conv.shape[2])[None, :]
            valid = pos <= (clen - cfg["char_k"]).clamp(min=0)[:, None]
            conv = conv.masked_fill(~valid[:, None, :], float("-inf")).max(2).values.relu()
            ew, es = self.emb(iw), self.emb(is_)
            if self.training and cfg["wdrop"]:  # hide some words' vectors: unseen-word practice
                keep = (torch.rand(len(iw), 1) >= cfg["wdrop"]).float()
                ew, es = ew * keep, es * keep
            x = torch.cat([ew, es, conv], 1)
            return self.proj(x) + self.feat_emb(fm).sum(1)

        def forward(self, wordvec, types, seq, mask, marg):  # type: ignore[no-untyped-def]
            u = wordvec[types] + self.seq_emb(seq).sum(2)  # (B, T, d)
            m = mask[:, :, None].float()
            u = self.drop(u.relu() * m)
            if cfg["arch"] == "lstm":
                from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

                lens = mask.sum(1)
                packed = pack_padded_sequence(u, lens, batch_first=True, enforce_sorted=False)
                h2 = pad_packed_sequence(
                    self.lstm(packed)[0], batch_first=True, total_length=u.shape[1]
                )[0]
            else:
                h1 = self.drop(self.conv1(u.transpose(1, 2)).relu().transpose(1, 2) * m)
                h2 = self.conv2(h1.transpose(1, 2)).relu().transpose(1, 2) * m
            h2 = self.drop(h2)
            if cfg["stack"]:
                h2 = torch.cat([h2, marg], 2)
            if cfg["resid"]:  # learn a correction to the CRF's log-marginals
                return self.out(h2) + marg.clamp(min=1e-6).log()
            return self.out(h2)

    return Net()


def batches(inp: Inputs, enc: list, margs: list | None, gold: list | None, idx: list[int]):  # type: ignore[no-untyped-def]
    """Padded tensors of the sentences ``idx``: types, seq feats, mask, marginals, labels."""
    import torch

    tl = max(len(enc[i][0]) for i in idx)
    ls = max(1, max((len(s) for i in idx for s in enc[i][1]), default=1))
    b = len(idx)
    types = torch.zeros((b, tl), dtype=torch.long)
    seq = torch.full((b, tl, ls), len(inp.seq), dtype=torch.long)
    mask = torch.zeros((b, tl), dtype=torch.bool)
    marg = torch.zeros((b, tl, len(TAGS)))
    y = torch.full((b, tl), -100, dtype=torch.long)
    lab = {t: j for j, t in enumerate(TAGS)}
    for r, i in enumerate(idx):
        ty, sq = enc[i]
        n = len(ty)
        types[r, :n] = torch.tensor(ty)
        mask[r, :n] = True
        for t, fs in enumerate(sq):
            if fs:
                seq[r, t, : len(fs)] = torch.tensor(fs)
        if margs is not None:
            marg[r, :n] = torch.from_numpy(margs[i])
        if gold is not None:
            y[r, :n] = torch.tensor([lab[t] for t in gold[i]])
    return types, seq, mask, marg, y


def train_net(
    inp: Inputs,
    emb: np.ndarray,
    enc: list,
    margs: list | None,
    gold: list,
    idx: list[int],
    cfg: dict,
):  # type: ignore[no-untyped-def]
    import torch

    torch.manual_seed(cfg["seed"])
    net = make_net(inp, emb, cfg)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=cfg["lr"])
    table = inp.tensors()
    rng = np.random.default_rng(cfg["seed"])
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-100)
    steps = cfg["epochs"] * ((len(idx) + cfg["batch"] - 1) // cfg["batch"])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1.0 - s / (steps + 1))
    for ep in range(cfg["epochs"]):
        t0 = time.time()
        net.train()
        order = rng.permutation(idx).tolist()
        tot = 0.0
        for s in range(0, len(order), cfg["batch"]):
            bi = order[s : s + cfg["batch"]]
            types, seq, mask, marg, y = batches(inp, enc, margs, gold, bi)
            uniq, inv = torch.unique(types[mask], return_inverse=True)
            wv = net.words(*(t[uniq] for t in table))
            local = torch.zeros_like(types)
            local[mask] = inv
            logits = net(wv, local, seq, mask, marg)
            loss = lossf(logits.reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += float(loss.detach()) * len(bi)
        log.info("epoch %d loss %.4f (%.0fs)", ep, tot / len(idx), time.time() - t0)
    net.eval()
    return net


def predict(net, inp: Inputs, enc: list, margs: list | None, idx: list[int]) -> list[np.ndarray]:  # type: ignore[no-untyped-def]
    import torch

    table = inp.tensors()
    out: list[np.ndarray] = []
    with torch.no_grad():
        for s in range(0, len(idx), 64):
            bi = idx[s : s + 64]
            types, seq, mask, marg, _ = batches(inp, enc, margs, None, bi)
            uniq, inv = torch.unique(types[mask], return_inverse=True)
            wv = net.words(*(t[uniq] for t in table))
            local = torch.zeros_like(types)
            local[mask] = inv
            p = net(wv, local, seq, mask, marg).softmax(-1).numpy()
            out += [p[r, : len(enc[i][0])] for r, i in enumerate(bi)]
    return out


def mix(p_nn: list[np.ndarray], p_crf: list[np.ndarray], a: float) -> list[np.ndarray]:
    """As the recognizer mixes: weighted geometric mean of the two, renormalized."""
    out = []
    for p, m in zip(p_nn, p_crf, strict=True):
        q = np.exp(a * np.log(p + 1e-9) + (1 - a) * np.log(m + 1e-9))
        out.append(q / q.sum(1, keepdims=True))
    return out


def decode(probs: list[np.ndarray]) -> list[list[str]]:
    from marsad.entities.neural import bio_decode

    return bio_decode(probs, list(TAGS))


def setup(cfg: dict):  # type: ignore[no-untyped-def]
    import torch

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    data = T.read_conll(T.TRAIN)
    fx = FeatureExtractor(Lexicons.load(T.OUT))
    words, emb = embeddings(cfg)
    # document context from jackknifed stage-1 CRF tags, as the stage-2 CRF sees it
    feats = [fx.sentence(t) for t, _ in data]
    if WIKIFANE:
        tags1 = T.WithWikiFANE(K, None, WIKIFANE).jackknife()
    else:
        tags1 = T.jackknife(data, feats, K, None)
    ctx = doc_context([fx.keys(t) for t, _ in data], tags1, WINDOW)
    inp = Inputs(fx, words, data, [], cfg)
    seqs = [inp.seq_strings(t, c) for (t, _), c in zip(data, ctx, strict=True)]
    inp = Inputs(fx, words, data, seqs, cfg)
    enc = [inp.encode(t, q) for (t, _), q in zip(data, seqs, strict=True)]
    gold = [y for _, y in data]
    if not (T.BUILD / "crf_oof.npz").exists():
        return data, fx, words, emb, inp, enc, gold, None
    oof = np.load(T.BUILD / "crf_oof.npz")["marg"]
    lens = np.cumsum([0] + [len(y) for y in gold])
    margs = [oof[lens[i] : lens[i + 1]] for i in range(len(gold))]
    return data, fx, words, emb, inp, enc, gold, margs


def cv(cfg: dict, only: list[int], name: str) -> None:
    data, fx, words, emb, inp, enc, gold, margs = setup(cfg)
    have = margs is not None
    crf_tags = json.loads((T.BUILD / "crf_oof.json").read_text())["tags"] if have else None
    g_all, p_nn, p_crf, m_crf = [], [], [], []
    for f in only:
        lo, hi = T.folds(len(data), K)[f]
        t0 = time.time()
        tr = [i for i in range(len(data)) if not lo <= i < hi]
        net = train_net(inp, emb, enc, margs if cfg["stack"] else None, gold, tr, cfg)
        p = predict(net, inp, enc, margs if cfg["stack"] else None, list(range(lo, hi)))
        log.info(
            "fold %d: NN %s (%.0fs)", f, T.fmt(T.score(gold[lo:hi], decode(p))), time.time() - t0
        )
        g_all += gold[lo:hi]
        p_nn += p
        if have:
            p_crf += crf_tags[lo:hi]
            m_crf += margs[lo:hi]
    log.info("[%s] NN    %s", name, T.fmt(T.score(g_all, decode(p_nn))))
    np.savez(T.BUILD / f"nncv-{name}.npz", *p_nn)
    if not have:
        return
    log.info("[%s] CRF   %s", name, T.fmt(T.score(g_all, p_crf)))
    log.info("[%s] CRFm  %s", name, T.fmt(T.score(g_all, decode(m_crf))))
    for a in (0.3, 0.4, 0.5, 0.6, 0.7):
        log.info("[%s] geo%.1f %s", name, a, T.fmt(T.score(g_all, decode(mix(p_nn, m_crf, a)))))


# Original sentences (written for the tests, not corpus text) for the torch/numpy equivalence
FIXTURE_SENTENCES = [
    "وقال الرئيس الروسي فلاديمير بوتين في موسكو",
    "التقى وزير الخارجية الإيراني محمد جواد ظريف نظيره الأمريكي جون كيري في فيينا",
    "وأكد الرئيس المصري عبد الفتاح السيسي خلال لقائه في القاهرة وفدا من البنك الدولي",
    "أعلنت الأمم المتحدة أن المساعدات وصلت إلى سوريا",
    "ذكرت وكالة رويترز أن الاشتباكات تجددت في ليبيا",
    "وصل المبعوث الأممي ستيفان دي ميستورا إلى دمشق قادما من جنيف",
]
FIXTURE = ROOT / "tests" / "data" / "ner_neural_fixture.json"


def _b(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def export(net, inp: Inputs, words: list[str], emb: np.ndarray, cfg: dict, out: Path) -> None:  # type: ignore[no-untyped-def]
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    k, dc, nf = cfg["char_k"], cfg["char_dim"], cfg["char_filters"]
    arrays = {
        "labels": _b("\n".join(TAGS)),
        "arch": _b(cfg["arch"]),
        "mix": np.float64(cfg["mix"]),
        "vocab": _b("\n".join(words)),
        "emb": emb,
        "chars": _b(inp.chars),
        "char_emb": sd["char_emb.weight"],
        "char_w": sd["char_conv.weight"].transpose(2, 1, 0).reshape(k * dc, nf),
        "char_b": sd["char_conv.bias"],
        "char_k": np.int64(k),
        "max_chars": np.int64(cfg["max_chars"]),
        "prefixes": _b("\n".join(PREFIXES)),
        "feats": _b("\n".join(inp.feats)),
        "feat_emb": sd["feat_emb.weight"][:-1],
        "seq": _b("\n".join(inp.seq)),
        "seq_emb": sd["seq_emb.weight"][:-1],
        "proj_w": sd["proj.weight"].T.copy(),
        "proj_b": sd["proj.bias"],
        "out_w": sd["out.weight"].T.copy(),
        "out_b": sd["out.bias"],
    }
    if cfg["arch"] == "lstm":
        for d, suf in (("f", ""), ("b", "_reverse")):
            arrays[f"lstm_wih_{d}"] = sd[f"lstm.weight_ih_l0{suf}"].T.copy()
            arrays[f"lstm_whh_{d}"] = sd[f"lstm.weight_hh_l0{suf}"].T.copy()
            arrays[f"lstm_b_{d}"] = sd[f"lstm.bias_ih_l0{suf}"] + sd[f"lstm.bias_hh_l0{suf}"]
    else:
        h, d = cfg["hidden"], cfg["d"]
        arrays["conv1_w"] = sd["conv1.weight"].transpose(2, 1, 0).reshape(5 * d, h)
        arrays["conv1_b"] = sd["conv1.bias"]
        arrays["conv2_w"] = sd["conv2.weight"].transpose(2, 1, 0).reshape(3 * h, h)
        arrays["conv2_b"] = sd["conv2.bias"]
    T.write_npz(out, **arrays)
    log.info("%s: %.1f MB", out.name, out.stat().st_size / 1e6)


def train_final(cfg: dict, out_dir: Path | None) -> None:
    from marsad.entities.recognizer import Recognizer

    data, fx, words, emb, inp, enc, gold, margs = setup(cfg)
    t0 = time.time()
    net = train_net(inp, emb, enc, margs, gold, list(range(len(data))), cfg)
    log.info("trained in %.0fs", time.time() - t0)
    out = (out_dir or T.OUT) / "neural.npz"
    fixture = out_dir / FIXTURE.name if out_dir else FIXTURE
    export(net, inp, words, emb, cfg, out)
    # equivalence fixture: the torch model's probabilities on a few original sentences, given
    # the shipped CRF's marginals (computed by the numpy recognizer, without the neural stage)
    crf = Recognizer(T.OUT)
    crf.neural = None
    sents = [x.split() for x in FIXTURE_SENTENCES]
    perm = [crf.final.labels.index(t) for t in TAGS]  # CRF label order -> TAGS order
    fmarg = [m[:, perm] for m in crf.final.marginals_many(crf._final_emissions(sents))]
    _, flat, lens, seqf, ctxf = crf._stages(sents)
    seqf = [a + b for a, b in zip(seqf, ctxf, strict=True)]
    bounds = np.cumsum([0, *lens])
    fenc = [inp.encode(t, seqf[bounds[k] : bounds[k + 1]]) for k, t in enumerate(sents)]
    probs = predict(net, inp, fenc, [m.astype(np.float32) for m in fmarg], list(range(len(sents))))
    fixture.parent.mkdir(parents=True, exist_ok=True)
    fixture.write_text(
        json.dumps(
            [
                {"tokens": t, "crf": m.round(7).tolist(), "probs": p.round(6).tolist()}
                for t, m, p in zip(sents, fmarg, probs, strict=True)
            ],
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


def test() -> None:
    from marsad.entities.recognizer import Recognizer

    data = T.read_conll(T.TEST)
    rec = Recognizer(T.OUT)
    t1 = time.perf_counter()
    pred = rec.tag([t for t, _ in data])
    dt = time.perf_counter() - t1
    res = T.score([g for _, g in data], pred)
    ntok = sum(len(t) for t, _ in data)
    log.info("TEST %s %s", rec.name, T.fmt(res))
    log.info("tagging: %d tokens in %.2fs = %.0f tokens/s (cold cache)", ntok, dt, ntok / dt)
    head = data[:300]
    log.info("TEST head-300: %s", T.fmt(T.score([g for _, g in head], pred[:300])))
    (T.BUILD / "test_report_nn.json").write_text(json.dumps(res, indent=1))


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("stage", choices=["oof", "cv", "train", "test"])
    ap.add_argument("--only", type=int, nargs="*", help="run only these CV folds")
    ap.add_argument("--cfg", type=json.loads, default=None, help="settings as JSON")
    ap.add_argument("--name", default="run")
    ap.add_argument("--out", help="train: write neural.npz and the fixture here instead")
    ap.add_argument(
        "--wikifane",
        help="oof/cv/train: the CRFs are trained with this WikiFANE variant (train_ner.py)",
    )
    args = ap.parse_args()
    global WIKIFANE
    WIKIFANE = args.wikifane
    cfg = {**CFG, **(args.cfg or {})}
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.stage == "oof":
        crf_oof()
    elif args.stage == "train":
        train_final(cfg, Path(args.out) if args.out else None)
    elif args.stage == "test":
        test()
    elif args.stage == "cv":
        cv(cfg, args.only if args.only is not None else list(range(K)), args.name)


if __name__ == "__main__":
    main()
