"""A day and month without a year, followed by "المقبل"/"القادم" or "الماضي": the next or the
last such day from publication, never the nearest one by default (a deadline "18 أغسطس المقبل"
written in July is next month, not last year)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates import find_dates


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("على أن يبرم الجانبان اتفاقاً في موعد أقصاه 18 أغسطس المقبل.", date(2025, 7, 19), date(2025, 8, 18)),
        ("تنتهي المهلة في 5 يناير القادم", date(2024, 11, 30), date(2025, 1, 5)),
        ("وكانت الحكومة قد أعلنت في 20 ديسمبر الماضي", date(2025, 1, 10), date(2024, 12, 20)),
        ("وتبدأ الانتخابات في 3 مارس المقبل", date(2024, 3, 3), date(2025, 3, 3)),  # strictly after
        ("في 10 مايو", date(2025, 5, 20), date(2025, 5, 10)),  # no direction: the nearest before
    ],
)
def test_direction_words_choose_the_year(text, published, want):
    found = find_dates(text, reference=published)
    assert found and found[0].date == want
