"""People named right behind their title whom the recognizer does not know
(:mod:`marsad.entities.titled_people`): local officials, doctors, village heads, whose family
names are often common words. Sentences written for these tests in the style of wire copy."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text


def _people(text: str) -> list[str]:
    doc = analyze_text(text)
    return [
        doc.text[m.start : m.end]
        for e in doc.entities
        if e.type == "PER"
        for m in e.mentions
        if m.kind == "name"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال مدير المستشفى محمد صالحة إن القوات اعتقلت ستة أطباء.", "محمد صالحة"),
        (
            'وقال مدير المستشفى محمد صالحة لـ"العربي الجديد": "حاصروا المستشفى منذ منتصف الليل".',
            "محمد صالحة",
        ),
        (
            'وقال رئيس مجلس قروي قريوت معين عودة لمراسل معا: "هاجم المستوطنون أطراف القرية".',
            "معين عودة",
        ),
        ("وقال المتحدث باسم الدفاع المدني محمود بصل إن الوضع في الشمال خطير.", "محمود بصل"),
        (
            "وأوضح مدير مستشفى الخرمة المكلف نصر مناحي هليمة أن المستشفى يعاني نقصا في السائقين.",
            "نصر مناحي هليمة",
        ),
        (
            "بدوره، قال العقيد علي صالح اليزيدي، في تصريحات صحفية، إن المنافذ مؤمنة.",
            "علي صالح اليزيدي",
        ),
        (
            "وأكد المدير الجهوي للصحة بمدنين الطيب شلوف في تصريح للإذاعة أن الوضع مستقر.",
            "الطيب شلوف",
        ),
        ("وأدان محافظ جنين كمال أبو الرب الاقتحام، وحمّل الاحتلال المسؤولية.", "كمال أبو الرب"),
    ],
)
def test_a_person_behind_a_title(text: str, name: str) -> None:
    assert name in _people(text), _people(text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the verb's object after the name is not part of it
        (
            "وأدان محافظ جنين كمال أبو الرب الاقتحام، وحمّل الاحتلال المسؤولية.",
            "كمال أبو الرب الاقتحام",
        ),
        # "على" folds to "علي" but is a preposition, not a first name
        (
            "وحث عمدة المدينة قادة العالم على تجديد عزمهم على التخلص من الأسلحة النووية.",
            "على تجديد",
        ),
        ("ووافق وزير التجارة على تأسيس 16 شركة مساهمة مقفلة.", "على تأسيس"),
        # a verb or an accusative adverb ends the name
        ("في ظل حكم الرئيس التشادي حسين حبري كان كل شيء مباحا.", "حسين حبري كان"),
        ("وكان الشيخ أبو زنط خطيبًا مفوّهًا من الطراز الأول.", "أبو زنط خطيبًا"),
        ("وفي صيف 2011 أعلن الرئيس السنغالي عبد الله واد فجأة ترشحه لولاية ثالثة.", "عبد الله واد فجأة"),
        # after two plain words a definite word may be the object of the first
        ("وعايد الرئيس التنفيذي الأستاذ أحمد فروخ موظفي المنطقة الوسطى.", "أحمد فروخ موظفي"),
        ("وناشد الدكتور سعيد هيئات المجتمع المدني المشاركة في المشروع.", "سعيد هيئات"),
        # a verb after the name: its other forms are frequent in news
        ("وقال إن الرئيس صالح تعهد بمحاربة الفساد في اليمن.", "صالح تعهد"),
        ("وقال بلير إن الرئيس العراقي صدام حسين يشكل تهديدا لبريطانيا.", "صدام حسين يشكل"),
        ("ورعى أمين المنطقة الدكتور خالد طاهر حفل تكريم الجهات المشاركة.", "طاهر حفل تكريم"),
        ("وسلّم رئيس اتحاد الكرة جمال علام عقب المباراة درع الدوري.", "جمال علام عقب"),
        # a first name after "عبد…" continues a name that began before it
        ("ونريد أديبا مثل الشاعر عبدالقادر كمال يضطلع بهذه المهمة.", "كمال يضطلع"),
        # a first name inside another name: a hospital, a king
        ("وزار مدير مستشفى الملك فهد الجامعي المرضى في الخبر.", "فهد الجامعي"),
    ],
)
def test_what_is_no_name_behind_a_title(text: str, wrong: str) -> None:
    assert wrong not in _people(text), _people(text)


def test_the_quote_goes_to_the_titled_person() -> None:
    text = '"ما يجري إبادة للمنظومة الصحية"، يقول المتحدث باسم الدفاع المدني محمود بصل.'
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    assert [names.get(q.speaker or "") for q in doc.quotes] == ["محمود بصل"]


def test_no_title_no_new_person() -> None:
    # a first name and a common word with no title before them stay as the recognizer reads them
    assert "محمد صالحة" not in _people("ومحمد صالحة للاستخدام في كل الظروف.")
