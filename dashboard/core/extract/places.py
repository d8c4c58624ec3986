"""Find the places a sentence locates something in, using the project's gazetteer.

A gazetteer of 9,000 towns matches many capitalised words that are not places in
context: governors' surnames (Gusev), first names (Vladimir), capitals used for
governments ("Moscow will not abandon..."). So a name counts as a *location* only
where grammar puts a location: after a locative word ("in", "near", "struck", "the
city of"; в, у, на, над, по, "удар по"), before a facility word ("the Ryazan
refinery", "Кременчугская ТЭЦ"), or in a list with such a place. Multi-word
capitalised runs that are not a place as a whole ("Alexander Gusev") are people.
Regions are matched first ("Bryansk and Rostov regions", "Белгородской области",
"над Курской, Брянской и Орловской областями", "на Харківщині", "в Подмосковье"),
so "Kharkiv region" is not read as the city.

Russian and Ukrainian names inflect, so a Cyrillic name is looked up by its dictionary
forms (:mod:`dashboard.core.extract.language`): "в Белгороде" -> Белгород. A plant is
often named only by its town's adjective ("Шатурская ГРЭС", "Ладижинська ТЕС"), so an
adjective before a facility word is turned back into its town (Шатура, Ладижин). A
district or hromada ("Кантемировский район", "Grayvoron district",
"на Синельниківщині") places a record in its region, never at a town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from dashboard.core.extract import language
from dashboard.core.geo.gazetteer import Place
from dashboard.core.join.place import Geography, haversine_km

_UPPER = "A-ZА-ЯІЇЄҐЁ"
_CAP = rf"[{_UPPER}][\w’'ʼ\-]*"
_CYR_CAP = r"[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ]+(?:-[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ]+)?"
_RUN = re.compile(rf"{_CAP}(?:[ \u00a0]{_CAP})*")
_REGION_WORDS = r"(?:regions?|oblasts?|provinces?|krai|territory|regional|republic)"
_REGION_LIST = re.compile(
    rf"(?P<names>{_CAP}(?:\s{_CAP})?(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_CAP}(?:\s{_CAP})?)*)"
    rf"\s+(?P<word>(?i:{_REGION_WORDS}))\b"
)
_REGION_OF = re.compile(rf"\b(?i:region|oblast|republic)\s+of\s+(?P<names>{_CAP})")
_CYR_AND = r"(?:\s*,\s*|\s+(?:и|і|й|та)\s+|\s*,\s*(?:и|і|та)\s+)"
#: Region nouns in their cases, and the unit word their name is looked up with. An
#: oblast's administration (ОВА, ОДА) names its oblast.
_CYR_REGION_NOUNS = (
    (
        "область",
        r"област\w*|обл\.|ОВА|ОДА|ОГА|обладміністрац\w*|облгосадминистрац\w*|регион\w*|"
        r"регіон\w*",
    ),
    ("край", r"кра[йяюеёїє]\w*"),
    ("республика", r"республик\w*|республік\w*"),
)
_CYR_REGION_NOUN = "|".join(words for _, words in _CYR_REGION_NOUNS)
_CYR_REGION_LIST = re.compile(
    rf"(?P<names>{_CYR_CAP}(?:{_CYR_AND}{_CYR_CAP})*)\s+(?P<noun>{_CYR_REGION_NOUN})(?!\w)"
)
_CYR_REPUBLIC = re.compile(rf"\b(?:Республик\w*|Республік\w*)\s+(?P<name>{_CYR_CAP})")
#: "восемь — над Курской областью, шесть — над Брянской": the noun said once.
_ELLIPTIC_BEFORE = re.compile(r"\b(?:над|в|во|у|на|по|из|із)\s+(?:территорией\s+|територією\s+)?$")
_ELLIPTIC_AFTER = re.compile(r"^\s*(?:$|[,.;:!?—–)]|(?:и|і|та|й)\s)")
_HAS_REGION_NOUN = re.compile(rf"(?<!\w)(?:{_CYR_REGION_NOUN})(?!\w)", re.IGNORECASE)
_DISTRICT_WORDS = (
    r"район\w*|округ\w*|громад\w*|РЭС|РЕС|РЕМ|сельсовет\w*|"
    r"districts?|raions?|rayons?|hromadas?|communit(?:y|ies)"
)
_DISTRICT_LIST = re.compile(
    rf"(?P<names>{_CAP}(?:\s{_CAP})?(?:(?:{_CYR_AND}|\s+and\s+){_CAP}(?:\s{_CAP})?)*)\s+"
    rf"(?P<noun>(?i:{_DISTRICT_WORDS}))(?!\w)"
)
#: Colloquial region names the admin-1 aliases do not carry (their dictionary form).
REGION_NICKNAMES = MappingProxyType(
    {
        "подмосковье": "RU-MOS",
        "подмосков'я": "RU-MOS",
        "оренбуржье": "RU-ORE",
        "белгородчина": "RU-BEL",
        "бєлгородщина": "RU-BEL",
        "білгородщина": "RU-BEL",
        "курщина": "RU-KRS",
        "ростовщина": "RU-ROS",
        "воронежчина": "RU-VOR",
        "липетчина": "RU-LIP",
        "тамбовщина": "RU-TAM",
        "тульщина": "RU-TUL",
        "рязанщина": "RU-RYA",
        "калужщина": "RU-KLU",
        "псковщина": "RU-PSK",
        "новгородчина": "RU-NGR",
        "ленобласть": "RU-LEN",
        "прикамье": "RU-PER",
        "ямал": "RU-YAN",
        "буковина": "UA-77",
        "дніпропетровщина": "UA-12",
        "дніпровщина": "UA-12",
        "днепропетровщина": "UA-12",
        # The occupation's names for Luhansk and Donetsk oblasts.
        "лнр": "UA-09",
        "днр": "UA-14",
    }
)
#: English names of regions the admin-1 aliases do not carry.
LATIN_REGION_NICKNAMES = MappingProxyType(
    {
        re.compile(r"\bCrimean [Pp]eninsula\b"): "UA-43",
        re.compile(r"\bKuban\b"): "RU-KDA",
        re.compile(r"\b(?:LPR|LNR|Luhansk People's Republic)\b"): "UA-09",
        re.compile(r"\b(?:DPR|DNR|Donetsk People's Republic)\b"): "UA-14",
    }
)
#: Capitalised words that are never (part of) a place name in this context.
_NOT_NAMES = frozenset((
    "a", "about", "according", "after", "again", "also", "an", "and", "analysis", "as", "at",
    "but", "by", "during", "early", "for", "from", "governor", "gov", "head", "in", "it", "late",
    "mayor", "meanwhile", "minister", "ministry", "near", "of", "on", "overnight", "president",
    "regional", "separately", "several", "since", "some", "that", "the", "their", "this", "those",
    "to", "while", "with", "russia", "russian", "russians", "ukraine", "ukrainian", "ukrainians",
    "belarus", "belarusian", "moldova", "moldovan", "romania", "poland", "us", "u.s", "eu",
    "nato", "kremlin", "defence", "defense", "foreign", "general", "staff", "secretary", "prime",
    "deputy", "chief", "mr", "ms", "dr", "lt", "col", "gen", "sen", "region", "oblast", "krai",
    "republic", "city", "town", "village", "thermal", "power", "plant", "station", "refinery",
    "oil", "gas", "energy", "nuclear", "air", "force", "navy", "army", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "telegram", "including",
    # Russian and Ukrainian function words (capitalised at a sentence start) and countries.
    "в", "во", "у", "на", "над", "под", "під", "по", "из", "із", "з", "с", "со", "до", "от",
    "від", "для", "около", "біля", "возле", "при", "за", "про", "о", "об", "и", "і", "та", "й",
    "а", "но", "але", "что", "що", "как", "як", "это", "це", "после", "після", "россия",
    "росія", "украина", "україна", "рф", "сша", "беларусь", "білорусь", "европа", "європа",
    "российский", "російський", "украинский", "український", "кроме", "крім", "окрім",
))  # fmt: skip
#: Lemmas of words kept out of Cyrillic look-ups whatever their context.
_NOT_LEMMAS = frozenset(
    ("россия", "росія", "украина", "україна", "европа", "європа", "сша", "америка")
)
_CYR_ADJECTIVE = r"[а-яіїєґё'’ʼ-]+(?:ом|ой|ем|ым|им|ій|ому|ого|ої|их|ых)"
_CYR_SETTLEMENT = (
    r"(?:город\w*|міст\w*|сел[аоеі]?|селах|селищ\w*|посёлк\w*|поселк\w*|станиц\w*|пгт|смт|"
    r"г\.|м\.|с\.|сам\w*)"
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|over|around|across|to|into|towards?|against|above|on|hit|hits|"
    r"hitting|struck|strike|strikes|attack|attacks|targeted|targeting|attacked|attacking|shelled|"
    r"shelling|bombed|pounded|including)\s+(?:the\s+)?(?:(?:[a-z][\w’'-]*|Russian|Ukrainian|"
    r"Russian-occupied|Russian-held|Ukrainian-held)\s+){0,2}?|\b(?:city|town|village|port|"
    r"settlement|capital|suburbs?|outskirts|edge)\s+of\s+|"
    r"(?<!\w)(?:в|во|у|на|над|под|під|по|около|возле|біля|поблизу|неподалеку\s+от|"
    r"неподалік\s+від|атаковал\w*|атакувал\w*|обстрел\w*|обстріл\w*|удар\w*|атак\w*|налет\w*|"
    r"наліт\w*|вдарил\w*|ударил\w*|мэр(?:а|у|ом)?|мер(?:а|у|ом)?|"
    # "Под удар попал и Киев", "Під удар потрапив і Київ".
    r"попал\w*\s+(?:и|также)|потрапи\w*\s+(?:і|й|також))\s+"
    rf"(?:(?:{_CYR_ADJECTIVE}|{_CYR_SETTLEMENT})\s+){{0,2}}?)$",
    re.IGNORECASE,
)
_FACILITY_NOUNS = (
    r"refinery|plant|station|depot|terminal|substation|TPP|TES|CHP|HPP|HES|TETs|dam|facility|"
    r"facilities|infrastructure|grid|power|ТЭЦ|ТЕЦ|ТЭС|ТЕС|ГРЭС|ГРЕС|ГЭС|ГЕС|АЭС|АЕС|НПЗ|НПС|"
    r"нефтебаз\w*|нафтобаз\w*|подстанц\w*|підстанц\w*|электростанц\w*|електростанц\w*|"
    r"теплоэлектро\w*|теплоелектро\w*|гидроэлектро\w*|гідроелектро\w*|завод\w*|станц\w*|"
    r"терминал\w*|термінал\w*|котельн\w*|энергообъект\w*|енергооб\w*|месторожд\w*|родовищ\w*"
)
#: Adjective endings, for the words between a town's adjective and its facility
#: ("Новошахтинском нефтеперерабатывающем заводе"), which are never verbs.
_CYR_ADJECTIVE_ANY = (
    r"[а-яіїєґё'’ʼ-]+(?:[ыиоі]й|[ая]я|[ое]е|[ыи]е|[ое]го|[ое]му|[ыи]м|[ое]м|[ое]й|[ую]ю|[ыи]х|"
    r"[ыи]ми|н[аеуі]|ної|ною|них|ним)"
)
_FACILITY_AFTER = re.compile(
    rf"^(?:[’']s)?\s+(?:(?:[a-z][\w-]*|{_CYR_ADJECTIVE_ANY})\s+){{0,3}}?(?:{_FACILITY_NOUNS})(?!\w)"
)
#: A station called by a town's adjective in quotes: НПС «Кропоткинская».
_QUOTED_AFTER_FACILITY = re.compile(rf"(?:{_FACILITY_NOUNS})\s*[«\"„“]$")
_NOT_A_TOWN_AFTER = re.compile(
    r"^\s+(?:river|reservoir|sea|lake|basin|delta|canal|мор\w+|водохранилищ\w*|водосховищ\w*)\b",
    re.I,
)
#: A capital standing for its government: "Moscow says", "Kyiv's strikes", "Москва
#: заявила".
_GOVERNMENT = re.compile(
    r"^(?:[’']s\s+(?:\w+\s+)?(?:strikes?|attacks?|forces|troops|army|military|war|drones?|"
    r"missiles?|government|officials?|position|response|allies)\b|\s+(?:says?|said|claims?|"
    r"claimed|denies|denied|accused|accuses|insists?|insisted|warned|warns|responded|"
    r"заявил\w*|заявля\w*|сообщил\w*|обвинил\w*|обвинува\w*|заяви\w*|повідомил\w*)\b)",
    re.I,
)
#: "в Покровском районе": the district's name, never its town.
_DISTRICT_AFTER = re.compile(rf"^\s+(?i:{_DISTRICT_WORDS})(?!\w)")
_NOT_A_TOWN_BEFORE = re.compile(r"\b(?:sea|gulf|bay|lake|river)\s+of\s+$", re.I)
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|\(|\bи|\bі|\bта)\s*$")
#: "power lines ... in the Belgorod region and Kalmykia": a region on its own in a list.
_REGION_LIST_BEFORE = re.compile(r"(?:,|\band|\bи|\bі|\bта)\s+$")
_ADJECTIVE_SUFFIX = re.compile(r"(?:ь?ск|ськ|цьк|цк|зьк|зк)(?:ий|ый|ой|ій|ая|а|ое|е)$")
_MIN_POPULATION = 10_000
_MIN_POPULATION_VARIANT = 50_000
#: A district outside the regions an article names lies at most this far from one of them.
_NEIGHBOUR_KM = 600.0


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence: a settlement (with its region) or a whole region."""

    text: str
    start: int
    admin1_iso: str
    settlement: str  # "" for a region
    latitude: float
    longitude: float
    how: str  # "locative", "facility", "region", "district"

    @property
    def is_region(self) -> bool:
        return not self.settlement

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def find_places(
    sentence: str, geo: Geography, lang: str = "en", context: frozenset[str] = frozenset()
) -> list[Mention]:
    """Places the sentence locates something in, in text order (regions included).

    ``context`` holds the regions the article names anywhere (:func:`regions_named`): a
    district's namesake town is looked for there first.
    """
    regions = _regions(sentence, geo, lang)
    regions += _districts(sentence, geo, lang, regions, context)
    taken = [(m.start, m.end) for m in regions]
    hint = regions[0].admin1_iso if regions else None
    towns: list[Mention] = []
    for run in _RUN.finditer(sentence):
        for text, start in _segments(run.group(0), run.start(), lang):
            if any(a <= start < b for a, b in taken):
                continue
            mention = _town(sentence, text, start, geo, hint, towns, lang)
            if mention:
                towns.append(mention)
    return sorted([*regions, *towns], key=lambda m: m.start)


