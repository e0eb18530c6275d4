"""Background a report recalls without a year, on reports written for these tests: the pluperfect
كان … قد + verb, and a past period named relative to today (العام الماضي، السنوات الماضية; a month
with الماضي in a sentence that opens as a reminder). A recent day in the sentence, or the sentence's own
day of the month, keeps the act as news (extraction/trigger_past)."""
from __future__ import annotations

import pytest

from tests.conftest import events_of

LEAD = "قتل أربعة مدنيين، اليوم الأحد، في قصف مدفعي على بلدة معرة النعمان جنوبي إدلب. "


def _places(body: str) -> list[str]:
    return [e.location for e in events_of(body)]


@pytest.mark.parametrize("recall", [
    # pluperfect, the trigger after قد
    "وكانت الطائرات الحربية قد شنت غارات عنيفة على مدينة أريحا وأوقعت عشرات القتلى.",
    # pluperfect, the trigger between كان and قد
    "وكانت غارة روسية قد استهدفت سوقا شعبيا في مدينة أريحا وقتلت فيه 20 شخصا.",
    # a past year named relative to today
    "وفي العام الماضي، اغتيل قيادي في فصيل معارض برصاص مجهولين في مدينة أريحا.",
    "وخلال السنوات الماضية قصفت قوات النظام مدينة أريحا مرارا.",
    # a month with الماضي, in a reminder
    "يذكر أن مدينة أريحا تعرضت في يناير الماضي لهجوم بطائرات مسيرة قتل فيه خمسة أشخاص.",
])
def test_a_recalled_act_is_background(recall):
    assert _places(LEAD + recall) == ["معرة النعمان"]


@pytest.mark.parametrize("news", [
    # the pluperfect with a recent day: today's news told as what had happened
    "وكان مسلحون قد هاجموا، صباح اليوم، حاجزا للشرطة في مدينة أريحا وقتلوا عنصرين.",
    # the pluperfect dated by its own day of the month
    "وكانت مجموعة مسلحة قد خطفت ثلاثة عمال إغاثة في مدينة أريحا في 2 مارس الماضي.",
    # a month with الماضي outside a reminder may be last month's news
    "وقتل ثلاثة أشخاص في مدينة أريحا في قصف مدفعي في فبراير الماضي.",
    # last night is today's news
    "وقصفت قوات النظام الليلة الماضية مدينة أريحا بالمدفعية.",
])
def test_news_in_the_past_tense_is_kept(news):
    assert "أريحا" in _places(LEAD + news)
