"""Places and incidents as Arabic news lists and repeats them, on reports written for these tests:
quoted village names listed with commas, a bomb whose verb comes late, the attack the sentence
repeats as the subject of its effect, and a province summary of strikes on its villages."""
from __future__ import annotations

from tests.conftest import events_of


def test_quoted_villages_listed_with_commas_each_get_their_event():
    evs = events_of("وقالت مصادر محلية إن طيران التحالف شن غارات على مناطق “الحصين”، و”المراشي”، و”الخضراء”، "
                    "شمال مدينة حجة، ما أسفر عن مقتل 6 مسلحين.")
    assert [e.location for e in evs] == ["الحصين", "المراشي", "الخضراء"]
    evs = events_of("وهاجمت قوات الدعم السريع قرى “أم دقرسي”، “ود الكرسني”، “الشقيلاب” بولاية الجزيرة، "
                    "ونهبت ممتلكات الأهالي.")
    assert {"أم دقرسي", "ود الكرسني", "الشقيلاب"} <= {e.location for e in evs}
    assert not {"بولاية"} & {e.location for e in evs}


def test_a_bomb_whose_verb_comes_after_its_description_and_place():
    evs = events_of("وأوضح المصدر أن عبوة ناسفة كانت مزروعة على جانب طريق ترابي في منطقة الدورة قرب سوق "
                    "الخضار جنوب بغداد، انفجرت صباح اليوم، ما أسفر عن إصابة ثلاثة مدنيين.")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Remote explosive/landmine/IED", "الدورة")]


def test_the_attack_repeated_as_the_subject_of_its_effect_is_the_same_event():
    evs = events_of("شنت ميليشيا مسلحة هجوما على قرية الصفيرة بولاية سنار، وأسفر الهجوم عن مقتل أربعة من الأهالي.")
    assert [(e.event_type, e.location, e.fatalities) for e in evs] == \
        [("Violence against civilians", "الصفيرة", 4)]


def test_strikes_told_in_a_named_province_and_then_in_its_villages_are_the_village_events():
    evs = events_of("شن الطيران غارات على مواقع المسلحين بمحافظة حماة صباح اليوم. وقالت المصادر إن الغارات "
                    "استهدفت قريتي كفرزيتا واللطامنة في ريف حماة الشمالي.")
    assert "حماة" not in {e.location for e in evs}
    assert {"كفرزيتا", "اللطامنة"} <= {e.location for e in evs}


def test_a_village_beside_a_town_is_its_own_event_a_square_inside_it_is_not():
    evs = events_of("قتل ستة مدنيين في غارة على مدينة دير البلح صباح اليوم. وقتل طفلان في قصف لمنزل بمنطقة "
                    "أبو هولي جنوب دير البلح صباح اليوم.")
    assert {"دير البلح", "أبو هولي"} <= {e.location for e in evs}
    evs = events_of("فجر انتحاري نفسه في ساحة الطيران في الكرادة صباح اليوم. وقال مصدر أمني إن التفجير "
                    "الانتحاري في الكرادة أسفر عن مقتل 12 شخصا.")
    assert len(evs) == 1


def test_what_the_news_recalls_after_yati_dhalika_is_background():
    evs = events_of("قتل ثلاثة أشخاص في غارة على بلدة معرة مصرين صباح اليوم. ويأتي ذلك بعد غارات "
                    "عنيفة يوم أمس على مدينة سراقب أوقعت عشرة قتلى.")
    assert [e.location for e in evs] == ["معرة مصرين"]


def test_a_list_goes_on_across_an_apposition_and_a_locator_that_is_no_event_place():
    evs = events_of("وشنت الطائرات الحربية صباح اليوم غارات على مدن حماة، مركز المحافظة، ومحردة واللطامنة "
                    "في ريف حماة الشمالي وسرمين وبنش في ريف إدلب الشرقي، بحسب ناشطين.")
    names = [e.location for e in evs]
    assert {"حماة", "محردة", "اللطامنة", "سرمين", "بنش"} <= set(names), names
    assert "إدلب" not in names                  # it only locates the last two


