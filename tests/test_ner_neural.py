"""The numpy inference of the neural NER stage: shapes, sentence edges, caching, determinism,
the batched LSTM and CRF marginals, valid BIO decoding, and equality with the torch model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.entities.neural import NeuralTagger, _bilstm, _conv, bio_decode, bio_transitions
from marsad.entities.recognizer import TAGS, LinearCRF, Recognizer, default_path

FIXTURE = Path(__file__).parent / "data" / "ner_neural_fixture.json"


def _b(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _random_model(arch: str, seed: int = 0, stacked: bool = True) -> NeuralTagger:
    """A small random network in the exported layout (what scripts/train_ner_nn.py writes)."""
    rng = np.random.default_rng(seed)
    de, dc, nf, d, h, k = 8, 4, 6, 10, 12, 3
    words = ["بوتين", "روسيا", "قال", "الرئيس", "في", "موسكو"]
    chars = "ابتروسقلمنهيفك"
    feats = ["sh=A", "sh=P", "pre=و", "g=LOC", "uw", "us"]

    def r(*shape: int) -> np.ndarray:
        return rng.normal(scale=0.5, size=shape).astype(np.float32)

    z = {
        "labels": _b("\n".join(TAGS)),
        "arch": _b(arch),
        "mix": np.float64(0.5),
        "vocab": _b("\n".join(words)),
        "emb": r(len(words), de).astype(np.float16),
        "chars": _b(chars),
        "char_emb": r(len(chars) + 3, dc),
        "char_w": r(k * dc, nf),
        "char_b": r(nf),
        "char_k": np.int64(k),
        "max_chars": np.int64(20),
        "prefixes": _b("\n".join(["g=", "sh=", "pre="])),
        "feats": _b("\n".join(feats)),
        "feat_emb": r(len(feats), d),
        "seq": _b("\n".join(["gp=B-LOC", "gp=I-LOC"])),
        "seq_emb": r(2, d),
        "proj_w": r(2 * de + nf, d),
        "proj_b": r(d),
        "out_w": r(h + (len(TAGS) if stacked else 0), len(TAGS)),
        "out_b": r(len(TAGS)),
    }
    if arch == "lstm":
        for di in ("f", "b"):
            z[f"lstm_wih_{di}"] = r(d, 4 * (h // 2))
            z[f"lstm_whh_{di}"] = r(h // 2, 4 * (h // 2))
            z[f"lstm_b_{di}"] = r(4 * (h // 2))
    else:
        z.update(conv1_w=r(5 * d, h), conv1_b=r(h), conv2_w=r(3 * h, h), conv2_b=r(h))
    return NeuralTagger(z)


def _word(tok: str) -> tuple[str, str, list[str]]:
    stem = tok[1:] if tok.startswith("و") and len(tok) > 3 else tok
    return tok, stem, ["sh=A", "w=" + tok] + (["pre=و"] if stem != tok else [])


SENTS = [["وقال", "الرئيس", "بوتين", "في", "موسكو"], ["روسيا"], ["قال", "زيد", "عمرو"]]


@pytest.mark.parametrize("arch", ["cnn", "lstm"])
def test_probabilities_shape_and_sum(arch: str) -> None:
    nn = _random_model(arch)
    flat = [t for s in SENTS for t in s]
    part = nn.word_part(flat, _word)
    marg = np.full((len(flat), len(TAGS)), 1 / len(TAGS))
    p = nn.probs(part, [len(s) for s in SENTS], [[] for _ in flat], marg)
    assert p.shape == (len(flat), len(TAGS))
    assert np.allclose(p.sum(1), 1.0)
    assert (p > 0).all()
    with pytest.raises(ValueError):
        nn.probs(part, [len(s) for s in SENTS], [[] for _ in flat], None)


@pytest.mark.parametrize("arch", ["cnn", "lstm"])
def test_sentences_do_not_see_each_other(arch: str) -> None:
    """A sentence's probabilities are the same alone or inside a batch (edges are padded)."""
    nn = _random_model(arch, seed=3)
    flat = [t for s in SENTS for t in s]
    lens = [len(s) for s in SENTS]
    rng = np.random.default_rng(1)
    marg = rng.dirichlet(np.ones(len(TAGS)), size=len(flat))
    seq = [["gp=B-LOC"] if t == "موسكو" else [] for t in flat]
    together = nn.probs(nn.word_part(flat, _word), lens, seq, marg)
    start = 0
    for s in SENTS:
        alone = nn.probs(
            nn.word_part(s, _word), [len(s)], seq[start : start + len(s)], marg[start : start + len(s)]
        )
        assert np.allclose(alone, together[start : start + len(s)], atol=1e-6)
        start += len(s)


def test_word_cache_does_not_change_results() -> None:
    a, b = _random_model("cnn", seed=5), _random_model("cnn", seed=5)
    flat = [t for s in SENTS for t in s]
    b.word_part(list(reversed(flat)) + ["غريب"], _word)  # warm b's cache in another order
    marg = np.full((len(flat), len(TAGS)), 1 / len(TAGS))
    lens = [len(s) for s in SENTS]
    pa = a.probs(a.word_part(flat, _word), lens, [[]] * len(flat), marg)
    pb = b.probs(b.word_part(flat, _word), lens, [[]] * len(flat), marg)
    assert np.allclose(pa, pb, atol=1e-6)
    assert np.array_equal(pa, a.probs(a.word_part(flat, _word), lens, [[]] * len(flat), marg))


