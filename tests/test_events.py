"""Events in ACLED's scheme, on conflict reports written for these tests (Syria, Yemen, Sudan, Iraq)."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures, find_tolls
from tests.conftest import events_of


def test_air_strike_with_place_admin1_date_fatalities_and_claimant():
    evs = events_of("قال مصدر طبي إن غارة جوية استهدفت صباح أمس السبت سوقا شعبيا في مدينة إدلب، "
                    "ما أدى إلى مقتل 9 مدنيين وإصابة آخرين.")          # published Sunday 14 May 2023
    assert len(evs) == 1
    e = evs[0]
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (e.location, e.admin1, e.country, e.geo_precision) == ("إدلب", "إدلب", "Syria", 1)
    assert (e.event_date, e.date_precision, e.date_text) == ("2023-05-13", "day", "صباح أمس السبت")
    assert e.fatalities == 9 and e.claimed_by == "مصدر طبي"
    assert e.evidence.text.startswith("قال مصدر طبي")


def test_one_event_per_town_in_a_coordinated_list():
    evs = events_of("أعلن الجيش السوداني استعادة السيطرة على مدن الدمازين وسنار والقضارف بعد معارك استمرت يومين.")
    assert {e.location for e in evs} >= {"سنار", "القضارف"}
    assert all(e.sub_event_type == "Government regains territory" for e in evs if e.location in ("سنار", "القضارف"))
    assert all(e.actor1 == "الجيش السوداني" for e in evs)


def test_verb_subject_order_gives_actor1_and_between_gives_both_sides():
    e = events_of("قصفت جماعة الحوثي بقذائف الهاون أحياء في مدينة تعز اليوم.")[0]
    assert e.sub_event_type == "Shelling/artillery/missile attack" and e.actor1 == "جماعة الحوثي"
    e = events_of("اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة الأبيض.")[0]
    assert (e.actor1, e.actor2) == ("الجيش السوداني", "قوات الدعم السريع")


def test_negated_denied_and_future_events_are_not_events():
    assert events_of("نفت الوزارة وقوع أي غارة على مدينة الحديدة خلال الأسبوع الماضي.") == []
    assert events_of("لم تسجل أي اشتباكات في مدينة حماة منذ إعلان الهدنة الأخيرة.") == []
    assert events_of("يعتزم التحالف شن غارات جديدة على مواقع في صنعاء خلال الأيام المقبلة.") == []


def test_relative_place_has_precision_two_and_country_only_three():
    e = events_of("انفجرت عبوة ناسفة بسيارة عسكرية على بعد 20 كيلومترا جنوب الموصل، ما أسفر عن مقتل جنديين.")[0]
    assert (e.sub_event_type, e.location, e.geo_precision, e.fatalities) == (
        "Remote explosive/landmine/IED", "الموصل", 2, 2)
    e = events_of("أعلن التنظيم إعدام خمسة رهائن في سوريا دون تحديد المكان.")[0]
    assert (e.event_type, e.location, e.geo_precision) == ("Violence against civilians", "سوريا", 3)


def test_without_a_trusted_publication_date_relative_dates_stay_unresolved():
    e = events_of("اندلعت اشتباكات مساء أمس الجمعة في مدينة دير الزور.", published=None)[0]
    assert e.event_date is None and e.date_text == "مساء أمس الجمعة" and e.date_precision == "unknown"


def test_repeated_mentions_merge_and_protests_are_typed():
    evs = events_of("خرج مئات المحتجين في مدينة البصرة اليوم. وردد المحتجون في البصرة شعارات ضد الفساد.")
    assert len(evs) == 1 and (evs[0].event_type, evs[0].location) == ("Protests", "البصرة")


@pytest.mark.parametrize("text, expected", [
    ("أدى القصف إلى مقتل 12 شخصا وإصابة 30 آخرين", [("killed", 12, False), ("injured", 30, False)]),
    ("قتل ما لا يقل عن 40 مدنيا", [("killed", 40, True)]),
    ("ارتفعت حصيلة الصراع منذ بدايته إلى نحو 12 ألف قتيل ونزوح أكثر من مليوني شخص",
     [("killed", 12000, True), ("displaced", 2000000, True)]),
])
def test_casualty_figures(text, expected):
    assert [(t.kind, t.value, t.approximate) for t in casualty_figures(text)] == expected


def test_cumulative_tolls_are_not_event_fatalities():
    tolls = find_tolls("وقال إن الحرب منذ بدايتها أدت إلى مقتل 5000 شخص.")
    assert [(t.kind, t.value) for t in tolls] == [("killed", 5000)] and tolls[0].scope
    e = events_of("قصفت المدفعية أحياء في مدينة حمص. وقال المرصد إن الحرب منذ بدايتها أدت إلى مقتل 5000 شخص.")[0]
    assert e.fatalities is None


def test_a_battle_fought_by_an_air_force_is_an_air_strike():
    e = events_of("شنت القوات الجوية اليمنية هجوما على مواقع للمسلحين في مدينة عتق اليوم.")[0]
    assert (e.event_type, e.sub_event_type, e.location) == ("Explosions/Remote violence", "Air/drone strike", "عتق")
    assert e.actor1 == "القوات الجوية اليمنية"


def test_unknown_villages_are_kept_and_located_by_a_known_place_nearby():
    evs = events_of("بيروت - استهدفت غارات جوية إسرائيلية فجر اليوم بلدة عيتا الشعب في جنوب لبنان، ما أدى إلى مقتل "
                    "ثلاثة أشخاص.\nوقصفت المدفعية التركية بلدة كنصفرة في ريف إدلب.")
    by_place = {e.location: e for e in evs}
    assert set(by_place) == {"عيتا الشعب", "كنصفرة"}                   # the dateline city is not the place
    assert by_place["عيتا الشعب"].actor1 == "الجيش الإسرائيلي" and by_place["عيتا الشعب"].fatalities == 3
    k = by_place["كنصفرة"]
    assert (k.country, k.admin1, k.geo_precision, k.actor1) == ("Syria", "إدلب", 2, "القوات التركية")


def test_a_verb_after_a_place_noun_is_no_place_name():
    evs = events_of("سيطرت القوات على بلدة تبعد 30 كيلومترا عن مدينة حماة بعد معارك عنيفة.")
    assert "تبعد" not in {e.location for e in evs}


def test_a_fronted_place_frames_the_sentence():
    evs = events_of("وفي مدينة الرمادي، أسفر انفجار سيارة مفخخة قرب سوق للخضار عن مقتل أربعة أشخاص.")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in evs] == \
        [("Remote explosive/landmine/IED", "الرمادي", 4)]
    # a place before a comma that does not open the sentence does not locate what follows
    assert events_of("وقال مسؤول في الرمادي، إن اشتباكات اندلعت.") == []


def test_future_verbs_cancel_but_words_that_merely_start_like_one_do_not():
    assert events_of("وقال قائد ميداني إن القوات ستشن هجوما على بلدة الحويجة قريبا.") == []
    evs = events_of("وأكد مصدر في وقت سابق أن سيارة مفخخة انفجرت في حي الكرادة ببغداد.")
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]


def test_a_place_no_gazetteer_knows_keeps_its_words_at_precision_three():
    evs = events_of("قتل خمسة مدنيين في قصف على قرية المشيرفة.")
    assert [(e.location, e.geo_precision, e.latitude, e.fatalities) for e in evs] == [("المشيرفة", 3, None, 5)]
    evs = events_of("وقصفت طائرات مسيرة بلدة كفرتخاريم في ريف إدلب صباح أمس.")   # located by a known place
    assert [(e.location, e.geo_precision, e.country) for e in evs] == [("كفرتخاريم", 2, "Syria")]


def test_bracketed_and_joined_village_names_in_a_list():
    evs = events_of("وهاجمت قوات الدعم السريع قرى (ود الحليو) و(أم سنيطة) وتل الفرس والشيخ عبد الباقي في ولاية الجزيرة.")
    names = [e.location for e in evs]
    assert names[:4] == ["ود الحليو", "أم سنيطة", "تل الفرس", "الشيخ عبد الباقي"]


def test_short_country_names_and_places_split_by_the_tagger():
    from marsad.extraction.geo import resolve

    assert [resolve(n).country for n in ("سورية", "السعودية", "الإمارات", "أميركا", "فلسطين")] == \
        ["SY", "SA", "AE", "US", "PS"]
    evs = events_of("قتل ثلاثة أشخاص في غارة على خان يونس جنوبي القطاع.")
    assert [(e.location, e.country) for e in evs] == [("خان يونس", "Palestinian Territories")]


def test_actors_from_nationalities_countries_unknown_gunmen_and_never_the_reporter():
    assert [e.actor1 for e in events_of("قتل ثلاثة مدنيين في غارات إسرائيلية على بلدة عيترون جنوب لبنان.")] == \
        ["الجيش الإسرائيلي"]
    assert [e.actor1 for e in events_of("وشنت إسرائيل قصفا جويا على مواقع قرب مدينة حمص فجر اليوم.")] == \
        ["الجيش الإسرائيلي"]
    assert [e.actor1 for e in events_of("وهاجم مسلحون مجهولون سوقا في بلدة نوى.")] == ["مسلحون مجهولون"]
    evs = events_of("وقالت مصادر لوكالة الأنباء إن مجموعة مسلحة هاجمت قرية أم دقيس بولاية شمال كردفان.")
    assert [e.actor1 for e in evs] == ["مجموعة مسلحة"]
    # a dictionary name is the actor's canonical name; an agency is never an actor
    evs = events_of("وأفادت وكالة سانا بأن مليشيا الدعم السريع قصفت مدينة الأبيض.")
    assert [(e.actor1, e.claimed_by) for e in evs][0][0] == "قوات الدعم السريع"


def test_an_attack_on_villages_or_civilians_is_violence_against_civilians_not_a_battle():
    evs = events_of("وهاجمت قوات الدعم السريع قرية ود عشانا بولاية الجزيرة وقتلت عددا من السكان.")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Violence against civilians", "Attack")]
    evs = events_of("وهاجمت قوات الدعم السريع مواقع الجيش في مدينة الفاشر.")
    assert [e.event_type for e in evs] == ["Battles"]


def test_an_event_told_at_its_province_and_at_its_village_is_one_event():
    evs = events_of("قتل سبعة مدنيين في هجوم مجموعة مسلحة على قرية بشمال كردفان. وقالت مصادر إن مجموعة "
                    "مسلحة هاجمت قرية (أم قرفة) التابعة لمحلية بارا بولاية شمال كردفان.")
    assert [e.location for e in evs] == ["أم قرفة"]


def test_a_brief_item_without_a_place_is_coded_at_its_country_and_background_is_not():
    evs = events_of("أفادت مصادر في اليمن بأن مسلحين مجهولين اغتالوا ضابطا في الشرطة صباح اليوم.")
    assert [(e.sub_event_type, e.location, e.country, e.geo_precision) for e in evs] == \
        [("Attack", "اليمن", "Yemen", 3)]
    # beside a located event, a placeless mention is background, not a second event
    evs = events_of("قتل أربعة جنود في هجوم على حاجز للجيش في مدينة الرمادي صباح اليوم. "
                    "وتتكرر عمليات الاغتيال في العراق منذ أشهر، وقد اغتيل مسؤول محلي أمس.")
    assert [e.location for e in evs] == ["الرمادي"]


def test_actor_from_a_named_group_after_its_generic_word_and_never_a_hospital_or_ministry():
    evs = events_of("وقتل ستة جنود خلال تصديهم لهجوم جديد لتنظيم داعش على بلدة الحويجة.")
    assert [e.actor1 for e in evs] == ["تنظيم الدولة الإسلامية"]
    evs = events_of("وقالت وزارة الصحة في بيان إن غارة العدو الإسرائيلي على بلدة عيترون أدت إلى سقوط شهيد.")
    assert [e.actor1 for e in evs] == ["الجيش الإسرائيلي"]


def test_a_place_in_a_bracketed_aside_is_no_event_place():
    evs = events_of("نفذ تنظيم القاعدة (المحظور في روسيا وعدد من الدول) هجوما انتحاريا في مدينة زنجبار الساحلية.")
    assert [e.location for e in evs] == ["زنجبار"]
    assert [e.location for e in events_of("وهاجم مسلحون قرية (أم دريسة) صباح اليوم.")] == ["أم دريسة"]


def test_an_unknown_village_followed_by_a_coordinated_noun_is_still_a_name():
    evs = events_of("واستعادت القوات الحكومية السيطرة على قرية الزعيترية وتلتها الاستراتيجية في ريف حماة.")
    assert [e.location for e in evs] == ["الزعيترية"]


def test_claimant_from_a_clean_attribution_or_the_paragraph_source():
    evs = events_of("قتل أربعة من عناصر الأمن في هجوم على حاجز في بلدة الحويجة، بحسب ما أفاد الثلاثاء مسؤول محلي في المدينة.")
    assert [e.claimed_by for e in evs] == ["مسؤول محلي"]
    evs = events_of("وقال المرصد السوري لحقوق الإنسان إن المعارك مستمرة منذ أيام. "
                    "وقصفت الطائرات الحربية بلدة كفرنبل صباح اليوم.")
    assert [e.claimed_by for e in evs] == ["المرصد السوري لحقوق الإنسان"]


def test_two_descriptions_of_one_incident_are_one_event_with_its_dead():
    evs = events_of("قتل 3 أشخاص على الأقل وأصيب آخرون في هجوم أعقبه انفجار سيارة ملغومة في سوق بمدينة بيدوا.")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in evs] == \
        [("Remote explosive/landmine/IED", "بيدوا", 3)]
    # two triggers with a place between stay two
    from marsad.extraction.events import _one_incident
    from marsad.extraction.triggers import Trigger

    text = "اشتباكات في غريان ومعارك في العزيزية"
    two = [Trigger(0, 8, "Battles", "Armed clash"), Trigger(18, 24, "Battles", "Armed clash")]
    assert _one_incident(text, two) == two


def test_an_attack_called_aerial_is_an_air_strike_and_a_newspaper_is_no_place():
    evs = events_of("وأعلنت الوكالة التصدي لهجوم إسرائيلي جوي استهدف مواقع قرب مدينة حمص.")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]
    evs = events_of('وقال مصدر لـ"الصباح الجديد" إن قصفا مدفعيا استهدف بلدة تل رفعت.')
    assert [e.location for e in evs] == ["تل رفعت"]


def test_an_unknown_village_named_with_its_district_after_it():
    evs = events_of("وهاجمت قوات الدعم السريع قرية ود النيل بمحلية شرق الجزيرة صباح اليوم.")
    assert [e.location for e in evs][:1] == ["ود النيل"]


def test_who_claims_responsibility_or_is_the_passive_agent_is_the_actor():
    evs = events_of("وأعلنت جماعة أنصار الله مسؤوليتها عن هجوم بطائرة مسيرة على قاعدة في مدينة مأرب.")
    assert [e.actor1 for e in evs] == ["جماعة الحوثي"]
    evs = events_of("وقتل مدنيان في هجوم نفذ على يد مسلحين مجهولين في بلدة الصنمين.")
    assert [e.actor1 for e in evs] == ["مسلحين مجهولين"]
    evs = events_of("وأطلق مسلٍحون مجهولون النار على مواطن في بلدة الحارة.")     # a diacritic inside the word
    assert [e.actor1 for e in evs] == ["مسلٍحون مجهولون"]


def test_local_sources_are_no_locality_and_a_newspaper_told_to_no_place():
    evs = events_of('وأوضحت مصادر محلية لـ"الصباح الجديد" أن القصف استهدف بلدة عامودا.')
    assert [e.location for e in evs] == ["عامودا"]
    evs = events_of("وهاجمت قوات الدعم السريع قرى في محلية الحصاحيصا.")
    assert [e.location for e in evs] == ["الحصاحيصا"]


def test_a_sentence_without_a_doer_continues_its_paragraph():
    evs = events_of("وأعلنت حركة الشباب مسؤوليتها عن الهجمات الأخيرة. وقتل ثلاثة أشخاص في انفجار سيارة مفخخة في مدينة بيدوا.")
    assert [e.actor1 for e in evs] == ["حركة الشباب"]
    # a reporter named before is no doer
    evs = events_of("وقالت وكالة سانا إن الوضع متوتر. وقتل ثلاثة أشخاص في انفجار عبوة ناسفة في مدينة درعا.")
    assert [e.actor1 for e in evs] == [None]


def test_protesters_killed_by_force_and_a_mention_without_a_day_join_the_dated_one():
    evs = events_of("وقتل 4 متظاهرين مساء أمس خلال تفريق قوات الأمن لمحتجين بالرصاص الحي في مدينة الناصرية. "
                    "وأصيب 90 آخرون بحالات اختناق جراء الغاز المسيل للدموع في الناصرية.")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in evs] == \
        [("Excessive force against protesters", "الناصرية", 4)]
