"""Bytes → text with a deterministic encoding decision tuned for Arabic news.

General-purpose detectors (charset-normalizer, chardet) often confuse Windows-1256,
ISO-8859-6, Windows-1252 and Mac-Arabic on short Arabic text, so the decision here is explicit:

1. a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); UTF-16 without a BOM is recognised only
   when every NUL byte sits at the same parity and the decoding is clean;
2. known binary signatures, NUL bytes and control-character soup are rejected as ``binary``;
3. strict UTF-8; a UTF-8 file truncated inside its last character loses that partial character,
   and a UTF-8 text with a handful of bad bytes (each outnumbered 20 to 1 by good multi-byte
   characters) gets U+FFFD in their place;
4. Windows-1256 and ISO-8859-6 decodings are scored word by word (Arabic letters, Latin accents
   or symbols wedged into Arabic words, tanwin in mid-word); the best plausible one wins, ties
   broken by the share of function words and ال-words, then by letter frequencies, then
   Windows-1256;
5. text with no clean Arabic word: Windows-1252, then charset-normalizer; otherwise
   ``undecodable``.

Apart from removing the BOM, the decoded text is exactly what the bytes say: no newline
conversion, no stripping, no normalization.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass

from marsad.errors import Rejected

log = logging.getLogger(__name__)

LEGACY_ARABIC = ("windows-1256", "iso-8859-6")

# (prefix, what it is): formats that are never article text even when they hold no NUL byte
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (old Word/Excel)"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# BOMs, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c")
_MAX_CONTROL_SHARE = 0.05  # more control characters than this and it is not text
_MIN_ARABIC_SCORE = 0.6  # share of non-ASCII words that must read as clean Arabic (or Latin)
_MAX_REPLACED_BYTES = 8  # near-UTF-8: at most this many bad bytes ...
_SCORE_SAMPLE = 100_000  # characters scored when choosing between legacy code pages
_MIN_VALID_PER_BAD = 20  # ... each outnumbered by this many well-formed non-ASCII characters


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "windows-1256", "iso-8859-6", ...


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` or raise :class:`Rejected` (``binary``, ``undecodable`` or ``empty``).

    ``declared`` is a charset named by the container (HTTP header, HTML meta); it is trusted only
    when it decodes strictly and is not a Latin code page that decodes anything.
    """
    if not data:
        raise Rejected("empty", "the input has 0 bytes")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise Rejected(
                    "undecodable",
                    f"starts with a {name} byte-order mark but is not valid {name}: {exc}",
                ) from exc
            _check_controls(text)
            return Decoded(text, name)
    kind = binary_signature(data)
    if kind:
        raise Rejected("binary", f"this is {kind}, not text")
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return guessed
        raise Rejected("binary", f"NUL byte at offset {data.index(0)}: not a text file")
    if declared:
        found = _try_declared(data, declared)
        if found is not None:
            return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (
            exc.reason == "unexpected end of data"
            and exc.start >= len(data) - 3
            and not data[: exc.start].isascii()
        ):
            # cut inside the last character (truncated download): keep everything before it
            log.warning(
                "UTF-8 input truncated inside its last character; dropping %d byte(s)",
                len(data) - exc.start,
            )
            text = data[: exc.start].decode("utf-8")
            _check_controls(text)
            return Decoded(text, "utf-8")
    else:
        _check_controls(text)
        return Decoded(text, "utf-8")
    return _decode_legacy(data)


def binary_signature(data: bytes) -> str | None:
    """What known binary format ``data`` starts with, or ``None``."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_controls(text: str) -> None:
    bad = len(_CONTROLS.findall(text))
    if bad and bad > _MAX_CONTROL_SHARE * len(text):
        raise Rejected(
            "binary", f"{bad} of {len(text)} characters are control characters: not a text file"
        )


def _is_control(ch: str) -> bool:
    o = ord(ch)
    return (o < 0x20 and ch not in _ALLOWED_CONTROLS) or 0x7F <= o <= 0x9F or o == 0


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NULs all at odd offsets (LE) or all at even offsets (BE)."""
    if len(data) % 2:
        return None
    nul_even = any(b == 0 for b in data[0::2])
    nul_odd = any(b == 0 for b in data[1::2])
    if nul_even == nul_odd:
        return None
    codec = "utf-16-le" if nul_odd else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _CONTROLS.search(text):
        return None
    if any(unicodedata.category(ch) in {"Cn", "Co", "Cs"} for ch in text):
        return None
    return Decoded(text, codec)


