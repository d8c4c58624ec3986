"""Keyword rules that read one sentence: is it a strike report, on what, with what, by whom.

Each rule is a small regular expression with the vocabulary of
:mod:`dashboard.core.incidents.schema`, kept apart from the event assembly in
:mod:`dashboard.core.extract.events` so a new phrasing is a one-line change here. Every
rule reads English, Russian and Ukrainian: the English words and the Cyrillic stems sit
side by side (the scripts never collide), so an English report quoting "ТЭЦ" or a
Ukrainian post quoting "HIMARS" reads the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.core.extract.dates import MONTHS
from dashboard.core.extract.text import NUMBER_PATTERN, parse_number
from dashboard.core.vocab import AFFECTED_UNIT_WORDS, FACILITY_FAMILIES, affected_unit

_I = re.IGNORECASE
_A = "['’ʼ]"  # the apostrophe in об'єкт, п'ять, in its three spellings


def _rx(*parts: str) -> re.Pattern[str]:
    """One case-blind pattern from alternatives (English, Russian, Ukrainian)."""
    return re.compile("|".join(f"(?:{p})" for p in parts), _I)


#: Facility words, most specific first ("a utility facility ... a thermal power plant"
#: is a TPP). Cyrillic abbreviations are matched as whole words (ТЭЦ, НПЗ, ГРЭС).
FACILITIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, _rx(english, cyrillic))
    for kind, english, cyrillic in (
        (
            "hydro_power_plant",
            r"\bhydro(?:electric|power)|\bHPP\b|\bHES\b|\bdam\b",
            r"(?<!\w)(?:ГЭС|ГЕС)(?!\w)|дніпрогес|днепрогэс|гидроэлектростанц\w*|"
            r"гідроелектростанц\w*|плотин\w*|гребл\w*|дамб\w*",
        ),
        (
            "nuclear_power_plant_area",
            r"\bnuclear power (?:plant|station)|\bNPP\b",
            r"(?<!\w)З?(?:АЭС|АЕС)(?!\w)|атомн\w+ (?:электро|електро)?станц\w*",
        ),
        (
            "chp",
            r"\bCHP\b|\bTETs\b|combined heat|heat and power (?:plant|station)",
            r"(?<!\w)(?:ТЭЦ|ТЕЦ)(?!\w)|теплоэлектроцентрал\w*|теплоелектроцентрал\w*",
        ),
        (
            "thermal_power_plant",
            r"\bthermal power|\bTPP\b|\bTES\b|coal-fired power|thermal (?:plant|station)",
            r"(?<!\w)(?:ТЭС|ТЕС|ГРЭС|ГРЕС)(?!\w)|теплоэлектростанц\w*|теплоелектростанц\w*|"
            r"теплов\w+ (?:электро|електро)станц\w*",
        ),
        (
            "refinery",
            r"\brefiner(?:y|ies)\b|\boil refining\b",
            r"(?<!\w)НПЗ(?!\w)|нефтеперерабатывающ\w*|нафтопереробн\w*|нефтеперераб\w*|"
            r"нафтоперероб\w*",
        ),
        (
            "oil_terminal",
            r"\b(?:oil|fuel|export) terminal|\bberths?\b|\boil (?:port|loading)",
            r"нефт\w+ терминал\w*|нафтов\w+ термінал\w*|нефтеналивн\w*|нафтоналивн\w*|"
            r"причал\w*",
        ),
        (
            "oil_depot",
            r"\b(?:oil|fuel) (?:depot|storage|base|tanks?)s?\b|\btank farm\b|\bdepot\b",
            r"нефтебаз\w*|нафтобаз\w*|(?:топливн|паливн)\w+ (?:склад|резервуар|баз)\w*|"
            r"нефтехранилищ\w*|нафтосховищ\w*|резервуар\w*",
        ),
        ("substation", r"\bsubstations?\b", r"подстанц\w*|підстанц\w*"),
        (
            "transmission_line",
            r"\b(?:power|transmission|high-voltage) lines?\b|"
            r"\bdistribution (?:networks?|grids?|lines?)\b",
            r"(?<!\w)(?:ЛЭП|ЛЕП)(?!\w)|лини\w+ электропередач\w*|ліні\w+ електропередач\w*|"
            r"высоковольтн\w+ лини\w*|високовольтн\w+ ліні\w*|"
            # Local grids: "пошкоджено електромережі", "повреждены электросети".
            r"електромереж\w*|электросет\w*|електричн\w+ мереж\w*|электрическ\w+ сет(?:и|ей|ь)\b",
        ),
        (
            "gas_facility",
            r"\bgas (?:production|facilit|infrastructure|field|processing|distribution|"
            r"storage|plant|compressor)|\bcompressor station",
            rf"газовидобувн\w*|газовидобуванн\w*|газодобыва\w*|газодобыч\w*|газодобувн\w*|"
            rf"газов\w+ (?:инфраструктур|інфраструктур|объект|об{_A}єкт|промысл|промисл|"
            rf"месторожд|родовищ|хранилищ|сховищ|завод|станц|скважин|свердловин|установ|актив)"
            rf"\w*|газзавод\w*|газоперерабатыва\w*|газопереробн\w*|(?<!\w)ГПЗ(?!\w)|"
            rf"компрессорн\w*|компресорн\w*|газораспредел\w*|газорозподільн\w*",
        ),
        (
            "pipeline",
            r"\bpipelines?\b|\bpumping station",
            r"нефтепровод\w*|нафтопров[оі]д\w*|газопров[оі]д\w*|газог[іо]н\w*|трубопровод\w*|"
            r"(?<!\w)НПС(?!\w)|нефтеперекачивающ\w*|нафтоперекачувальн\w*|насосн\w+ станц\w*",
        ),
        (
            "heating_plant",
            r"\bboiler (?:house|plant|room)s?\b|\bheating (?:plant|station)",
            r"котельн\w*",
        ),
        ("power_plant", r"\bpower (?:plant|station)s?\b", r"(?<!\w)(?:электро|електро)станц\w*"),
    )
)
#: Families of sites: two facility words of one family in an event name one site (a CHP
#: that is also a "thermal power station"); two families name two sites (a refinery and
#: its town's oil terminal). The grid is a family of its own.
_FAMILIES = {**FACILITY_FAMILIES, "substation": "grid", "transmission_line": "grid"}
_GENERIC_ENERGY = _rx(
    r"\b(?:energy|utility|power|electricity|heating|critical) (?:facilit|infrastructure|"
    r"systems?|sites?|grid|network)|power and heating|\benergy sector",
    rf"энергообъект\w*|енергооб{_A}єкт\w*|(?:объект|об{_A}єкт)\w* (?:энергетик|енергетик)\w*|"
    rf"(?:энергетическ|енергетичн)\w+ (?:объект|об{_A}єкт|инфраструктур|інфраструктур|"
    rf"оборудован|обладнан)\w*|(?:критическ|критичн)\w+ (?:инфраструктур|інфраструктур)\w*|"
    r"энергосистем\w*|енергосистем\w*|(?:пошкодженн|поврежден)\w* (?:енергетики|энергетики)|"
    # An energy company's plant or site: "на предприятии «Башнефти»".
    r"(?:предприяти|завод|объект|площадк|підприємств|об'єкт)\w* [«\"]?(?:Башнефт|Роснефт|"
    r"Лукойл|Газпром|Транснефт|Татнефт|Славнефт|Сургутнефтегаз|Новатэк|Нафтогаз|Укрнафт|"
    r"ДТЕК|Укренерго)\w*",
)
_OUTAGE = _rx(
    r"\bblackouts?\b|\boutages?\b|\bwithout (?:power|electricity|heat|heating|light|gas)\b|"
    r"\bcut(?:ting)?(?: off)? (?:the )?(?:power|electricity|heating|heat|gas)\b|"
    r"\b(?:power|electricity|heating|heat) (?:was|were|had been) cut|\bde-?energi[sz]ed\b|"
    r"\bin the dark\b|\bdisrupted (?:power|heating|electricity)",
    r"без (?:света|світла|электр\w*|електр\w*|энергоснабжения|енергопостачання|тепла|"
    r"отопления|опалення|газа|газу|газоснабжения|газопостачання)|обесточ\w*|знеструм\w*|"
    r"блэкаут\w*|блекаут\w*|(?:аварийн|аварійн|экстренн|екстрен)\w+ (?:отключ|відключ)\w*|"
    r"(?:перебо|проблем)\w+ (?:с|з) (?:подач\w+ )?(?:электр|електр)\w*|"
    r"зникл\w+ (?:світло|електрика)|(?:наруш|порушен)\w+ (?:электро|энерго|електро|енерго)"
    r"(?:снабжени|постачанн)\w*|(?:прерв|перерв)\w+ подач\w+ (?:электро|газа|тепла)\w*|"
    r"(?:отключени|відключенн)\w+ (?:электро|електро|света|світла)\w*|"
    # Power given back was power lost: "вдалось повернути світло в домівки".
    r"(?:поверн|верн|відновил|восстановил)\w* (?:світло|свет|електропостачання|"
    r"электроснабжение)",
)
_STRIKE = _rx(
    r"\b(?:strikes?|struck|hit|hits|hitting|attack(?:s|ed|ing)?|targeted|targeting|"
    r"shell(?:s|ed|ing)|bomb(?:s|ed|ing)|slammed|set (?:off )?(?:a )?fire|sparked a fire|"
    r"air ?strikes?|set on fire|"
    r"explosions?|blasts?|damag(?:ed|ing)|knocked out|drones?|missiles?)\b",
    rf"(?<!\w)(?:удар(?:ы|ов|ом|ам|ами|а|у|е)?|ударил\w*|вдарил\w*|вдарив|б{_A}є|бьют|били|"
    r"атак\w*|обстрел\w*|обстріл\w*|попадани\w*|попаданн\w*|попал\w*|влучан\w*|влучил\w*|прил[её]т\w*|"
    r"поражен\w*|поразил\w*|уражен\w*|уразил\w*|налет\w*|наліт\w*|беспилотн\w*|безпілотн\w*|"
    r"БПЛА|БпЛА|дрон\w*|ракет\w*|шахед\w*|взрыв\w*|вибух\w*|пошкодив|пошкодили|повредил\w*|"
    r"(?:вывел|выведен)\w* из строя|(?:виведен|вивел)\w* з ладу|з ладу виведен\w*|обломк\w*|"
    r"авиаудар\w*|авіаудар\w*|подожгл\w*|подожж\w*|підпалил\w*|"
    r"уламк\w*|HIMARS)(?!\w)",
)
_EFFECTS = _rx(
    r"\bfires?\b|\bblaze\b|\binjur\w+|\bkill\w+|\bdead\b|\bcasualt\w+|\bevacuat\w+|\bdebris\b|"
    r"\bdamage\w*|\brestored\b|\brepair\w*",
    r"(?<!\w)(?:пожар\w*|пожеж\w*|возгорани\w*|загор\w*|горит|горі\w*|полум\w*|поврежд\w*|"
    r"пошкод\w*|разрушен\w*|зруйнован\w*|руйнуван\w*|погиб\w*|загин\w*|ранен\w*|поранен\w*|"
    r"травм\w*|пострада\w*|постражд\w*|восстанов\w*|відновл\w*|ремонт\w*|ликвид\w*|локализ\w*|"
    r"ліквід\w*|аварийн\w*|аварійн\w*|последстви\w*|наслідк\w*)",
)
_BACKGROUND = _rx(
    r"\b(?:repeatedly|almost daily|nearly daily|near-daily|every night|regularly|routinely|"
    r"dozens of|hundreds of|several times|times since|since (?:the )?(?:start|beginning)|"
    r"since (?:19|20)\d\d|previously|previous(?! (?:day|evening|night))|"
    r"earlier this (?:year|month|week)|"
    r"last (?:year|month|winter|summer|autumn|spring)|in recent (?:weeks|months|years)|"
    r"as winter approaches|in (?:19|20)\d\d|again in|after the destruction of|"
    r"not the first (?:attack|strike|time))\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?!been\b)\w+(?:ed|en|uck|it|one|ought)\b",
    r"(?<!\w)(?:напомним|нагадаємо|ранее|раніше|прежде|неоднократно|неодноразово|регулярно|"
    r"не перш\w+ (?:\w+ )?(?:атак|удар|раз|випад)\w*|не перв\w+ (?:\w+ )?(?:атак|удар|раз|"
    r"случа)\w*|"
    r"систематично|щодня|ежедневно|каждую ночь|щоночі|не впервые|не вперше|уже не раз|"
    r"вже не раз|с начала|від початку|з початку|за все время|за всю війну|за всю войну|"
    r"в прошлом году|минулого року|торік|с (?:19|20)\d\d|з (?:19|20)\d\d|"
    r"в (?:19|20)\d\d году|у (?:19|20)\d\d році|после (?:уничтожения|разрушения)|"
    r"після (?:знищення|руйнування))(?!\w)",
)
_MODAL = _rx(
    r"\b(?:will|would|could|might|aims? to|seeks? to|plans? to|intends? to|wants? to|"
    r"threaten\w*|vow\w*|(?:possible|potential|likely) targets?)\b",
    r"(?<!\w)(?:будет|будут|буде|будуть|может|могут|може|можуть|мог бы|могли бы|міг би|"
    r"могли б|планиру\w*|планує|планують|намерен\w*|має намір|мають намір|угрожа\w*|"
    r"погрожу\w*|хочет|хоче|хочуть|моратори\w*|мораторі\w*|перемири\w*|"
    r"прекращени\w+ огня|припиненн\w+ вогню|переговор\w*|если|якщо|в случае|у разі|"
    r"\w+тимуть|\w+тиме|возможн\w+ цел\w*|можлив\w+ ціл\w*)(?!\w)",
)
_NEGATED = _rx(
    r"\b(?:did not|didn't|does not|doesn't|was not|wasn't|were not|weren't|not)\s+"
    r"(?:\w+\s+)?(?:mention|say|hit|struck|damaged|attacked|targeted|specify|confirm)\b|"
    r"\b(?:caused|causing|with|reported|there was|there were) no (?:\w+ )?(?:damage|hits)\b",
    r"(?<!\w)(?:не|ни)\s+(?:был[аио]?\s+|було\s+)?(?:атаковал\w*|атакован\w*|атакувал\w*|"
    r"ударил\w*|поражен\w*|уражен\w*|попал\w*|повредил\w*|повреждено|пошкоджено|пошкодив|"
    r"влучил\w*|вдарил\w*|нарушено|порушено)(?!\w)",
)
_DENIAL = _rx(
    r"\b(?:denied|denies|deny|dismissed|refuted|rejected)\b|\bfalse\b|\bfake\b",
    r"опроверг\w*|спростува\w*|спростову\w*|отрица\w*|заперечу\w*|заперечил\w*|фейк\w*|"
    r"не соответству\w* действительности|не відповіда\w* дійсності",
)
_SEPARATE = re.compile(
    r"^(?:Separately|Elsewhere|Meanwhile|In (?:a |another )?separate \w+|In another \w+|"
    r"Кроме того|Крім того|Окрім того|Тем временем|Тим часом|Отдельно|Окремо|Водночас)\b"
)
#: Who speaks for a region: their claim without a place is about their region.
_REGIONAL_OFFICIAL = _rx(
    r"\bgov\.|\bgovernor\b|\bmayor\b|\bregional (?:head|administration|authorities)|"
    r"\bmilitary administration\b|\bhead of the (?:\w+\s+){0,3}?(?:administration|region|"
    r"peninsula|city|oblast)|\b(?:installed|appointed) head\b|\blocal "
    r"(?:officials|authorities)\b|\bregional head\b",
    r"губернатор\w*|(?<!\w)мэр\w*|(?<!\w)мер(?:а|у|ом)?(?!\w)|міськ\w+ голов\w*|"
    r"глав\w+ (?:региона|области|города|района|администрации|ОВА|Крыма|республики)|"
    r"голов\w+ (?:ОВА|ОДА|обласної|районної|громади)|очільник\w*|начальник\w* (?:ОВА|обласної)|"
    r"(?:военн|військов)\w+ (?:администрац|адміністрац)\w*",
)
_NATIONAL_OFFICIAL = _rx(
    r"\benergy ministry\b|\bministry of energy\b|\bemergency (?:services|ministry|service)\b",
    r"Минэнерго|Міненерго|Министерств\w+ энергетики|Міністерств\w+ енергетики|"
    r"(?<!\w)(?:МЧС|ДСНС)(?!\w)|оперштаб\w*|оперативн\w+ штаб\w*",
)
_COMPANIES = {
    "UA": _rx(
        r"\b(?:Ukrenergo|DTEK|Naftogaz|Ukrhydroenergo|Centrenergo|Ukrnafta|\w+oblenergo)\b",
        r"Укренерго|ДТЕК|Нафтогаз\w*|Укргідроенерго|Укргидроэнерго|Центренерго|Укрнафт\w*|"
        r"\w+обленерго|Укртрансгаз\w*",
    ),
    "RU": _rx(
        r"\b(?:Rosseti|Rosneft|Lukoil|Transneft|Gazprom|Inter RAO)\b",
        r"Россет\w*|Роснефт\w*|Лукойл\w*|Транснефт\w*|Газпром\w*|Интер РАО|(?<!\w)КТК(?!\w)|"
        r"Каспийск\w+ трубопроводн\w+ консорциум\w*",
    ),
}
_SIDE_WORDS = {
    "ukraine": r"(?:Ukrain(?:ian|e[’']s)|Kyiv[’']s)",
    "russia": r"(?:Russia(?:n|[’']s)|Moscow[’']s)",
}
_ATTACK_NOUNS = (
    r"(?:drones?|missiles?|strikes?|attacks?|forces|troops|military|army|navy|shelling|UAVs?|"
    r"bombs?|air ?strikes?|artillery|helicopters?)"
)
_CYR_ATTACK = (
    r"(?:беспилотник|безпілотник|дрон|ракет|войск|військ|военн|армі|арми|удар|атак|обстрел|"
    r"вертол[её]т|гелікоптер|"
    r"обстріл|сил|Сил|БПЛА|БпЛА|ВСУ|HIMARS|загарбник|окупант|оккупант)\w*"
)
_ENGLISH_SIDE_CUES = tuple(
    (side, re.compile(pattern))
    for side, words, subject in (
        ("ukraine", _SIDE_WORDS["ukraine"], r"(?:Ukraine|Kyiv)"),
        ("russia", _SIDE_WORDS["russia"], r"(?:Russia|Moscow)"),
    )
    for pattern in (
        rf"\b{words}\s+(?:[\w-]+\s+){{0,2}}?{_ATTACK_NOUNS}\b",
        rf"\b{subject}\s+(?:attacked|struck|hit|launched|shelled|targeted|bombed)\b",
        rf"\bby\s+{subject}\b",
    )
)
_SIDE_CUES = (
    *_ENGLISH_SIDE_CUES,
    (
        "ukraine",
        _rx(
            r"(?<!\w)(?:БПЛА|БпЛА|беспилотник\w*|безпілотник\w*|дрон\w*|удар\w*|атак\w*|"
            r"обстрел\w*|обстріл\w*|налет\w*|ракет\w*)\s+(?:\w+\s+)?(?:ВСУ|ЗСУ)(?!\w)|"
            r"(?<!\w)(?:ВСУ|ЗСУ)\s+(?:атаковал|нанесл|ударил|обстрелял|атакувал|завдал|уразил|"
            r"вдарил)\w*",
            rf"(?<!\w)(?:украинск|українськ)\w+\s+(?:[\w{_A}-]+\s+){{0,2}}?{_CYR_ATTACK}",
            r"Сил\w* (?:оборони|безпілотних систем)|Генштаб\w* ЗСУ|киевск\w+ режим\w*|"
            r"київськ\w+ режим\w*",
        ),
    ),
    (
        "russia",
        _rx(
            r"(?<!\w)росіян\w*\s+(?:\w+\s+)?(?:атакувал|вдарил|били|обстрілял|завдал|запустил|"
            r"випустил|атакують)\w*",
            rf"(?<!\w)(?:російськ|российск)\w+\s+(?:[\w{_A}-]+\s+){{0,2}}?{_CYR_ATTACK}",
            r"(?<!\w)(?:РФ|Росія|Россия)\s+(?:\w+\s+)?(?:атакувал|атаковал|вдарил|ударил|"
            r"завдал|нанесл|обстрілял|обстреля)\w*",
            r"загарбник\w*|окупант\w*|оккупант\w*|рашист\w*",
        ),
    ),
    (
        "enemy",
        _rx(
            r"\benemy\b",
            r"(?<!\w)(?:ворог\w*|ворож\w*|вражеск\w*|противник\w*|агресор\w*|агрессор\w*)",
        ),
    ),
)
_OCCUPIED = _rx(
    r"\boccupied\b|\b(?:Russian|Moscow|Kremlin)-(?:installed|appointed)\b|\boccupation\b|"
    r"\b(?:LPR|DPR|LNR|DNR)\b|People's Republic",
    r"оккупированн\w*|окупован\w*|окупаці\w*|оккупаци\w*|призначен\w+ Росією|"
    r"назначенн\w+ Россией|(?<!\w)(?:ЛНР|ДНР)(?!\w)",
)
#: Heads Russia installed in occupied regions: a report of theirs is about those areas.
_INSTALLED_HEADS = _rx(
    r"\b(?:Saldo|Balitsky|Balitskiy|Pushilin|Pasechnik|Aksyonov|Aksenov|Razvozhayev)\b",
    r"(?<!\w)(?:Сальдо|Балицк|Пушилин|Пасечник|Аксёнов|Аксенов|Развожаев)\w*",
)
_WEAPONS = {
    "glide_bomb": _rx(
        r"\bglide bombs?\b|\bguided (?:aerial |air )?bombs?\b|\bKABs?\b",
        r"(?<!\w)(?:КАБ|УПАБ|ФАБ)\w*|(?:керован|управляем)\w+ (?:авіа|авиа)бомб\w*|"
        r"авиабомб\w*|авіабомб\w*",
    ),
    "drone": _rx(
        r"\bdrones?\b|\bUAVs?\b|\bShaheds?\b|\bGerans?\b|\bunmanned\b",
        r"беспилотн\w*|безпілотн\w*|(?<!\w)(?:БПЛА|БпЛА)(?!\w)|дрон\w*|шахед\w*|"
        r"(?<!\w)геран\w*|квадрокоптер\w*|FPV",
    ),
    "missile": _rx(
        r"\bmissiles?\b|\bKalibrs?\b|\bIskanders?\b|\bKinzhals?\b|\bNeptunes?\b|\bballistic\b|"
        r"\bHIMARS\b|\bATACMS\b",
        r"ракет\w*|искандер\w*|іскандер\w*|калибр\w*|калібр\w*|кинжал\w*|кинджал\w*|"
        r"нептун\w*|баллистическ\w*|балістичн\w*",
    ),
    "artillery": _rx(
        r"\bshell(?:s|ed|ing)\b|\bartillery\b|\bMLRS\b|\bmortars?\b",
        r"артиллер\w*|артилер\w*|(?<!\w)РСЗО(?!\w)|миномет\w*|мінометн\w*",
    ),
}
_UNITS = "|".join(
    rf"{re.escape(word).replace(chr(39), _A)}\w*"
    for words in AFFECTED_UNIT_WORDS.values()
    for word in words
)
_HOUSEHOLDS = re.compile(
    rf"(?P<n>{NUMBER_PATTERN})\s+(?:[^\W\d]+\s+){{0,2}}?(?P<unit>(?<!\w)(?:{_UNITS}))(?!\w)", _I
)
_AFFECTED = _rx(
    r"\baffected\b|\bwithout\b|\bcut\w*|\blost\b|\bdisconnected\b|\bleft\b|\bleaving\b|"
    r"\bknocked out\b|\bde-?energi[sz]ed\b",
    r"(?<!\w)(?:без|обесточ\w*|знеструм\w*|отключ\w*|відключ\w*|остал\w*|залиш\w*|лишил\w*|"
    r"позбавлен\w*|лишен\w*)(?!\w)",
)
_INTERCEPT_VERB = (
    r"(?:intercepted|destroyed|shot\s+down|downed|brought\s+down|taken\s+out|"
    r"neutrali[sz]ed|repelled|отраж\w*|"
    r"відбит\w*|відбив\w*|"
    r"сбил\w*|сбит\w*|збил\w*|збит\w*|збиття|уничтож\w*|знищ\w*|ликвидир\w*|ліквідува\w*|"
    r"ліквідован\w*|перехват\w*|перехопи\w*|перехопл\w*|поражен\w*|подавлен\w*|приземл\w*|"
    r"нейтрализ\w*|нейтраліз\w*)"
)
_WEAPON_WORD = (
    r"(?:drones?|UAVs?|missiles?|беспилотн\w*|безпілотн\w*|БПЛА|БпЛА|дрон\w*|ракет\w*|"
    r"(?:летательн\w+ )?аппарат\w*|апарат\w*)"
)
_INTERCEPTION = re.compile(
    rf"(?<!\w){_INTERCEPT_VERB}(?!\w).*?(?<!\w){_WEAPON_WORD}(?!\w)|"
    rf"\b(?:drones?|UAVs?|missiles?)\b.*?\b(?:were|was|had been|have been)\s+{_INTERCEPT_VERB}|"
    rf"(?<!\w)(?:беспилотн|безпілотн|БПЛА|БпЛА|дрон|ракет)\w*.*?(?<!\w){_INTERCEPT_VERB}(?!\w)",
    _I,
)
_INTERCEPT_ONLY = re.compile(rf"(?<!\w){_INTERCEPT_VERB}(?!\w)", _I)
_TARGET_WORD = rf"(?:{_WEAPON_WORD}|targets?|ціл[іье]\w*|цел(?:и|ей|ь)\b)"
_UNCOUNTED_CLAIM = re.compile(
    rf"(?<!\w){_INTERCEPT_VERB}(?!\w).*?(?<!\w){_TARGET_WORD}|"
    rf"(?<!\w){_TARGET_WORD}.*?(?<!\w){_INTERCEPT_VERB}(?!\w)",
    _I,
)
_COUNT = re.compile(rf"(?<![\w:.,-])(?P<n>{NUMBER_PATTERN})(?![\w-]|[:.,]\d)", _I)
_WEAPON_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?{_WEAPON_WORD}(?!\w)", _I)
#: A tally's later parts leave the weapon out: "four drones over Belgorod, two over Kursk".
_PLACE_AFTER = re.compile(
    r"^\s+(?:more\s+|each\s+)?(?:in|over|above|were|was|have been|had been)\b", _I
)
#: "44 drones", "пятнадцать украинских БПЛА", "дронов — восемь —".
_WEAPON_COUNT = re.compile(
    rf"(?<![\w-])(?:{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?{_WEAPON_WORD}(?!\w)|"
    rf"(?<!\w){_WEAPON_WORD}\s*[—–-]\s*(?:{NUMBER_PATTERN})(?!\w)",
    _I,
)
_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:%|per ?cent|km|kilomet|miles|tonnes|times|hours|years?|am\b|pm\b|regions|"
    r"oblasts|процент|відсот|км|кілометр|километр|метр|тонн|раз|час|годин|хвилин|минут|"
    r"лет\b|рок|год|градус|единиц|одиниц|квадрат|област|регион|регіон|район|сут|доб|"
    r"из них|з них|із них|человек|людей|пожарн|people|persons|residents|homes|households|"
    r"houses|buildings|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")",
    _I,
)
_CLAIMED_SIDE = re.compile(
    rf"(?P<n>{NUMBER_PATTERN})\s+(?P<side>Ukrainian|Russian|украинск\w*|українськ\w*|"
    rf"российск\w*|російськ\w*)\s+(?:[\w-]+\s+)?{_WEAPON_WORD}(?!\w)|"
    rf"(?<!\w)(?:БПЛА|беспилотник\w*|дрон\w*)\s+(?P<forces>ВСУ|украинской армии)(?!\w)",
    _I,
)
_REMINDER = re.compile(
    r"(?:Напомним|Нагадаємо|Ранее|Раніше|Earlier|Previously|Recall)\b", re.IGNORECASE
)
_TALKS = _rx(
    r"\b(?:moratorium|truce|ceasefire|cease-fire|negotiat\w+|peace talks|peace plan)\b",
    r"моратори\w*|мораторі\w*|перемири\w*|перемир{_A}\w*|переговор\w*|прекращени\w+ огня|"
    r"припиненн\w+ вогню".replace("{_A}", _A),
)
_NATIONAL = _rx(
    r"\b(?:across|throughout|all over) (?:Ukraine|Russia|the country)\b|\bnationwide\b",
    r"по всей (?:Украине|России|стране)|по всій (?:Україні|Росії|країні)|"
    r"по всіх регіонах|по всем регионам",
)
_HEDGED = _rx(
    r"\b(?:may|might) have been\b|\bpossible (?:drone |missile )?(?:strike|attack)|"
    r"\bpossibly\b|\bapparent(?:ly)?\b|\bsuspected\b",
    r"(?<!\w)(?:предположительно|вероятно|возможно|по всей видимости|ймовірно|можливо|"
    r"імовірно|вірогідно)(?!\w)",
)
#: Outages the weather caused: not a strike, whatever else the article reports.
_WEATHER = _rx(
    r"\b(?:storms?|snow(?:fall|storms?)?|blizzards?|icing|ice|gales?|hurricanes?|"
    r"bad weather|weather conditions|heavy rain|strong winds?|wind)\b",
    r"непогод\w*|негод\w*|снегопад\w*|снігопад\w*|ожелед\w*|гололед\w*|гололёд\w*|"
    r"ураган\w*|шторм\w*|(?:сильн|пориви|порыв)\w* (?:ветр|вітр)\w*|хуртовин\w*|метел\w*",
)
#: An earlier attack recalled as such ("Previous attack: on the night of June 3",
#: "Попередня масштабна атака на область, 2 листопада"): background, not news.
_PREVIOUS = _rx(
    r"\bprevious (?:\w+ )?(?:attacks?|strikes?|raids?)\b",
    r"(?<!\w)(?:попередн|предыдущ)\w* (?:\w+ )?(?:атак|удар|обстр|налет|наліт)\w*",
)
#: A sentence telling when "the attack" happened: it dates the event it follows.
_WHEN_THE_ATTACK = _rx(
    r"^(?:The|This|That) (?:\w+ )?(?:attack|strike|shelling|raid|assault|bombardment)s? "
    r"(?:came|happened|took place|occurred|was (?:carried out|launched|made)|began|started)\b",
    r"^(?:Атака|Удар|Обстрел|Обстріл|Нападение|Напад)\w* (?:\w+ )?(?:произош\w*|случил\w*|"
    r"состоял\w*|был[аио]?|началс\w*|началась|відбул\w*|стал\w*|сталас\w*|стався|"
    r"розпочал\w*)(?!\w)",
)
_ELSEWHERE = _rx(
    r"\bin (?:a|the) neighbou?ring (?:region|oblast|province)",
    r"(?:в|у) сусідн\w+ (?:регіон|област)\w*|в соседн\w+ (?:регион|област)\w*",
)
_ANOTHER_SITE = _rx(
    r"\b(?:another|a second)\s+(?:\w+\s+){0,2}?(?:facility|site|plant|station)",
    # "об'єкт іншої енергетичної компанії", "ещё один объект"; not "інші об'єкти
    # інфраструктури" (other things hit, not a second energy site).
    rf"інш\w+ (?:енергетичн\w+ )?компані\w*|друг\w+ (?:энергетическ\w+ )?компани\w*|"
    rf"ещ[её] один (?:энергетическ\w+ )?объект|ще один (?:енергетичн\w+ )?об{_A}єкт",
)


#: "подстанции, принимающие ток от атомных станций": the plants feed the site, not hit.
_SUPPLIED_FROM = _rx(
    r"\b(?:power|electricity|energy|supplied|fed)\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:\w+\s+)?$",
    r"(?<!\w)(?:ток|энерги\w*|электроэнерги\w*|струм|енергі\w*|електроенергі\w*)\s+"
    r"(?:от|від)\s+(?:\w+\s+)?$",
)
#: "две подстанции", "two substations", "дві нафтобази": that many sites of one kind.
_COUNTED = re.compile(
    r"(?<!\w)(?P<n>two|three|four|five|две|два|три|четыре|пять|дві|чотири|п'ять|п’ять)\s+"
    r"(?:[\w'’-]+\s+)?$",
    _I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "две": 2, "два": 2, "три": 3,
                "четыре": 4, "пять": 5, "дві": 2, "чотири": 4, "п'ять": 5, "п’ять": 5}  # fmt: skip
#: Discrete sites a count may multiply (lines and grids are counted by the place, not
#: the span: "two power lines in Nikopol" is one strike there).
COUNTABLE = frozenset(
    {"substation", "oil_depot", "thermal_power_plant", "chp", "hydro_power_plant", "heating_plant"}
)


def counted(text: str, hit: Hit) -> int:
    """How many sites a facility word names: 2 for "две подстанции", else 1."""
    if hit.kind not in COUNTABLE:
        return 1
    match = _COUNTED.search(text[: hit.start])
    return _COUNT_WORDS[match["n"].lower()] if match else 1


@dataclass(frozen=True)
class Hit:
    """A facility word in a sentence: where it is and what kind of site it names."""

    start: int
    end: int
    kind: str


def facility_hits(text: str) -> list[Hit]:
    """Every facility word in the sentence, with generic energy and outage words as
    ``other_energy``, in text order."""
    hits = [
        Hit(m.start(), m.end(), kind)
        for kind, rx in FACILITIES
        for m in rx.finditer(text)
        if not _SUPPLIED_FROM.search(text[: m.start()])
    ]
    hits += [
        Hit(m.start(), m.end(), "other_energy")
        for rx in (_GENERIC_ENERGY, _OUTAGE)
        for m in rx.finditer(text)
    ]
    return sorted(hits, key=lambda h: h.start)


def sites(kinds: Iterable[str]) -> list[str]:
    """The sites a run of facility words names, in order: one per family, the most
    specific word of each (a CHP called a thermal power station is one CHP; a depot's
    pipes are the depot); generic energy words name a site only where nothing specific
    does."""
    order = [kind for kind, _ in FACILITIES]
    chosen: dict[str, str] = {}
    for kind in kinds:
        if kind == "other_energy":
            continue
        family = _FAMILIES.get(kind, kind)
        if family not in chosen or order.index(kind) < order.index(chosen[family]):
            chosen[family] = kind
    # Pipes at a refinery or depot ("трубопровод между резервуарами") are part of it.
    if chosen.keys() & {"refining", "oil_storage"}:
        chosen.pop("pipeline", None)
    return list(chosen.values())


def weapon(texts: Iterable[str]) -> str:
    """Schema weapon from every weapon word in the event's sentences."""
    joined = " ".join(texts)
    found = {name for name, rx in _WEAPONS.items() if rx.search(joined)}
    if "glide_bomb" in found:
        return "glide_bomb"
    if {"drone", "missile"} <= found:
        return "drone_and_missile"
    for name in ("drone", "missile", "artillery"):
        if name in found:
            return name
    return "unknown"