def test_a_list_resumes_past_a_village_no_gazetteer_knows():
    evs = events_of("وقصفت المدفعية أمس قرى مورك في ريف حماة والعبيدية وصوران، ما أدى إلى أضرار مادية.")
    assert {"مورك", "صوران"} <= {e.location for e in evs}


def test_a_strike_told_relative_to_a_town_and_then_at_its_village_is_one_event():
    evs = events_of("قتل سبعة مدنيين عندما أصاب صاروخ منزلا جنوب مدينة حماة صباح اليوم. وقال مسؤول محلي إن "
                    "الصاروخ سقط على منزل في بلدة صوران صباح اليوم.")
    assert [e.location for e in evs] == ["صوران"]


def test_the_site_of_an_attack_is_no_second_attack():
    evs = events_of("قتل أربعة جنود في هجوم على حاجز للجيش في مدينة الرمادي صباح اليوم. ونقلت الجثث من موقع "
                    "الهجوم إلى مستشفى المدينة.")
    assert len(evs) == 1


def test_a_place_in_an_officials_title_is_no_event_place():
    evs = events_of("وقال مدير ناحية سرمين إن القصف المدفعي استهدف بلدة بنش صباح اليوم.")
    assert [e.location for e in evs] == ["بنش"]
    evs = events_of("وأكد محافظ حماة أن قذيفة سقطت على بلدة محردة صباح اليوم.")
    assert [e.location for e in evs] == ["محردة"]


def test_a_list_of_places_ends_at_a_bare_word_and_tear_gas_is_no_town():
    evs = events_of("وشهدت مدن سورية مظاهرات مماثلة أدت إلى اشتباكات بين المتظاهرين والشرطة في حماة أمس.")
    assert not {"مماثلة", "أدت", "مظاهرات"} & {e.location for e in evs}
    # a protest (the crowd's act) with tear gas after it: the place is the town, not the gas
    evs = events_of("وتظاهر المئات في مدينة محردة صباح اليوم فأطلقت الشرطة القنابل المسيلة للدموع لتفريقهم.")
    assert [e.location for e in evs] == ["محردة"]


def test_a_place_in_a_later_clause_is_not_the_earlier_triggers():
    evs = events_of("قتل عشرون مدنيا في غارة أصابت سوقا شعبيا في بلدة محردة صباح اليوم. وأصابت غارة أخرى "
                    "حفلا، وفي حين لم يعلق الجيش، فإن مصادر تحدثت عن عملية ضد المسلحين قرب سد الرستن.")
    assert "سد الرستن" not in {e.location for e in evs} and "الرستن" not in {e.location for e in evs}


def test_an_attack_the_next_sentence_tells_as_a_drone_strike_is_one_drone_strike():
    evs = events_of("قتل 12 شخصا في هجوم على مجلس عزاء في بلدة اللطامنة صباح اليوم. وقال ناشطون إن الهجوم "
                    "نفذته طائرة مسيرة استهدفت المعزين في اللطامنة.")
    assert [(e.event_type, e.sub_event_type, e.location) for e in evs] == \
        [("Explosions/Remote violence", "Air/drone strike", "اللطامنة")]
    assert evs[0].fatalities == 12


def test_the_village_points_back_to_the_village_named_before_not_the_province():
    evs = events_of("هاجم مسلحون قرية الصفيرة في محلية سنجة صباح اليوم وأطلقوا النار على السكان.\n"
                    "وقال والي ولاية سنار إن المهاجمين سيلاحقون.\n"
                    "وذكر الناشطون أن الهجوم على القرية لم يكن الأول من نوعه.")
    assert [e.location for e in evs] == ["الصفيرة"]


def test_two_places_after_bayna_are_one_stretch_between_them():
    evs = events_of("قتل عنصران إثر استهداف سيارتهم بطائرة مسيرة على الطريق الواصل بين القامشلي وعامودا.")
    assert [(e.location, e.geo_precision) for e in evs] == [("القامشلي", 2)]
    evs = events_of("دارت اشتباكات عنيفة في المنطقة الواقعة بين بلدتي مارع وتل رفعت شمال حلب.")
    assert [(e.location, e.geo_precision) for e in evs] == [("مارع", 2)]
