"""An unnamed doer followed by whose men it is ("مسلحون من جماعة X"، "يشتبه في انتمائهم إلى X"،
"خلايا تابعة لـX") is that group, as ACLED codes it; sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.affiliation import affiliated, victims_of
from marsad.model import RawItem
from marsad.pipeline import process


def actor1_of(body: str) -> list[str | None]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return [e.actor1 for e in doc.events]


def test_gunmen_of_a_named_group_are_the_group():
    assert actor1_of("قتل ثمانية جنود في هجوم شنه مسلحون من جماعة نصرة الإسلام والمسلمين على ثكنة قرب "
                     "مدينة تمبكتو شمالي مالي أمس.") == ["جماعة نصرة الإسلام والمسلمين"]


def test_suspected_members_are_coded_to_the_suspected_group():
    assert actor1_of("اختطف مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام عشرة مزارعين من قرية قرب "
                     "مدينة مايدوغوري أمس.") == ["جماعة بوكو حرام"]


def test_cells_loyal_to_a_group_are_its_men_when_a_verb_takes_the_attack_back():
    evs = actor1_of("قتل ثلاثة من عناصر الشرطة بهجوم شنته خلايا تابعة لتنظيم داعش على نقطة تفتيش "
                    "في قضاء طوزخورماتو أمس.")
    assert evs == ["تنظيم الدولة الإسلامية"]


def test_the_affiliation_is_read_only_for_a_known_armed_actor():
    text = "هاجم مسلحون من أبناء العشيرة منزل المختار، وكمن عناصر موالون للجيش السوداني قرب الطريق."
    found = affiliated(text, 0, len(text))
    # the tribesmen are no armed actor the dictionary knows; the loyal elements are the army's
    assert [(text[k:k + 5], name) for k, name in found.items()] == [("عناصر", "الجيش السوداني")]


def test_a_group_named_by_its_head_and_an_alias():
    text = "قتل مسلحون يشتبه بانتمائهم لتنظيم ولاية الساحل 12 قرويا."
    assert list(affiliated(text, 0, 12).values()) == ["تنظيم الدولة الإسلامية في الساحل"]


def test_an_attack_told_again_later_in_the_sentence_names_the_doer():
    evs = actor1_of("قتل خمسة جنود عندما انفجرت عبوة ناسفة بدورية عسكرية على الطريق المؤدي إلى بلدة غاو "
                    "شمالي مالي أمس، في هجوم تبنته جماعة نصرة الإسلام والمسلمين.")
    assert evs == ["جماعة نصرة الإسلام والمسلمين"]


def sides_of(body: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    return [(e.actor1, e.actor2) for e in doc.events]


def test_the_side_counted_among_the_dead_is_the_target_not_the_doer():
    assert sides_of("قتل ثلاثة من عناصر حزب العمال الكردستاني في غارة جوية تركية على قرية قرب بلدة "
                    "سيدكان أمس.") == [("القوات التركية", "حزب العمال الكردستاني")]


def test_in_a_battle_the_side_counted_among_the_dead_gives_way_to_its_attackers():
    evs = sides_of("قتل أربعة من أفراد الجيش السوداني أمس في هجوم شنته قوات الدعم السريع على مواقعه "
                   "قرب مدينة بابنوسة.")
    assert evs and evs[0] == ("قوات الدعم السريع", "الجيش السوداني")


def test_gunmen_of_a_group_killing_villagers_are_no_victims():
    assert not victims_of("قتل مسلحون من جماعة بوكو حرام عشرة قرويين", 0, 15)
    text = "أصيب جنديان من الجيش المالي"
    assert victims_of(text, 0, text.index("الجيش"))


def test_an_ally_after_the_verb_taking_back_the_operation_is_not_its_doer():
    evs = sides_of("أعلن الجيش العراقي أمس اعتقال قيادي في تنظيم داعش خلال عملية نفذها بدعم من التحالف الدولي "
                   "في قضاء الحويجة.")
    assert evs and evs[0][0] == "الجيش العراقي"


def test_a_sentence_opening_another_incident_borrows_no_doer():
    evs = sides_of("قصفت قوات الدعم السريع أمس حي الدرجة في مدينة الفاشر بالمدفعية الثقيلة.\n"
                   "وفي حادث آخر، قتل ثلاثة رعاة بانفجار لغم أرضي قرب بلدة كتم.")
    assert ("قوات الدعم السريع", None) in evs and all(a is None for a, _ in evs[1:])
    from marsad.extraction.story_actors import new_incident
    assert new_incident("وفي سياق منفصل، قتل عنصران", 0) and not new_incident("وفي الفاشر، قتل عنصران", 0)