def test_conv_windows_stop_at_sentence_edges() -> None:
    x = np.arange(1, 6, dtype=np.float32)[:, None]  # tokens 1..5; sentences [1, 2] [3, 4, 5]
    sid = np.array([0, 0, 1, 1, 1])
    w = _conv(x, sid, 1)
    assert w.tolist() == [[0, 1, 2], [1, 2, 0], [0, 3, 4], [3, 4, 5], [4, 5, 0]]


def _lstm_reference(u: np.ndarray, params: list) -> np.ndarray:
    """One sentence, one token at a time, written as plainly as possible."""
    h = params[0][1].shape[0]
    out = np.zeros((len(u), 2 * h))
    for di, (wih, whh, b) in enumerate(params):
        hs, cs = np.zeros(h), np.zeros(h)
        steps = range(len(u)) if di == 0 else range(len(u) - 1, -1, -1)
        for t in steps:
            z = u[t] @ wih + b + hs @ whh
            sig = 1 / (1 + np.exp(-z))
            cs = sig[h : 2 * h] * cs + sig[:h] * np.tanh(z[2 * h : 3 * h])
            hs = sig[3 * h :] * np.tanh(cs)
            out[t, di * h : (di + 1) * h] = hs
    return out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=8))
def test_batched_bilstm_equals_reference(lens: list[int]) -> None:
    nn = _random_model("lstm", seed=2)
    rng = np.random.default_rng(sum(lens))
    u = rng.normal(size=(sum(lens), nn.d)).astype(np.float32)
    got = _bilstm(u, lens, nn.lstm)
    start = 0
    for n in lens:
        ref = _lstm_reference(u[start : start + n].astype(np.float64), nn.lstm)
        assert np.allclose(got[start : start + n], ref, atol=1e-5)
        start += n


def test_batched_marginals_equal_forward_backward() -> None:
    rec = Recognizer.load()
    rng = np.random.default_rng(11)
    emits = [rng.normal(size=(n, len(rec.final.labels))) * 3 for n in (1, 2, 7, 7, 30, 3, 90)]
    got = rec.final.marginals_many(emits)
    for g, e in zip(got, emits, strict=True):
        assert np.allclose(g, rec.final.marginals(e), atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=5), st.integers(0, 99))
def test_bio_decode_gives_valid_sequences(lens: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    probs = [rng.dirichlet(np.ones(len(TAGS)) * 0.3, size=n) for n in lens]
    for tags in bio_decode(probs, TAGS):
        prev = "O"
        for t in tags:
            if t.startswith("I-"):
                assert prev[2:] == t[2:], tags
            prev = t


def test_bio_decode_follows_clear_probabilities() -> None:
    lab = {t: j for j, t in enumerate(TAGS)}
    p = np.full((3, len(TAGS)), 0.01)
    for i, t in enumerate(["B-PER", "I-PER", "O"]):
        p[i, lab[t]] = 0.9
    assert bio_decode([p], TAGS) == [["B-PER", "I-PER", "O"]]
    trans, start = bio_transitions(TAGS)
    assert start[lab["I-LOC"]] < 0 and start[lab["B-LOC"]] == 0
    assert trans[lab["O"], lab["I-ORG"]] < 0 and trans[lab["B-ORG"], lab["I-ORG"]] == 0
    crf = LinearCRF(list(TAGS), [], np.zeros((0, len(TAGS))), trans)
    assert crf.viterbi(np.log(p)) == ["B-PER", "I-PER", "O"]


shipped = pytest.mark.skipif(
    not (default_path() / "neural.npz").exists(), reason="no neural stage shipped"
)


@shipped
def test_shipped_network_equals_torch_outputs() -> None:
    """The numpy network reproduces the probabilities torch gave at training time."""
    rec = Recognizer.load()
    nn = rec.neural
    assert nn is not None
    cases = json.loads(FIXTURE.read_text(encoding="utf-8"))
    sents = [c["tokens"] for c in cases]
    emits, flat, lens, extras, ctx = rec._stages(sents)
    crf = np.concatenate([np.array(c["crf"]) for c in cases])  # in the network's label order
    mine = np.concatenate(rec.final.marginals_many(emits))[:, rec._to_nn]
    assert np.allclose(mine, crf, atol=1e-5)
    p = nn.probs(nn.word_part(flat, rec._nn_word), lens, extras, crf, ctx)
    assert np.allclose(p, np.concatenate([np.array(c["probs"]) for c in cases]), atol=1e-4)


@shipped
def test_shipped_stage_names_itself() -> None:
    rec = Recognizer.load()
    assert (rec.name, rec.version) == ("ner.crf+cnn", "2")
    assert 0.0 < rec.mix < 1.0


def test_word_cache_grows_past_its_first_block() -> None:
    """More new word forms in one call than the cache's first allocation (1024 rows)."""
    words = [f"كلمة{i}" for i in range(1500)]
    grown, fresh = _random_model("cnn", seed=9), _random_model("cnn", seed=9)
    part = grown.word_part(words, _word)
    assert part.shape == (1500, grown.d)
    assert np.allclose(part[1400:], fresh.word_part(words[1400:], _word), atol=1e-6)
    assert np.array_equal(part, grown.word_part(words, _word))  # now all cached
