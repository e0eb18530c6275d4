"""Property test: any mix of cue words, places, numbers and punctuation goes through the pipeline
without an exception, and every span's offsets point at its own text."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import RawItem
from marsad.pipeline import process

WORDS = ("قال أكد وأضاف غارة قصف اشتباكات في على مدينة منطقة طرابلس حلب تعز الجيش ميليشيات قوات بين و ضد إن أن "
         "« » \" ، . : مقتل 12 ٤٣ عشرات ألف أمس اليوم الأحد مساء مطار قاعدة بحسب بيان لم نفى جنديين").split()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_pipeline_never_raises_and_offsets_hold(words):
    os.environ["MARSAD_DEBUG"] = "1"          # let a bug raise instead of becoming a rejection
    try:
        doc = process(RawItem("p", "t", "jsonl", text="عنوان تجريبي للخبر\n" + " ".join(words),
                              meta={"published": "2023-05-14"}))
    finally:
        os.environ.pop("MARSAD_DEBUG")
    if doc.status != "ok":
        return
    for item in doc.entities + doc.quotes + doc.tolls:
        assert doc.text[item.start:item.end] == item.text
    for ev in doc.events:
        assert doc.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert ev.event_date is None or ev.event_date <= "2023-05-14"