def attacker_cue(text: str) -> str | None:
    """The side a sentence names as attacking ("Ukrainian drones", "Russia attacked",
    "БПЛА ВСУ", "росіяни атакували"); "enemy" for "ворог", "вражеский дрон" (whose side
    depends on who writes)."""
    hits = [(m.start(), side) for side, rx in _SIDE_CUES if (m := rx.search(text))]
    return min(hits)[1] if hits else None


def claimed_side(text: str) -> str | None:
    """The side of the weapons in an interception claim ("44 Ukrainian drones",
    "пятнадцать украинских БПЛА", "беспилотников ВСУ")."""
    match = _CLAIMED_SIDE.search(text)
    if match is None:
        return None
    if match["forces"]:
        return "ukraine"
    return "ukraine" if match["side"].lower().startswith(("ukr", "укр")) else "russia"


def is_strike(text: str) -> bool:
    return bool(_STRIKE.search(text))


def is_outage(text: str) -> bool:
    """Reports supply cut ("without power", "обесточены", "outage")."""
    return bool(_OUTAGE.search(text))


def is_energy(text: str) -> bool:
    return bool(facility_hits(text))


def is_eventish(text: str) -> bool:
    """Says something about an attack or its effects (so it may continue an event)."""
    return (
        is_strike(text)
        or is_energy(text)
        or bool(_EFFECTS.search(text))
        or affected(text) is not None
    )