def regions_named(sentence: str, geo: Geography, lang: str = "en") -> set[str]:
    """The regions a sentence names as such (not through a town or district)."""
    return {m.admin1_iso for m in _regions(sentence, geo, lang)}


def _regions(sentence: str, geo: Geography, lang: str) -> list[Mention]:
    found = [*_latin_regions(sentence, geo), *_cyrillic_regions(sentence, geo, lang)]
    # A region named on its own ("over Crimea", "на Кубани"), where no large town has
    # that name.
    for run in _RUN.finditer(sentence):
        for segment, start in _segments(run.group(0), run.start(), lang):
            # "глава Башкирии Радий Хабиров": a Cyrillic region may lead a person's name.
            word = segment.split()[0] if language.is_cyrillic(segment) else segment
            word = re.sub(r"[’']s$", "", word)
            if " " in word or _inside(start, found):
                continue
            iso, town = _lone_region(word, geo, lang)
            before = sentence[:start]
            if iso and (
                (language.is_cyrillic(word) and town is None)
                or (town is None and _LOCATIVE_BEFORE.search(before))
                or (found and _REGION_LIST_BEFORE.search(before))
            ):
                found.append(_region(geo, iso, word, start))
    unique = {m.start: m for m in found}
    return sorted(unique.values(), key=lambda m: m.start)


