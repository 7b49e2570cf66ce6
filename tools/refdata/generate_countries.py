#!/usr/bin/env python3
"""Generate ``migrations/data/countries.json`` from published reference sources.

Sources (nothing here is typed by hand except the Pioneer list and the
single Antarctica special case, both documented below):

* Codes and English names: Debian's ``iso-codes`` package
  (``/usr/share/iso-codes/json/iso_3166-1.json``; generated with iso-codes
  4.15.0).  ``name`` is the entry's ``common_name`` when it has one
  (e.g. "Bolivia", "Tanzania"), otherwise its ISO ``name``.
* French, Spanish and Portuguese names (``name_fr``, ``name_es``,
  ``name_pt``): the ``fr``, ``es`` and ``pt`` gettext catalogues of the same
  package (``/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo``; ``pt`` is
  the European Portuguese catalogue, not ``pt_BR``).  The translation of
  ``common_name`` is preferred when the catalogue has one, else the
  translation of ``name``.  A few msgids are missing from Debian's 4.15.0
  catalogues (they predate the "Türkiye" rename, and lack e.g. "Syria"); for
  those the newer iso-codes catalogue of the same language bundled in the
  PyPI package ``pycountry`` is consulted.  The first letter is upper-cased,
  because the 4.15.0 French catalogue writes some names as "îles Cook"
  (newer upstream catalogues write "Îles Cook").
* Regions: the PyPI package ``country_converter`` (its ``country_data.tsv``).
  Its ``UNregion`` column holds the UN M49 *sub*-region (e.g. "Eastern
  Africa"); it is mapped onto the five M49 regions Africa, Americas, Asia,
  Europe, Oceania.  Antarctica (ATA) has no M49 region and gets
  "Antarctica".  Any entry whose sub-region is missing or unknown falls back
  to the ``continent`` column and is printed.
* ``pioneer``: the 47 Global Pioneer Alliance countries (PIONEERS below).

Regenerate (from the repository root)::

    apt-get install iso-codes          # Debian/Ubuntu
    pip install country_converter pycountry
    python3 tools/refdata/generate_countries.py

The script prints the versions it used and every fallback it applied, and
fails if the result is not 249 countries with 47 pioneers and no empty field.
"""

from __future__ import annotations

import csv
import gettext
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALE_DIR = "/usr/share/locale"
OUT = Path(__file__).resolve().parents[2] / "migrations" / "data" / "countries.json"

PIONEERS = set(
    """
    AGO ARM BWA BRA BFA KHM CAN CHL COL CIV SLV ETH FIN FRA GEO GIN HND ISL
    IDN IRQ JAM JPN JOR KEN MEX MNG MNE NAM NGA PNG PRY PHL PER ROU SLE ZAF
    ESP LKA SWE TZA TLS TUR UGA ARE UZB ZMB ZWE
    """.split()
)

# UN M49 sub-region -> M49 region.
M49_SUBREGION_TO_REGION = {
    "Northern Africa": "Africa",
    "Eastern Africa": "Africa",
    "Middle Africa": "Africa",
    "Southern Africa": "Africa",
    "Western Africa": "Africa",
    "Caribbean": "Americas",
    "Central America": "Americas",
    "South America": "Americas",
    "Northern America": "Americas",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}

# country_converter ``continent`` column -> M49 region (fallback only).
CONTINENT_TO_REGION = {
    "Africa": "Africa",
    "America": "Americas",
    "Asia": "Asia",
    "Europe": "Europe",
    "Oceania": "Oceania",
    "Antarctica": "Antarctica",
}

VALID_REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"}


def iso_codes_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            capture_output=True, text=True, check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# (output field, gettext language, language name used in messages)
LANGUAGES = (
    ("name_fr", "fr", "French"),
    ("name_es", "es", "Spanish"),
    ("name_pt", "pt", "Portuguese"),
)


def load_catalogues(lang: str):
    """Return (debian_catalog, pycountry_catalog_or_None, pycountry_version)."""
    debian = gettext.translation("iso_3166-1", localedir=LOCALE_DIR, languages=[lang])
    try:
        import pycountry  # noqa: PLC0415

        mo = Path(pycountry.LOCALES_DIR) / lang / "LC_MESSAGES" / "iso3166-1.mo"
        with open(mo, "rb") as fh:
            newer = gettext.GNUTranslations(fh)
        from importlib.metadata import version  # noqa: PLC0415

        return debian._catalog, newer._catalog, version("pycountry")
    except ImportError:
        return debian._catalog, None, None


