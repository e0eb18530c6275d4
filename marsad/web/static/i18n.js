// Interface strings in Arabic (the default) and English. Article text is never translated.

const STRINGS = {
  ar: {
    title: "مرصد", map: "الخريطة", claims: "التصريحات", search: "بحث", actors: "الفاعلون",
    lang: "English", type: "النوع", actor: "الفاعل", country: "البلد", since: "من", until: "إلى",
    all: "الكل", apply: "تطبيق", reset: "مسح", events: "أحداث", onMap: "حدث على الخريطة",
    noPlace: "بلا إحداثيات", brushHint: "اسحب على الخط الزمني لاختيار فترة", clearBrush: "إلغاء الفترة",
    place: "المكان", date: "التاريخ", actors2: "الأطراف", fatalities: "القتلى", claimedBy: "المصدر",
    sources: "المصادر", evidence: "الدليل", article: "المقال", aliases: "أسماء أخرى",
    asActor1: "أحداث هو طرفها الأول", asActor2: "أحداث هو طرفها الثاني", claimsMade: "تصريحاته",
    timeline: "الخط الزمني", speaker: "المتحدث", about: "عن", find: "ابحث", noResults: "لا نتائج",
    entities: "الكيانات", quotes: "الاقتباسات", raw: "النص الخام", showRaw: "عرض المدخل الخام",
    hideRaw: "إخفاء المدخل الخام", outlet: "الوسيلة", published: "النشر", story: "القصة",
    versions: "روايات الوسائل", contested: "أرقام متنازع عليها", killed: "قتلى", injured: "جرحى",
    displaced: "نازحون", captured: "أسرى", loading: "جارٍ التحميل…", error: "خطأ", notFound: "غير موجود",
    mentions: "الإشارات", documents: "المقالات", searchPlaceholder: "ابحث في المقالات…",
    claimsHelp: "ماذا قال فلان عن كذا؟", rawTooLarge: "المدخل الخام أكبر من أن يُحفظ",
    legend: "الأنواع", stats: "إحصاءات", noEvents: "لا أحداث", cue: "الفعل", channel: "القناة",
    status: "الحالة", rejected: "مرفوض", claimedEvents: "أحداث أعلن عنها", otherVersions: "روايات أخرى لهذا الحدث",
  },
  en: {
    title: "Marsad", map: "Map", claims: "Claims", search: "Search", actors: "Actors",
    lang: "العربية", type: "Type", actor: "Actor", country: "Country", since: "From", until: "To",
    all: "All", apply: "Apply", reset: "Reset", events: "events", onMap: "events on the map",
    noPlace: "without coordinates", brushHint: "Drag on the timeline to pick a period",
    clearBrush: "Clear period", place: "Place", date: "Date", actors2: "Actors", fatalities: "Fatalities",
    claimedBy: "Claimed by", sources: "Sources", evidence: "Evidence", article: "Article",
    aliases: "Aliases", asActor1: "Events as actor 1", asActor2: "Events as actor 2",
    claimsMade: "Claims made", timeline: "Timeline", speaker: "Speaker", about: "About", find: "Find",
    noResults: "No results", entities: "Entities", quotes: "Quotes", raw: "Raw input",
    showRaw: "Show raw input", hideRaw: "Hide raw input", outlet: "Outlet", published: "Published",
    story: "Story", versions: "Each outlet's version", contested: "Contested figures", killed: "Killed",
    injured: "Injured", displaced: "Displaced", captured: "Captured", loading: "Loading…",
    error: "Error", notFound: "Not found", mentions: "Mentions", documents: "Articles",
    searchPlaceholder: "Search the articles…", claimsHelp: "What did X say about Y?",
    rawTooLarge: "The raw input was too large to keep", legend: "Types", stats: "Stats",
    noEvents: "No events", claimedEvents: "Events it claimed", cue: "Cue", channel: "Channel", status: "Status", rejected: "Rejected",
    otherVersions: "Other versions of this event",
  },
};

// ACLED's event types, named in the interface language (the data keeps ACLED's English names).
const TYPES = {
  "Battles": "معارك",
  "Explosions/Remote violence": "انفجارات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين",
  "Protests": "احتجاجات",
  "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية",
};

let lang = localStorage.getItem("marsad-lang") === "en" ? "en" : "ar";

export const t = (key) => STRINGS[lang][key] ?? STRINGS.ar[key] ?? key;
export const typeName = (type) => (lang === "ar" ? TYPES[type] || type : type);
export const TYPE_LIST = Object.keys(TYPES);
export const currentLang = () => lang;

/** Sets lang/dir on <html>: Arabic is right-to-left, English left-to-right. */
export function applyLang() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.title = t("title");
}

export function toggleLang() {
  lang = lang === "ar" ? "en" : "ar";
  localStorage.setItem("marsad-lang", lang);
  applyLang();
}