def _latin_regions(sentence: str, geo: Geography) -> list[Mention]:
    found: list[Mention] = []
    for match in _REGION_LIST.finditer(sentence):
        offset = match.start("names")
        for name in re.finditer(rf"{_CAP}(?:\s{_CAP})?", match["names"]):
            words = name.group(0).split()
            for tail in range(len(words)):
                candidate = " ".join(words[tail:])
                iso = geo.regions.lookup(f"{candidate} region")
                if iso and candidate.lower() not in _NOT_NAMES:
                    start = offset + name.end() - len(candidate)
                    found.append(_region(geo, iso, candidate, start))
                    break
    for match in _REGION_OF.finditer(sentence):
        iso = geo.regions.lookup(f"{match['names']} region")
        if iso:
            found.append(_region(geo, iso, match.group(0), match.start()))
    for pattern, iso in LATIN_REGION_NICKNAMES.items():
        found += [_region(geo, iso, m.group(0), m.start()) for m in pattern.finditer(sentence)]
    return found


def _cyrillic_regions(sentence: str, geo: Geography, lang: str) -> list[Mention]:
    """Adjective + region noun in any case ("Белгородской области", "у Сумській, ... та
    Львівській областях", "Краснодарском крае"), "Республика Крым", and an adjective
    whose region noun was said once in the sentence ("шесть — над Брянской")."""
    found: list[Mention] = []
    for match in _CYR_REGION_LIST.finditer(sentence):
        unit = next(u for u, words in _CYR_REGION_NOUNS if re.fullmatch(words, match["noun"], re.I))
        offset = match.start("names")
        for name in re.finditer(_CYR_CAP, match["names"]):
            iso = _adjective_region(name.group(0), unit, geo, lang)
            if iso:
                found.append(_region(geo, iso, name.group(0), offset + name.start()))
    for match in _CYR_REPUBLIC.finditer(sentence):
        iso = next(
            (i for form in language.lemmas(match["name"], lang) if (i := geo.regions.lookup(form))),
            None,
        )
        if iso:
            found.append(_region(geo, iso, match.group(0), match.start()))
    if _HAS_REGION_NOUN.search(sentence):
        for match in re.finditer(_CYR_CAP, sentence):
            if _inside(match.start(), found):
                continue
            before, after = sentence[: match.start()], sentence[match.end() :]
            if _ELLIPTIC_BEFORE.search(before) and _ELLIPTIC_AFTER.match(after):
                iso = _adjective_region(match.group(0), "область", geo, lang)
                if iso:
                    found.append(_region(geo, iso, match.group(0), match.start()))
    return found