def load_regions():
    import country_converter  # noqa: PLC0415

    tsv = Path(os.path.dirname(country_converter.__file__)) / "country_data.tsv"
    rows = {}
    with open(tsv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            rows[row["ISO3"]] = row
    return rows, country_converter.__version__


# Names the catalogues get wrong (misspelt, or left in English), by language and alpha-3 code:
# the spelling of the Real Academia Española's list of country names.
CORRECTIONS = {
    "es": {
        "ALA": "Islas Åland",
        "CIV": "Costa de Marfil",
        "DZA": "Argelia",
        "SUR": "Surinam",
        "SXM": "San Martín (parte neerlandesa)",
        "TUN": "Túnez",
    },
}


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def main() -> int:
    entries = json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]
    catalogues = {}
    pycountry_version = None
    for _field, lang, _language in LANGUAGES:
        debian, newer, pycountry_version = load_catalogues(lang)
        catalogues[lang] = (debian, newer)
    cc_rows, cc_version = load_regions()
    print(f"iso-codes {iso_codes_version()}, country_converter {cc_version}, "
          f"pycountry {pycountry_version or 'not installed'}")

    fallbacks: list[str] = []

    def translate(lang: str, language: str, code: str, msgid: str) -> str | None:
        debian, newer = catalogues[lang]
        if msgid in debian:
            return debian[msgid]
        if newer is not None and msgid in newer:
            fallbacks.append(f"{code}: {language} for {msgid!r} not in Debian catalogue, "
                             f"took {newer[msgid]!r} from pycountry's catalogue")
            return newer[msgid]
        return None

    def localised(lang: str, language: str, code: str, e: dict) -> str:
        name_l = None
        if "common_name" in e:
            name_l = translate(lang, language, code, e["common_name"])
        if name_l is None:
            name_l = translate(lang, language, code, e["name"])
        if name_l is None:
            raise SystemExit(f"{code}: no {language} name for {e['name']!r}")
        if name_l[:1].islower():
            fallbacks.append(f"{code}: upper-cased first letter of {language} {name_l!r}")
            name_l = upper_first(name_l)
        corrected = CORRECTIONS.get(lang, {}).get(code)
        if corrected is not None:
            fallbacks.append(f"{code}: {language} {name_l!r} corrected to {corrected!r}")
            name_l = corrected
        return unicodedata.normalize("NFC", name_l)

    countries = []
    for e in entries:
        code = e["alpha_3"]
        name = e.get("common_name") or e["name"]

        names = {field: localised(lang, language, code, e)
                 for field, lang, language in LANGUAGES}

        row = cc_rows.get(code, {})
        sub = (row.get("UNregion") or "").strip()
        if sub in M49_SUBREGION_TO_REGION:
            region = M49_SUBREGION_TO_REGION[sub]
        elif code == "ATA":
            region = "Antarctica"
            fallbacks.append("ATA: no M49 region, region set to 'Antarctica'")
        else:
            cont = (row.get("continent") or "").strip()
            region = CONTINENT_TO_REGION.get(cont)
            if region is None:
                raise SystemExit(f"{code}: no region (UNregion={sub!r}, continent={cont!r})")
            fallbacks.append(f"{code}: UNregion {sub!r} unusable, region {region!r} "
                             f"from continent column")

        countries.append({
            "code": code,
            "name": unicodedata.normalize("NFC", name),
            "name_fr": names["name_fr"],
            "name_es": names["name_es"],
            "name_pt": names["name_pt"],
            "region": region,
            "pioneer": code in PIONEERS,
        })

    countries.sort(key=lambda c: c["code"])

    # Validation.
    codes = [c["code"] for c in countries]
    assert len(countries) == 249, len(countries)
    assert len(set(codes)) == 249
    assert PIONEERS <= set(codes), PIONEERS - set(codes)
    assert len(PIONEERS) == 47, len(PIONEERS)
    assert sum(c["pioneer"] for c in countries) == 47
    for c in countries:
        for k in ("name", "name_fr", "name_es", "name_pt", "region"):
            assert c[k] and c[k].strip() == c[k], (c, k)
        assert c["region"] in VALID_REGIONS, c

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(countries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print(f"wrote {OUT} ({len(countries)} countries, "
          f"{sum(c['pioneer'] for c in countries)} pioneers)")
    by_region: dict[str, int] = {}
    for c in countries:
        by_region[c["region"]] = by_region.get(c["region"], 0) + 1
    print("regions:", dict(sorted(by_region.items())))
    if fallbacks:
        print("fallbacks:")
        for f in fallbacks:
            print("  " + f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
