"""Encoding detection: the same Arabic article in every supported encoding decodes identically."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marsad.errors import Rejected
from marsad.ingest.decode import arabic_score, decode_bytes

# A short wire report written for these tests: only characters ISO-8859-6 can represent
# (no guillemets, no Persian letters, ASCII digits), CRLF line ends and trailing spaces, so
# that "unchanged" is visible.
ARTICLE = (
    "دمشق - 14 آذار (سانا) - بحث وزير الخارجية والمغتربين مع نظيره العراقي في دمشق اليوم "
    "الثلاثاء سبل تعزيز العلاقات الثنائية بين البلدين، وآخر التطورات في المنطقة.\r\n"
    "وأكد الوزيران أهمية التنسيق المشترك لمواجهة الإرهاب؛ وقال الوزير العراقي: إن بلاده تقف "
    "إلى جانب سورية دائماً.\r\n"
    "هل تنجح هذه الجهود؟ يرى مراقبون أن الزيارة تفتح صفحة جديدة في علاقات البلدين.\r\n"
    "ع.م / ر.ح\r\n  "
)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le+bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be+bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16-le+bom", "utf-16"),
        ("utf-16-be+bom", "utf-16"),
        ("utf-16-le", "utf-16-le"),  # no BOM: recognised by where the NUL bytes sit
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("cp1256", "windows-1256"),
        ("iso-8859-6", "iso-8859-6"),
    ],
)
def test_every_encoding_decodes_to_the_same_text(encoding: str, detected: str) -> None:
    decoded = decode_bytes(_encode(ARTICLE, encoding))
    assert decoded.text == ARTICLE  # BOM gone, CRLF and trailing spaces kept
    assert decoded.encoding == detected


def test_the_legacy_encodings_really_differ() -> None:
    # the test above would prove little if the two code pages agreed on these bytes
    cp, iso = ARTICLE.encode("cp1256"), ARTICLE.encode("iso-8859-6")
    assert cp != iso
    assert iso.decode("cp1256") != ARTICLE
    with pytest.raises(UnicodeDecodeError):
        cp.decode("iso-8859-6")


@pytest.mark.parametrize(
    "text",
    [
        "طهران - إرنا - أعلن وزير الخارجية الإيراني اليوم أن بلاده مستعدة للحوار.",
        "بيروت في 12 كانون الثاني /سانا/ اجتمع الوفدان وناقشا العلاقات الثنائية.",
        "قال الرئيس",
        "وكالة الأنباء",
        "سلامٌ عليكم",
        "لبنان",
    ],
)
@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6"])
def test_short_legacy_texts(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == {"cp1256": "windows-1256", "iso-8859-6": "iso-8859-6"}[encoding]


def test_windows_1256_extras_guillemets_and_persian_letters() -> None:
    text = "قال «الناطق» باسم الخارجية إن گفتگو مع پاکستان مستمرة."
    decoded = decode_bytes(text.encode("cp1256"))
    assert (decoded.text, decoded.encoding) == (text, "windows-1256")


@pytest.mark.parametrize(
    "text",
    [
        "Le président a déclaré à la presse que la réunion s'est très bien passée.",
        "Le président égyptien a été reçu à l'Élysée.",
    ],
)
def test_latin_text_in_windows_1252(text: str) -> None:
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text


def test_utf8_cut_inside_the_last_character_keeps_the_rest() -> None:
    data = "قال الرئيس".encode()
    decoded = decode_bytes(data[:-1])
    assert decoded.text == "قال الرئي"
    assert decoded.encoding == "utf-8"


def test_near_utf8_with_one_bad_byte_gets_a_replacement_character() -> None:
    data = ARTICLE.encode()
    cut = data.index(b" ", 40)
    decoded = decode_bytes(data[:cut] + b"\xff" + data[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == ARTICLE[: len(data[:cut].decode())] + "\ufffd" + data[cut:].decode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"GIF89a\x01\x00\x01\x00", "binary"),
        ("خبر".encode() + b"\x00\x01\x02\x03" + "عاجل".encode(), "binary"),
        (bytes(range(1, 32)) * 20, "binary"),  # control soup without NUL bytes
    ],
)
def test_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected) as info:
        decode_bytes(data)
    assert info.value.reason == reason
    assert info.value.detail


def test_a_broken_transcoding_is_undecodable() -> None:
    # UTF-8 Arabic that lost every lead byte (a real failure of naive byte-wise converters):
    # invalid UTF-8, invalid ISO-8859-6, and garbage in Windows-1256 and Windows-1252
    data = bytes(b for b in ARTICLE.encode() if not 0xC0 <= b <= 0xF4)
    with pytest.raises(Rejected) as info:
        decode_bytes(data)
    assert info.value.reason == "undecodable"
    assert "windows-1256" in info.value.detail


def test_a_file_mixing_utf8_and_windows_1256_is_undecodable() -> None:
    # two reports concatenated from differently encoded sources: no single reading is right
    data = ARTICLE.encode("utf-8") + ARTICLE.encode("cp1256")
    with pytest.raises(Rejected) as info:
        decode_bytes(data)
    assert info.value.reason == "undecodable"


def test_a_bad_bom_is_undecodable() -> None:
    with pytest.raises(Rejected) as info:
        decode_bytes(codecs.BOM_UTF8 + "خبر".encode("cp1256"))
    assert info.value.reason == "undecodable"


def test_declared_charset_is_used_when_it_decodes() -> None:
    text = "Доклад: президент прибыл в Дамаск."  # a page in windows-1251 that says so
    assert decode_bytes(text.encode("cp1251"), declared="windows-1251").text == text


def test_a_false_latin_declaration_is_ignored() -> None:
    # legacy Arabic sites often declare iso-8859-1 while serving windows-1256
    decoded = decode_bytes(ARTICLE.encode("cp1256"), declared="iso-8859-1")
    assert (decoded.text, decoded.encoding) == (ARTICLE, "windows-1256")


def test_arabic_score_tells_wrong_code_pages() -> None:
    assert arabic_score(ARTICLE) == 1.0
    assert arabic_score(ARTICLE.encode("iso-8859-6").decode("cp1256")) < 0.5
    assert arabic_score(ARTICLE.encode("utf-8").decode("cp1256")) < 0.1  # the classic "ط§ظ„"


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"),
    min_size=1,
).filter(lambda t: not t.startswith("\ufeff"))


@settings(max_examples=150, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trip_is_exact(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text


_VOCABULARY = (
    "قال الرئيس وزير الخارجية اليوم في دمشق بغداد القاهرة عمان الرياض بيروت غزة لبنان مصر "
    "الأمن مجلس الحكومة اجتماع أكد أن على إلى من عن مع هذا الذي بين دولة الجيش قوات حزب "
    "مؤتمر صحفي رئيس الوزراء، الثلاثاء. 2024"
)
_WORDS = _VOCABULARY.split()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=3, max_size=30), st.sampled_from([" ", "\n", "\r\n"])
)
def test_windows_1256_round_trip(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assume(not text.isascii())  # pure ASCII is (rightly) reported as UTF-8
    decoded = decode_bytes(text.encode("cp1256"))
    assert (decoded.text, decoded.encoding) == (text, "windows-1256")