def _adjective_region(word: str, unit: str, geo: Geography, lang: str) -> str | None:
    """The region an adjective names with its unit word; else the region named after the
    town the adjective comes from (Ukrainian "Воронезька" -> Воронеж -> RU-VOR)."""
    for form in (*language.adjective_forms(word, lang), word):
        iso = geo.regions.lookup(f"{form} {unit}")
        if iso:
            return iso
    return next(
        (iso for name in _adjective_towns(word, lang) if (iso := geo.regions.lookup(name))), None
    )


def _districts(
    sentence: str,
    geo: Geography,
    lang: str,
    regions: list[Mention],
    context: frozenset[str],
) -> list[Mention]:
    """A district, hromada or grid unit places a record in the region of its namesake
    town: "Корюківського району" -> UA-74, "Grayvoron district" -> RU-BEL. The town
    itself is not the place (a district is bigger), so the mention is region-level.
    Ukrainian district nicknames ("на Синельниківщині") are read the same way. Many
    villages share a name, so when the article names regions the namesake is looked for in
    them, else only a town of 10,000 or more in the same country qualifies; a district's
    adjective is never read as the town itself.
    """
    where = sorted({m.admin1_iso for m in regions} | context)
    found: list[Mention] = []
    # Each list of districts ("Кантемировский и Россошанский районы") lies in one region.
    lists: list[list[tuple[str, int, list[str]]]] = []
    for match in _DISTRICT_LIST.finditer(sentence):
        offset = match.start("names")
        lists.append(
            [
                (name.group(0), offset + name.start(), _namesakes(name.group(0), lang))
                for name in re.finditer(_CAP, match["names"])
            ]
        )
    for match in re.finditer(_CYR_CAP, sentence):
        lemmas = language.lemmas(match.group(0), lang)
        if _inside(match.start(), regions) or not any(lemma.endswith("щина") for lemma in lemmas):
            continue
        if not _lone_region(match.group(0), geo, lang)[0]:
            towns = [
                t for lemma in lemmas if lemma.endswith("щина") for t in _stem_towns(lemma[:-4])
            ]
            lists.append([(match.group(0), match.start(), towns)])
    for names in lists:
        places = [
            _best([_lookup(geo, n, iso, None) for iso in where or [None] for n in candidates])
            for _, _, candidates in names
        ]
        # Not in a region the article names: only a town of the same country big enough
        # to be unambiguous ("Запорізький район" -> Zaporizhzhia; never Kaniv in Ukraine
        # for a "Каневской район" of the Kuban).
        # Nor a town far from all of them: "Беловский район" in a Kursk report is not
        # Belovo in the Kuzbass.
        if where and not any(places):
            countries = {iso[:2] for iso in where}
            places = [
                p
                for _, _, candidates in names
                if (p := _best([_lookup(geo, n, None, None) for n in candidates]))
                and p.population >= _MIN_POPULATION
                and p.admin1_iso[:2] in countries
                and _near_any(geo, p, where)
            ]
        best = _best(places)
        if best:
            found += [
                _region(geo, best.admin1_iso, text, start, "district") for text, start, _ in names
            ]
    return found