def _canonical(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith("cp125"):
        return "windows-" + codec[2:]
    if codec.startswith("iso8859-"):
        return "iso-" + codec[3:]
    return codec


# Code pages that decode every byte string: a declaration of one of these proves nothing
# (legacy Arabic sites often declare iso-8859-1 while serving windows-1256).
_PERMISSIVE = frozenset({"latin-1", "iso-8859-1", "windows-1252", "ascii", "iso-8859-15"})


def _try_declared(data: bytes, declared: str) -> Decoded | None:
    name = _canonical(declared.strip().strip("\"'"))
    if name is None or name in _PERMISSIVE:
        return None
    if name in LEGACY_ARABIC:
        return None  # the scorer below knows better than the page which of the two it is
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    _check_controls(text)
    return Decoded(text, name)


def _decode_legacy(data: bytes) -> Decoded:
    near = _near_utf8(data)  # UTF-8 with a glitch is far likelier than any code page
    if near is not None:
        return near
    best: tuple[float, float, str, str] | None = None
    for name in LEGACY_ARABIC:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:_SCORE_SAMPLE]
        score = arabic_score(sample)
        likelihood = common_word_share(sample) * 10 + letter_likelihood(sample)
        log.debug("legacy decoding %s scores %.3f (likelihood %.3f)", name, score, likelihood)
        # the word score decides; on a tie the reading with more everyday Arabic words and
        # letters wins, and on a full tie Windows-1256 (listed first) stays
        if best is None or (score, likelihood) > best[:2]:
            best = (score, likelihood, name, text)
    plausible = best is not None and best[0] >= _MIN_ARABIC_SCORE
    if best is not None and plausible and _has_arabic_word(best[3]):
        _check_controls(best[3])
        return Decoded(best[3], best[2])
    # no Arabic here: the usual Latin code page first, then charset-normalizer
    fallback = _latin(data) or _charset_normalizer(data)
    if fallback is not None:
        return fallback
    if best is not None and plausible:  # Latin-script text that Windows-1256 reads cleanly
        _check_controls(best[3])
        return Decoded(best[3], best[2])
    detail = "not UTF-8, UTF-16, Windows-1256 or ISO-8859-6"
    if best is not None:
        detail += f" (its best legacy reading, {best[2]}, looks like garbage: score {best[0]:.2f})"
    raise Rejected("undecodable", detail)


def _latin(data: bytes) -> Decoded | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if arabic_score(text) < _MIN_ARABIC_SCORE or _CONTROLS.search(text):
        return None
    return Decoded(text, "windows-1252")