def is_background(text: str) -> bool:
    """General or historical statement ("has repeatedly targeted", "since 2022", "Ранее",
    "від початку")."""
    return bool(_BACKGROUND.search(text))


def is_modal(text: str) -> bool:
    """Future, hypothetical or negotiated ("will", "могут", "мораторий", "якщо")."""
    return bool(_MODAL.search(text))


def is_negated(text: str) -> bool:
    return bool(_NEGATED.search(text))


def is_denial(text: str) -> bool:
    return bool(_DENIAL.search(text))


def is_separate(text: str) -> bool:
    """Opens with "Separately," / "Тем временем": a new event, not dated by the lead."""
    return bool(_SEPARATE.search(text))


def is_occupied(text: str) -> bool:
    return bool(_OCCUPIED.search(text))


def quotes_installed_head(text: str) -> bool:
    """Names a head Russia installed in an occupied region (Сальдо, Балицкий, Aksyonov)."""
    return bool(_INSTALLED_HEADS.search(text))


def is_another_site(text: str) -> bool:
    """Says a further site was hit ("об'єкт іншої енергетичної компанії")."""
    return bool(_ANOTHER_SITE.search(text))


def is_reminder(text: str) -> bool:
    """Opens by recalling an earlier event ("Напомним, ...", "Нагадаємо", "Earlier,")."""
    return bool(_REMINDER.match(text))