def _near_any(geo: Geography, place: Place, regions: list[str]) -> bool:
    """The town lies within :data:`_NEIGHBOUR_KM` of a named region's anchor point."""
    anchors = geo.anchors.reindex([iso for iso in regions if iso in geo.anchors.index])
    distance = haversine_km(
        place.latitude, place.longitude, anchors["latitude"], anchors["longitude"]
    )
    return bool((distance <= _NEIGHBOUR_KM).any())


def _namesakes(word: str, lang: str) -> list[str]:
    """Town names a district's name may come from (any size: the district vouches)."""
    if not language.is_cyrillic(word):
        return [word]
    return [*_adjective_towns(word, lang), *language.lemmas(word, lang)]


def _lone_region(word: str, geo: Geography, lang: str) -> tuple[str | None, Place | None]:
    """The region a single word names, and a large town of the same name if there is one."""
    forms = (word, *language.lemmas(word, lang)) if language.is_cyrillic(word) else (word,)
    if language.is_cyrillic(word) and language.is_adjective(word, lang):
        return None, None
    for form in forms:
        if form.lower() in _NOT_LEMMAS:
            return None, None
        iso = REGION_NICKNAMES.get(form.lower()) or geo.regions.lookup(form)
        if iso:
            town = geo.gazetteer.lookup(form)
            big = town if town and town.population >= _MIN_POPULATION else None
            return iso, big
    return None, None


