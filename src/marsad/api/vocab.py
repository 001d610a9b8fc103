"""The labels the dashboard shows (Arabic) and the PLOVER quad of each event type.

PLOVER groups its 16 event types into four "quad" classes (the order of the PLOVER manual):
verbal cooperation (AGREE, CONSULT, SUPPORT), material cooperation (CONCEDE, COOPERATE, AID,
RETREAT), verbal conflict (REQUEST, ACCUSE, REJECT, THREATEN) and material conflict (PROTEST,
SANCTION, MOBILIZE, COERCE, ASSAULT). One table here, served at ``/api/vocab``, so the API
and the dashboard never disagree.
"""

from __future__ import annotations

from typing import Any

QUADS: dict[str, dict[str, str]] = {
    "vcoop": {"label": "تعاون لفظي", "en": "verbal cooperation", "color": "#2f80c2"},
    "mcoop": {"label": "تعاون مادي", "en": "material cooperation", "color": "#1a9e5a"},
    "vconf": {"label": "صراع لفظي", "en": "verbal conflict", "color": "#e08a00"},
    "mconf": {"label": "صراع مادي", "en": "material conflict", "color": "#c9302c"},
}

# PLOVER type → (quad, Arabic label)
PLOVER: dict[str, tuple[str, str]] = {
    "AGREE": ("vcoop", "اتفاق"),
    "CONSULT": ("vcoop", "تشاور"),
    "SUPPORT": ("vcoop", "تأييد"),
    "CONCEDE": ("mcoop", "تنازل"),
    "COOPERATE": ("mcoop", "تعاون"),
    "AID": ("mcoop", "مساعدة"),
    "RETREAT": ("mcoop", "انسحاب"),
    "REQUEST": ("vconf", "مطالبة"),
    "ACCUSE": ("vconf", "اتهام"),
    "REJECT": ("vconf", "رفض"),
    "THREATEN": ("vconf", "تهديد"),
    "PROTEST": ("mconf", "احتجاج"),
    "SANCTION": ("mconf", "عقوبات"),
    "MOBILIZE": ("mconf", "تعبئة"),
    "COERCE": ("mconf", "إكراه"),
    "ASSAULT": ("mconf", "اعتداء"),
}

CAMEO_ROOTS: dict[str, str] = {
    "01": "تصريح علني",
    "02": "مناشدة",
    "03": "إعلان نية التعاون",
    "04": "تشاور",
    "05": "تعاون دبلوماسي",
    "06": "تعاون مادي",
    "07": "تقديم مساعدة",
    "08": "تنازل",
    "09": "تحقيق",
    "10": "مطالبة",
    "11": "استنكار",
    "12": "رفض",
    "13": "تهديد",
    "14": "احتجاج",
    "15": "استعراض قوة",
    "16": "تقليص العلاقات",
    "17": "إكراه",
    "18": "اعتداء",
    "19": "قتال",
    "20": "عنف جماعي غير تقليدي",
}

ENTITY_TYPES: dict[str, str] = {
    "PER": "شخص",
    "ORG": "منظمة",
    "GPE": "دولة أو كيان سياسي",
    "LOC": "مكان",
    "NORP": "جماعة",
    "FAC": "منشأة",
}

BOILERPLATE: dict[str, str] = {
    "signoff": "توقيع",
    "editor_initials": "أحرف المحررين",
    "timestamp": "ختم زمني",
    "comment_prompt": "دعوة للتعليق",
    "share": "أزرار المشاركة",
    "related": "مواد ذات صلة",
    "source_line": "سطر المصدر",
    "byline": "اسم الكاتب أو المراسل",
    "navigation": "تنقل",
    "other": "نص هامشي",
}

MODALITY: dict[str, str] = {
    "asserted": "مؤكد",
    "future": "مستقبلي",
    "hypothetical": "افتراضي",
    "demanded": "مطلوب",
}


def quad_of(plover: str | None) -> str | None:
    entry = PLOVER.get((plover or "").upper())
    return entry[0] if entry else None


def vocab() -> dict[str, Any]:
    """Everything ``/api/vocab`` serves."""
    return {
        "plover": [{"type": t, "quad": q, "label": label} for t, (q, label) in PLOVER.items()],
        "quads": [{"id": k, **v} for k, v in QUADS.items()],
        "cameo_roots": [{"code": k, "label": v} for k, v in CAMEO_ROOTS.items()],
        "entity_types": ENTITY_TYPES,
        "boilerplate": BOILERPLATE,
        "modality": MODALITY,
    }