def is_about_talks(title: str) -> bool:
    """A headline about a moratorium, truce or talks that names no particular kind of site
    ("Песков: приказ о моратории на удары по энергетике выполняется"): the strikes its
    article lists are the sides' arguments, not news."""
    specific = any(hit.kind != "other_energy" for hit in facility_hits(title))
    return bool(_TALKS.search(title)) and not specific


def is_national(text: str) -> bool:
    """About the whole country ("energy facilities across Ukraine", "по всій Україні"):
    not a continuation of a regional event."""
    return bool(_NATIONAL.search(text))


def is_hedged(text: str) -> bool:
    """Leaves open whether it was an attack at all ("after what may have been a drone
    strike", "предположительно", "ймовірно")."""
    return bool(_HEDGED.search(text))


def is_weather(text: str) -> bool:
    """Puts an outage down to the weather ("Storms, wind, snow and rain cut power")."""
    return bool(_WEATHER.search(text)) and not is_strike(_WEATHER.sub("", text))


def is_previous(text: str) -> bool:
    """Recalls "the previous attack": an earlier strike, even when dated."""
    return bool(_PREVIOUS.search(text))


def dates_the_attack(text: str) -> bool:
    """Says when "the attack" happened ("The attack came overnight on Dec. 10", "Атака
    произошла в ночь на ..."): its day is the day of the strike it follows."""
    return bool(_WHEN_THE_ATTACK.search(text))