def _region(geo: Geography, iso: str, text: str, start: int, how: str = "region") -> Mention:
    anchor = geo.anchors.loc[iso]
    return Mention(
        text=text,
        start=start,
        admin1_iso=iso,
        settlement="",
        latitude=float(anchor["latitude"]),
        longitude=float(anchor["longitude"]),
        how=how,
    )


def _inside(start: int, mentions: list[Mention]) -> bool:
    return any(m.start <= start < m.end for m in mentions)


def _segments(run: str, start: int, lang: str) -> list[tuple[str, int]]:
    """Split a capitalised run at words that cannot be part of a place name (function
    words, countries, acronyms such as НПЗ or ВСУ)."""
    segments: list[tuple[str, int]] = []
    current: list[tuple[str, int]] = []
    for word in re.finditer(r"\S+", run):
        if _breaks_name(re.sub(r"[’']s$", "", word.group(0)), lang):
            if current:
                segments.append(_join(current))
            current = []
        else:
            current.append((word.group(0), start + word.start()))
    if current:
        segments.append(_join(current))
    return segments


def _breaks_name(word: str, lang: str) -> bool:
    if word.lower() in _NOT_NAMES or word.split("-")[0].lower() in _NOT_NAMES:
        return True
    if not language.is_cyrillic(word):
        return False
    if len(word) > 1 and word.replace("-", "").isupper():
        return word.lower() not in REGION_NICKNAMES  # НПЗ, ВСУ break a name; ЛНР is one
    return any(
        lemma in _NOT_NAMES or lemma in _NOT_LEMMAS for lemma in language.lemmas(word, lang)[:1]
    )


