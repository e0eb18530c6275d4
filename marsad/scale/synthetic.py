"""Synthetic Arabic conflict news for the Spark benchmark: articles assembled from templates.

The sentences are written for marsad (no article text is copied): strikes, clashes, protests,
arrests, displacement and aid, with a place, a force, figures, a weekday and a speaker drawn at
random, so every article differs while the pipeline meets what it meets in real news (places in
the gazetteer, casualty figures, attributed quotes). One article in ten is a reprint of an earlier
one by another outlet (a line added), so the corpus has stories to find.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

PLACES = ["سرت", "بنغازي", "مصراتة", "الزاوية", "سبها", "درنة", "حلب", "إدلب", "حمص", "دير الزور", "الرقة",
          "درعا", "الموصل", "كركوك", "الفلوجة", "تكريت", "مأرب", "تعز", "الحديدة", "عدن", "صنعاء", "الفاشر",
          "نيالا", "الأبيض", "الخرطوم", "كسلا", "غزة", "خان يونس", "رفح", "جنين"]
FORCES = ["قوات الجيش", "الشرطة", "قوات الأمن", "مسلحون مجهولون", "فصائل المعارضة", "قوات الدعم السريع",
          "جماعة الحوثي", "تنظيم الدولة", "قوات التحالف", "مجموعة مسلحة"]
WEAPONS = ["طائرة مسيرة", "قذيفة مدفعية", "قذيفة صاروخية", "عبوة ناسفة", "غارة جوية"]   # feminine: the verbs agree
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
SPEAKERS = [("المتحدث باسم وزارة الداخلية", "العقيد سالم المبروك"), ("مدير المستشفى", "الدكتور هشام النعيمي"),
            ("محافظ المدينة", "عبد الرحمن الجبوري"), ("مسؤول في الهلال الأحمر", "منى الزين"),
            ("المتحدث العسكري", "اللواء فارس القيسي")]
OUTLETS = ["وكالة الأنباء المحلية", "صحيفة الصباح", "موقع الحدث", "إذاعة المدينة", "قناة الرصد"]

SENTENCES = {
    "strike": ["استهدفت {weapon} موقعا لـ{force} في {place} صباح اليوم {day}، ما أسفر عن مقتل {n1} أشخاص وإصابة {n2} آخرين.",
               "قتل {n1} مدنيين بينهم أطفال في قصف بـ{weapon} طال سوقا شعبيا وسط {place} مساء {day}.",
               "سقطت {weapon} على حي سكني في {place} فجر {day} وأدت إلى تدمير {n2} منازل."],
    "clash": ["اندلعت اشتباكات عنيفة بين {force} و{force2} في محيط {place} يوم {day} استمرت عدة ساعات.",
              "سيطرت {force} على مواقع جديدة قرب {place} بعد معارك أسفرت عن مقتل {n1} مقاتلين.",
              "تجددت المواجهات المسلحة في ريف {place} وسط أنباء عن سقوط {n1} قتلى من الطرفين."],
    "protest": ["تظاهر مئات السكان في {place} يوم {day} احتجاجا على انقطاع الكهرباء وارتفاع الأسعار.",
                "فرقت {force} بالقوة مظاهرة في {place} وأصابت {n2} محتجين، بحسب شهود عيان."],
    "arrest": ["اعتقلت {force} {n1} أشخاص في حملة مداهمات بمدينة {place} صباح {day}.",
               "أعلنت {force} القبض على خلية مسلحة في {place} كانت تخطط لتنفيذ هجمات."],
    "displacement": ["نزحت أكثر من {n3} عائلة من {place} خلال الأيام الماضية هربا من القتال.",
                     "أعلنت الأمم المتحدة أن نحو {n3} شخص فروا من {place} منذ بداية الشهر."],
    "aid": ["وصلت قافلة مساعدات تضم {n2} شاحنة إلى {place} تحمل مواد غذائية وأدوية.",
            "دعت منظمات إنسانية إلى فتح ممرات آمنة لإيصال المساعدات إلى سكان {place}."],
}
QUOTES = ["وقال {role} {name} إن \"الوضع في {place} خطير ويحتاج إلى تدخل عاجل\".",
          "وأكد {role} {name} في تصريح صحفي أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض.",
          "من جهته، أوضح {role} {name} أن حصيلة الضحايا مرشحة للارتفاع."]
TITLES = ["{kind_word} في {place}", "تطورات ميدانية في {place}", "{place}: {kind_word} وتوتر"]
KIND_WORDS = {"strike": "قصف", "clash": "اشتباكات", "protest": "احتجاجات", "arrest": "اعتقالات",
              "displacement": "موجة نزوح", "aid": "مساعدات"}
START = date(2023, 1, 1)
DAYS_SPAN = 120                # publication dates over four months: 120 date partitions


def article(rng: random.Random, i: int) -> dict:
    kind = rng.choice(list(SENTENCES))
    place = rng.choice(PLACES)
    slots = {"place": place, "force": rng.choice(FORCES), "force2": rng.choice(FORCES),
             "weapon": rng.choice(WEAPONS), "day": rng.choice(DAYS), "n1": rng.randint(2, 40),
             "n2": rng.randint(3, 90), "n3": rng.randint(100, 9000)}
    paragraphs = [rng.choice(SENTENCES[kind]).format(**slots)]
    for _ in range(rng.randint(2, 5)):
        other = rng.choice(list(SENTENCES))
        paragraphs.append(rng.choice(SENTENCES[other]).format(**{**slots, "place": rng.choice(PLACES),
                                                                  "n1": rng.randint(2, 40)}))
    role, name = rng.choice(SPEAKERS)
    paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(QUOTES).format(role=role, name=name, place=place))
    return {"id": f"syn-{i:07d}", "title": rng.choice(TITLES).format(kind_word=KIND_WORDS[kind], place=place),
            "text": "\n".join(paragraphs), "outlet": rng.choice(OUTLETS),
            "published": (START + timedelta(days=rng.randrange(DAYS_SPAN))).isoformat()}


def articles(n: int, seed: int = 15) -> Iterator[dict]:
    """`n` articles; about one in ten reprints an earlier one under another outlet."""
    rng = random.Random(seed)
    recent: list[dict] = []
    for i in range(n):
        if recent and rng.random() < 0.1:
            original = rng.choice(recent)
            yield {**original, "id": f"syn-{i:07d}", "outlet": rng.choice(OUTLETS),
                   "text": original["text"] + "\nويتابع مراسلنا تطورات الأحداث."}
            continue
        a = article(rng, i)
        recent = (recent + [a])[-200:]
        yield a


def write_jsonl(folder: Path, n: int, files: int = 4, seed: int = 15) -> Path:
    """`n` articles in `files` JSONL files under `folder` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    outs = [open(folder / f"part-{k:02d}.jsonl", "w", encoding="utf-8") for k in range(files)]
    try:
        for i, a in enumerate(articles(n, seed)):
            outs[i % files].write(json.dumps(a, ensure_ascii=False) + "\n")
    finally:
        for f in outs:
            f.close()
    return folder