def is_elsewhere(text: str) -> bool:
    """Says the attack was in another region ("после атаки в соседнем регионе"): the
    places named only felt it."""
    return bool(_ELSEWHERE.search(text))


def is_regional_official(text: str) -> bool:
    """A governor, mayor or regional administration speaks (their region's claim)."""
    return bool(_REGIONAL_OFFICIAL.search(text))


_OFFICIAL_NAME = re.compile(
    r"\b(?:Gov\.|Governor|Mayor)\s+(?:[A-Z][\w'’-]+\s+){0,2}(?P<surname>[A-Z][\w'’-]{2,})|"
    r"(?<!\w)(?:губернатор\w*|мэр\w*|глав\w+ (?:региона|области|города)|очільник\w*|"
    r"голов\w+ \S+ (?:ОВА|ОДА))\s+(?:[^\s,.]+\s+){0,3}?[А-ЯІЇЄҐЁ][а-яіїєґё'’]+\s+"
    r"(?P<cyrillic>[А-ЯІЇЄҐЁ][а-яіїєґё'’-]{2,})"
)


def official_mentions(text: str) -> list[tuple[str, int]]:
    """Surnames of governors and mayors a sentence introduces, with where their title
    stands ("Governor Vasily Golubev", "губернатор Воронежской области Александр Гусев")."""
    return [(m["surname"] or m["cyrillic"], m.start()) for m in _OFFICIAL_NAME.finditer(text)]