def _join(words: list[tuple[str, int]]) -> tuple[str, int]:
    return " ".join(w for w, _ in words), words[0][1]


def _town(
    sentence: str,
    text: str,
    start: int,
    geo: Geography,
    hint: str | None,
    earlier: list[Mention],
    lang: str,
) -> Mention | None:
    name = re.sub(r"[’']s$", "", text)
    cyrillic = language.is_cyrillic(name)
    end = start + len(name)
    after = sentence[end:]
    if _NOT_A_TOWN_AFTER.match(after) or _DISTRICT_AFTER.match(after):
        return None
    if " " not in name and _GOVERNMENT.match(after):  # not "мэр Москвы Сергей Собянин сообщил"
        return None
    before = sentence[:start]
    if _NOT_A_TOWN_BEFORE.search(before):
        return None
    # "struck the Dnipro hydroelectric station in Zaporizhzhia": a facility's name
    # comes first, so the town after "in" can win over it.
    if _FACILITY_AFTER.match(after) or (
        _QUOTED_AFTER_FACILITY.search(before) and re.match(r"[»\"“”]", after)
    ):
        how = "facility"
    elif _LOCATIVE_BEFORE.search(before):
        how = "locative"
    elif earlier and _LIST_BEFORE.search(before) and start - earlier[-1].end < 8:
        how = earlier[-1].how
    else:
        return None
    country = "RU" if re.search(r"Russia(?:n|[’']s)\s+(?:\w+\s+){0,2}$", before) else None
    if country is None and re.search(r"Ukrain(?:ian|e[’']s)\s+(?:\w+\s+){0,2}$", before):
        country = "UA"
    # "мэр Москвы Сергей Собянин": the place comes first, a person's name may follow.
    words = name.split() if cyrillic else [name]
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        place = _place(geo, name, before, hint, country, lang, facility=how == "facility")
        if place:
            break
    else:
        return None
    return Mention(
        text=name,
        start=start,
        admin1_iso=place.admin1_iso,
        # The gazetteer's own name for an inflected Cyrillic form (Белгороде -> Belgorod).
        settlement=place.name if cyrillic else name,
        latitude=place.latitude,
        longitude=place.longitude,
        how=how,
    )