def _charset_normalizer(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        return None
    name = _canonical(match.encoding) or match.encoding
    if name in LEGACY_ARABIC or name in {"mac-arabic", "cp720", "cp864"}:
        return None  # an Arabic reading we (or its own siblings) already found implausible
    text = str(match)
    if _CONTROLS.search(text):
        return None
    text = data.decode(match.encoding)  # the raw decoding, not a normalized copy
    # a Latin-script reading is only believable if it has few odd symbols in words
    if arabic_score(text) < _MIN_ARABIC_SCORE:
        return None
    log.info("charset-normalizer chose %s", name)
    return Decoded(text, name)


def _near_utf8(data: bytes) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if 0 < bad <= _MAX_REPLACED_BYTES and multibyte >= _MIN_VALID_PER_BAD * bad:
        log.warning("UTF-8 input with %d invalid byte sequence(s); replaced by U+FFFD", bad)
        _check_controls(text)
        return Decoded(text, "utf-8")
    return None


# -- plausibility of a legacy Arabic decoding --------------------------------------------------

_TANWIN = frozenset("\u064b\u064c\u064d")
_WORD_FINAL_AFTER_TANWIN = frozenset("\u0627\u0649\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


def _is_arabic_letter(ch: str) -> bool:
    o = ord(ch)
    return 0x0621 <= o <= 0x064A or 0x066E <= o <= 0x06D3 or o == 0x06D5 or o == 0x06FA


def _is_arabic_mark(ch: str) -> bool:
    o = ord(ch)
    return 0x064B <= o <= 0x0652 or o == 0x0670


def _is_arabic_other(ch: str) -> bool:
    # punctuation, digits, tatweel, format marks and quotes that Arabic text really contains
    o = ord(ch)
    return (
        ch
        in "\u060c\u061b\u061f\u0640\u066a\u066b\u066c\u066d\u00ab\u00bb\u00a0\u200c\u200d\u200e\u200f"
        or 0x0660 <= o <= 0x0669
        or 0x06F0 <= o <= 0x06F9
        or ch in "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022"
    )


def arabic_score(text: str) -> float:
    """Share of the non-ASCII words that read as clean Arabic (or clean Latin), in [0, 1].

    A word is a run of non-space characters. It is clean Arabic when it mixes only Arabic
    letters, marks, Arabic punctuation, digits and ASCII punctuation, with no tanwin in mid-word
    and no mark at the start. Latin letters wedged between Arabic letters (``prىsident``,
    ``çè``) or symbols such as × ÷ ¤ inside a word are what a wrong code page produces.
    """
    clean = total = 0
    for word in text.split():
        if word.isascii():
            continue
        total += 1
        if _clean_word(word):
            clean += 1
    if total == 0:
        return 1.0
    return clean / total


def _has_arabic_word(text: str) -> bool:
    """Whether some word is clean Arabic (not just a stray Arabic letter in a Latin word)."""
    return any(
        _clean_word(w) and any(_is_arabic_letter(ch) for ch in w)
        for w in text.split()
        if not w.isascii()
    )


def _clean_word(word: str) -> bool:
    has_arabic = has_latin = False
    prev = ""
    for i, ch in enumerate(word):
        if ch.isascii():
            has_latin = has_latin or ch.isalpha()
            prev = ch
            continue
        if _is_arabic_letter(ch):
            has_arabic = True
        elif _is_arabic_mark(ch):
            if not prev or not (_is_arabic_letter(prev) or _is_arabic_mark(prev)):
                return False
            if ch in _TANWIN:
                rest = word[i + 1 :]
                tail = rest.rstrip(".,:;!?\"')]}\u060c\u061b\u061f\u00bb")
                if any(c not in _WORD_FINAL_AFTER_TANWIN for c in tail):
                    return False
        elif _is_arabic_other(ch):
            pass
        elif ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            has_latin = True
        else:
            return False  # a symbol, a control, or a letter of another script
        prev = ch
    return not (has_arabic and has_latin)


# Approximate letter frequencies (per cent) of Modern Standard Arabic news prose; only used to
# break ties between two equally clean readings of a very short text.
_LETTER_FREQ = {
    "ا": 12.5,
    "ل": 11.0,
    "ي": 7.5,
    "م": 6.5,
    "و": 6.0,
    "ن": 6.0,
    "ه": 4.0,
    "ر": 4.5,
    "ت": 4.5,
    "ب": 4.0,
    "ة": 3.0,
    "ع": 3.5,
    "ف": 2.8,
    "د": 2.8,
    "ك": 2.5,
    "س": 2.5,
    "ق": 2.3,
    "أ": 2.5,
    "ح": 2.0,
    "ج": 1.5,
    "إ": 1.2,
    "ى": 1.2,
    "ص": 1.0,
    "ط": 1.0,
    "ش": 1.0,
    "خ": 0.8,
    "ز": 0.5,
    "ض": 0.6,
    "ث": 0.5,
    "غ": 0.4,
    "ذ": 0.6,
    "ظ": 0.2,
    "آ": 0.2,
    "ئ": 0.5,
    "ؤ": 0.2,
    "ء": 0.4,
}


def letter_likelihood(text: str) -> float:
    """Mean log-frequency of the Arabic letters in ``text`` (higher: more typical Arabic)."""
    import math

    total = 0.0
    n = 0
    for ch in text:
        if _is_arabic_letter(ch) or _is_arabic_mark(ch):
            total += math.log(_LETTER_FREQ.get(ch, 0.05))
            n += 1
    return total / n if n else 0.0


# Function words and the article prefix: a right reading of Arabic prose is full of them, while
# the other code page turns "ال" into "اف" or "ان" and "في" into other letters.
_FUNCTION_WORDS = (
    "في من على إلى عن مع أن إن أو ما لا لم لن هذا هذه ذلك التي الذي الذين كان قد بعد قبل بين "
    "حتى كما عند ثم أي كل و"
)
_COMMON_WORDS = frozenset(_FUNCTION_WORDS.split())
_ARTICLE_PREFIXES = ("ال", "وال", "بال", "فال", "كال", "لل")


def common_word_share(text: str) -> float:
    """Share of Arabic words that are function words or carry the article ال."""
    words = [w.strip(".,:;!?\"'()[]«»،؛؟") for w in text.split()]
    words = [w for w in words if w and any(_is_arabic_letter(ch) for ch in w)]
    if not words:
        return 0.0
    hits = sum(1 for w in words if w in _COMMON_WORDS or w.startswith(_ARTICLE_PREFIXES))
    return hits / len(words)