def official_names(text: str) -> frozenset[str]:
    """Surnames of the governors and mayors an article introduces."""
    return frozenset(name for name, _ in official_mentions(text))


def official_confirms(
    text: str, target_country: str, officials: frozenset[str] = frozenset()
) -> bool:
    """An official or operator of the attacked side reports it (governor, Ukrenergo...).

    ``officials`` are surnames introduced elsewhere in the article, so "Golubev wrote"
    counts once the lead has said who Golubev is.
    """
    if _REGIONAL_OFFICIAL.search(text) or _NATIONAL_OFFICIAL.search(text):
        return True
    if any(re.search(rf"\b{re.escape(name)}\b", text) for name in officials):
        return True
    company = _COMPANIES.get(target_country)
    return bool(company and company.search(text))


def affected(text: str) -> tuple[int, str] | None:
    """A figure of those left without supply and its unit ("households", "customers",
    "residents", "people"), as reported ("5,000 residents", "пяти тысяч абонентов",
    "90 тисяч родин")."""
    if not _AFFECTED.search(text):
        return None
    match = _HOUSEHOLDS.search(text)
    if match is None:
        return None
    value = parse_number(match["n"])
    unit = affected_unit(re.sub(_A, "", match["unit"]))
    return (value, unit) if value is not None and unit else None