def _place(
    geo: Geography,
    name: str,
    before: str,
    hint: str | None,
    country: str | None,
    lang: str,
    *,
    facility: bool,
) -> Place | None:
    """The town a name stands for: inside the sentence's region whatever its size, else
    a town large enough not to be a surname or a village of the same name."""
    names = _cyrillic_names(name, lang, facility=facility) if language.is_cyrillic(name) else [name]
    place = _best([_lookup(geo, n, hint, None) for n in names]) if hint else None
    if place is None:
        place = _best([_lookup(geo, n, None, country) for n in names])
        if place is None:
            return None
        floor = _MIN_POPULATION if place.match == "exact" else _MIN_POPULATION_VARIANT
        small_ok = re.search(r"\b(?:town|village|settlement) of\s+$", before)
        if place.population < floor and not small_ok:
            return None
    return place


def _lookup(geo: Geography, name: str, hint: str | None, country: str | None) -> Place | None:
    if name.lower() in _NOT_LEMMAS:
        return None
    if hint:
        return geo.gazetteer.lookup(name, admin1_iso=hint)
    return geo.gazetteer.lookup(name, country=country)


def _best(places: list[Place | None]) -> Place | None:
    """The exact match with the most people, else the largest variant match."""
    found = [p for p in places if p is not None]
    return max(found, key=lambda p: (p.match == "exact", p.population), default=None)


def _cyrillic_names(name: str, lang: str, *, facility: bool) -> list[str]:
    """Nominatives a Cyrillic name may stand for: "Старом Осколе" -> "старый оскол";
    before a facility word, the town an adjective is made from ("Шатурскую" -> шатура)."""
    words = name.split()
    names = [name, " ".join(next(iter(language.lemmas(w, lang)), w) for w in words)]
    if len(words) == 1:
        # A stanitsa or village may be an adjective: "в станице Каневской" -> Каневская.
        names += [*language.lemmas(name, lang), *language.adjective_forms(name, lang)]
    if facility:
        names += _adjective_towns(words[-1], lang)
    return names


def _adjective_towns(word: str, lang: str) -> list[str]:
    """Towns an adjective may be made from: Кременчугская -> Кременчуг, Шатурская ->
    Шатура, Новошахтинский -> Новошахтинск, Пензенская -> Пенза, Курахівська -> Курахове,
    or that are named by it (Каневская)."""
    # A stanitsa or village is often the adjective itself: Каневская, Северская.
    names: list[str] = list(language.adjective_forms(word, lang))
    for form in (*language.adjective_forms(word, lang), word.lower()):
        match = _ADJECTIVE_SUFFIX.search(form)
        if match:
            names += _stem_towns(form[: match.start()], suffix=match.group(0))
    return list(dict.fromkeys(names))


def _stem_towns(stem: str, suffix: str = "") -> list[str]:
    """Town names a stem may end: the bare stem, or with a -sk, vowel or soft-sign ending."""
    if len(stem) < 3:
        return []
    names = [stem, stem + "ск", stem + "ськ", stem + "ка"]
    if suffix.startswith("ц"):
        names += [stem + "цк", stem + "цьк"]
    names += [stem + end for end in ("а", "я", "ь", "и", "ы", "е", "о", "ье", "ове", "са")]
    if stem.endswith(("ен", "ін")):
        names.append(stem[:-2] + "а")
    if stem.endswith(("ів", "ов")):
        names += [stem[:-2] + "ове", stem[:-2] + "ово", stem[:-1]]
    if stem.endswith("ь"):
        names.append(stem[:-1] + "а")
    if suffix.startswith("з"):  # Запорізький, Воронезький -> Запоріжжя, Воронеж
        names += [stem + "жжя", stem + "жье", stem + "ж"]
    return names
