"""names10: add the helpers' names and the checked catalogue fixes to the data files.

Run once from the repository root (it refuses to run twice). Every change below was
read against the helper's notes and pages; what was left out, and why, is listed.
"""

from pathlib import Path

import pandas as pd

HERE = Path("data/research/names10")
NAMES, FIXES = Path("data/facility-aliases.csv"), Path("data/facility-corrections.csv")

#: Rows not taken: the only Cyrillic source is a machine translation of an English page
#: (Costesti), the row is a duplicate dropped below whose plant is named already, or the
#: only source of the name is a pro-Russian "coordinator" (Ternopil).
SKIP_ROWS = {"wri-1002987", "wri-1003769", "ua-depot-ternopil"}
#: Aliases the helper wrote or shortened itself, or that name other places too
#: ("нафтобаза під Києвом" is also Vasylkiv), or that were read in Latin letters.
SKIP_ALIASES = {
    "ЯНПЗ",
    "нафтобаза під Києвом",
    "нефтебаза в Калиновке",
    "нафтобаза Західної нафтогазової компанії (ЗНГК)",
    "нафтобаза в районі населеного пункту Октябрське",
    "газорозподільча станція в Покровській громаді",
    "ГРС Костянтинівка",
    "надземный стальной газопровод низкого давления в Шебекино",
    "Уфимський нафтопереробний завод імені XXII з'їзду КПРС",
    "Осколнафтопостач",  # read on a later attack; not shown to be the same depot
    "Пензенская ТЭЦ-2",  # read only in a page address
    # The 2024 oil depot in Kursk, now its own row (ru-depot-kursk-city), not the
    # airfield's fuel tank of 2022.
    *("нефтебаза в Курске", "нафтобаза в Курську"),
    *("ТЭЦ-4", "ГЭС-5", "Головная ГЭС"),  # generic: they would name many plants
}
#: Short generic names as pages write them beside the town ("ТЭЦ-10" in a Berezniki
#: article): true, but as names they would match any plant of that number, so they are
#: left out, as in earlier passes (data/README.md).
GENERIC_NAMES = {"ТЭЦ-1", "ТЭЦ-2", "ТЭЦ-4", "ТЭЦ-10", "ТЭЦ-17", "ГРЭС-2"}
#: WRI English labels that name the operator or are garbled (fixes-bulk.csv).
NEW_ENGLISH = {
    "wri-1003833": "Kursk CHPP of the North-Western District",
    "wri-1003851": "Vladimir CHPP-2",
    "wri-1003801": "Saratov GRES",
}
_NO_SITE = ("latitude", ""), ("longitude", ""), ("coord_precision", "none")
#: (site, [(field, value)], source, note): from fixes-bulk.csv and fixes-renew.csv.
FIX_ROWS = [
    (
        "wri-1003769",
        [("duplicate_of", "wri-1061741")],
        "bulk",
        "Novocheboksarsk has one 370 MW plant, ТЭЦ-3; WRI lists it twice",
    ),
    (
        "wri-1003732",
        [("duplicate_of", "wri-1061771")],
        "bulk",
        "Kizel GRES-3 in Gubakha, listed twice by WRI",
    ),
    (
        "wri-1003712-ivanovskaya-chpp-3",
        [("admin1_iso", "RU-IVA"), *_NO_SITE],
        "bulk",
        "Ivanovo CHPP-3 is in Ivanovo; WRI's point is Chelyabinsk CHP-3's",
    ),
    (
        "wri-1003836-tpp-2",
        list(_NO_SITE),
        "bulk",
        "Quadra has no plant in Rostov; WRI's point is another plant's",
    ),
    (
        "wri-1003836-tpp-2-2",
        list(_NO_SITE),
        "bulk",
        "Quadra has no plant in Rostov; WRI's point is another plant's",
    ),
    (
        "wri-1003834-tpp-1",
        list(_NO_SITE),
        "bulk",
        "Quadra has no plant in Bashkortostan; WRI's point is Ufa TPP-1's",
    ),
    (
        "wri-1003834-tpp-1-2",
        list(_NO_SITE),
        "bulk",
        "Quadra has no plant in Bashkortostan; WRI's point is Ufa TPP-1's",
    ),
    (
        "wri-1003736",
        list(_NO_SITE),
        "bulk",
        "the Komsomolsk CHPPs are in Komsomolsk-on-Amur; WRI's point is Nikolaevsk-on-Amur's plant",
    ),
    (
        "wri-1061681",
        list(_NO_SITE),
        "bulk",
        "Kurush HPP is in southern Dagestan; WRI's point is Gergebil HPP's",
    ),
    ("wri-1062044", [("admin1_iso", "RU-YAN")], "renew", "TPP Polyarnaya is in Salekhard"),
    (
        "wri-1062159",
        [("admin1_iso", "RU-KL")],
        "renew",
        "the ALTEN wind project is at Peschany, Priyutnensky district",
    ),
    (
        "wri-1061935",
        [("admin1_iso", "RU-ULY")],
        "renew",
        "a planned Ulyanovsk wind site (Isheevka)",
    ),
    ("wri-1061936", [("admin1_iso", "RU-ULY")], "renew", "a planned Ulyanovsk wind site (Karsun)"),
    (
        "wri-1061937",
        [("admin1_iso", "RU-ULY")],
        "renew",
        "a planned Ulyanovsk wind site (Novaya Mayna)",
    ),
    ("wri-1062014", [("admin1_iso", "RU-KDA")], "renew", "VES-Yug's Mirny site, Yeysk district"),
    (
        "wri-1062015",
        [("admin1_iso", "RU-KDA")],
        "renew",
        "VES-Yug's Oktyabrsky site, Yeysk district",
    ),
    ("wri-1062017", [("admin1_iso", "RU-KDA")], "renew", "the VGK wind park in Temryuk district"),
    ("wri-1062056", [("admin1_iso", "RU-KAM")], "renew", "the Ust-Kamchatsk wind-diesel complex"),
    (
        "wri-1062034",
        [("admin1_iso", "RU-ALT")],
        "renew",
        "Vent Rus sites in Slavgorodsky and Kulundinsky districts",
    ),
    (
        "wri-1062033",
        [("admin1_iso", "RU-ALT")],
        "renew",
        "Vent Rus sites in Slavgorodsky and Kulundinsky districts",
    ),
]