def interception_counts(text: str, *, follows_claim: bool = False) -> list[tuple[int, int]] | None:
    """Counts in an interception claim as (value, position); None if it is not one.

    "55 of 63 drones" counts 55 (63 were launched); numbers before a month or a
    unit are not counts. Right after a claim, a sentence may leave the weapon out
    ("Another five were downed over the Belgorod region").
    """
    claim = _INTERCEPTION.search(text) and _WEAPON_COUNT.search(text)
    continued = follows_claim and bool(_INTERCEPT_ONLY.search(text))
    # "сили ППО працювали, ворожі цілі знищено", "The rest were destroyed over ...": a
    # claim with no figure, when the sentence says nothing else (no site hit).
    uncounted = (continued or bool(_UNCOUNTED_CLAIM.search(text))) and not facility_hits(text)
    if not (claim or continued):
        return [] if uncounted else None
    counts = []
    for match in _COUNT.finditer(text):
        value = parse_number(match["n"])
        before, after = text[: match.start()], text[match.end() :]
        english_word = match["n"][0].isalpha() and match["n"][0].isascii()
        if (
            value is None
            or (english_word and not _WEAPON_AFTER.match(after) and not _PLACE_AFTER.match(after))
            or re.search(r"\b(?:of|із|из|з)\s+$", before, _I)
            or _NOT_A_COUNT_AFTER.match(after)
            or (1900 <= value <= 2100 and re.fullmatch(r"\d{4}", match["n"]))
        ):
            continue
        counts.append((value, match.start()))
    return counts or ([] if uncounted else None)