def helper_names(*helpers: str) -> pd.DataFrame:
    parts = [
        pd.read_csv(HERE / f"names-{who}.csv", dtype=str, keep_default_na=False) for who in helpers
    ]
    names = pd.concat(parts, ignore_index=True)
    names = names[~names["facility_id"].isin(SKIP_ROWS)].copy()
    names["aliases"] = names["aliases"].map(
        lambda text: "|".join(a for a in text.split("|") if a.strip() not in SKIP_ALIASES)
    )
    names["name_en"] = names["facility_id"].map(NEW_ENGLISH).fillna(names["name_en"])
    names.loc[names["name_ru"].isin(GENERIC_NAMES), "name_ru"] = ""
    names = names[(names[["name_en", "name_uk", "name_ru", "aliases"]] != "").any(axis=1)]
    return names


def fix_rows() -> pd.DataFrame:
    sources = {
        who: pd.read_csv(HERE / f"fixes-{who}.csv", dtype=str, keep_default_na=False)
        .drop_duplicates("facility_id")
        .set_index("facility_id")["source_url"]
        for who in ("bulk", "renew")
    }
    return pd.DataFrame(
        [
            {"facility_id": site, "field": field, "value": value,
             "source_url": sources[who][site], "note": f"names10: {note}"}
            for site, changes, who, note in FIX_ROWS
            for field, value in changes
        ]
    )  # fmt: skip


def with_other_language(names: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Rows of the names file completed with the language a site lacked (names-struck.csv:
    sites that strikes link to): the empty name is filled, aliases, pages and notes are
    added to the row's own."""
    names = names.set_index("facility_id")
    for row in found.set_index("facility_id").itertuples():
        old = names.loc[row.Index]
        for column in ("name_uk", "name_ru"):
            if getattr(row, column) and not old[column]:
                names.loc[row.Index, column] = getattr(row, column)
        joined = {
            "aliases": "|".join(a for a in (old["aliases"], row.aliases) if a),
            "source_url": f"{old['source_url']} | {row.source_url}",
            "notes": f"{old['notes']} · names10: {row.notes}",
        }
        for column, value in joined.items():
            names.loc[row.Index, column] = value
    return names.reset_index()


if __name__ == "__main__":
    names = pd.read_csv(NAMES, dtype=str, keep_default_na=False)
    if names["notes"].str.contains("names10:").any():
        raise SystemExit("names10 is merged already")
    struck = helper_names("struck")
    names = with_other_language(names, struck[struck["facility_id"].isin(names["facility_id"])])
    added = helper_names("sites", "renew", "bulk")
    added["notes"] = "names10: " + added["notes"]
    pd.concat([names, added]).to_csv(NAMES, index=False)
    fixes = pd.read_csv(FIXES, dtype=str, keep_default_na=False)
    pd.concat([fixes, fix_rows()]).to_csv(FIXES, index=False)