def total_intercepted(text: str, counts: list[tuple[int, int]]) -> int:
    """A claim's total: the counts summed, leaving out parts ("including 14 over ...",
    "из них 24")."""
    return sum(
        value
        for value, position in counts
        if not re.search(r"(?:\bincluding|из них|з них|із них)\s+$", text[:position], _I)
    )


def shared_each(text: str, position: int) -> bool:
    """ "one each over the Belgorod region and Kalmykia": the count is every region's own."""
    return bool(
        re.match(rf"(?:{NUMBER_PATTERN})\s+(?:each|по)\b", text[position:], _I)
        or re.search(r"(?<!\w)по\s+$", text[:position], _I)  # "ще по одному — над ..."
    )


_EFFECT_TAGS = (
    ("power outage", _OUTAGE),
    (
        "heating disrupted",
        _rx(
            r"\bheating\b|\bheat\b|\bhot water\b",
            r"отоплени\w*|опаленн\w*|теплоснабжени\w*|теплопостачанн\w*|(?:горяч|гаряч)\w+ вод\w*",
        ),
    ),
    (
        "fire",
        _rx(
            r"\bfires?\b|\bblaze\b|\bcaught fire\b",
            r"пожар\w*|пожеж\w*|возгорани\w*|загор\w*|полум\w*",
        ),
    ),
    (
        "damage",
        _rx(
            r"\bdamag\w+|\bdestroyed\b|\bknocked out\b",
            r"поврежд\w*|пошкод\w*|разрушен\w*|зруйнован\w*|руйнуван\w*",
        ),
    ),
    (
        "casualties",
        _rx(
            r"\binjur\w+|\bkill\w+|\bdead\b|\bwounded\b",
            r"погиб\w*|загин\w*|ранен\w*|поранен\w*|травмован\w*",
        ),
    ),
)


def effects(texts: Iterable[str]) -> str:
    """Short effect tags for the native ``effects`` column ("power outage; fire")."""
    joined = " ".join(texts)
    return "; ".join(tag for tag, rx in _EFFECT_TAGS if rx.search(joined))
