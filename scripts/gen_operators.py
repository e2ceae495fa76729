#!/usr/bin/env python3
"""Generates ontology/gazetteer/operators.toml: the mobile network operators of Europe.

Source: the npm package `mcc-mnc-list` (the MCC-MNC table of Wikipedia as JSON), fetched
with `npm pack` into a temporary folder; its version is written into the file's header.

    python3 scripts/gen_operators.py                 # npm pack, then write the file
    python3 scripts/gen_operators.py --json FILE     # an already unpacked mcc-mnc-list.json

Countries: EU, EEA (Iceland, Liechtenstein, Norway), United Kingdom, Switzerland, the
Faroe Islands, Greenland, Åland (under Finland's MCC), Gibraltar, Guernsey, Jersey, the
Isle of Man, the micro-states (Andorra, Monaco, San Marino) and France's overseas
departments and collectivities (one MCC for the Antilles and Guiana, one for Réunion and
Mayotte: their entities get country FR).

Which records: status "Operational" or "Temporary operational"; not a test network (notes
or bands say so, or type "Test"); not a railway (GSM-R), emergency (TETRA) or satellite
network, a private-network block or an event network (EXCLUDED_OPERATORS below). One
entity per brand and country (duplicates per country merged).

Names and ids:
- `name` is the brand (cleaned: BRAND_FIX), `aliases` the operator (legal) name when it
  differs, with and without its legal form ("Polkomtel Sp. z o.o.", "Polkomtel"). An
  operator name that several brands of one country share names their parent: it goes only
  to the brand that runs the radio network (the record that is not an MVNO), if exactly one.
- id: a lowercase ASCII slug of the brand; when two countries share a brand every one of
  them is qualified by its country in English ("lycamobile-sweden", "three-uk"), and the
  bare brand names one group entity of its own (id the bare slug, unless the brand is a
  homonym of unrelated companies: HOMONYM_BRANDS), so that "Lycamobile Sverige" resolves
  to the national unit as telekg does for "Telia Danmark".
- core.toml is hand-written and wins: a name equal (case-insensitively, legal form
  stripped) to a name, alias, context alias or former name of a core entity is never
  repeated here. When that name is the brand only (the group: "Telia", "Vodafone",
  "Orange"), the national unit stays, named "<brand> <country>" ("Telia Denmark", with the
  alias "Telia Danmark" in the country's own language); when the unit's own name is in core
  (Telia Norge AS, Hi3G Access AB, "Tre Sverige") the record is core's entity and skipped.
  Core ids are never reused.

PRECISION RULES (the gazetteer's plain names match anywhere, case-sensitively):
- A name that is a common word in nb, nn, sv, da, fr, en or de, or in general ("Three",
  "Free", "Orange", "Play", "Plus", "Salt", "Base", "Epic", "Nova", "Only", "Post" ...:
  COMMON_WORDS, checked against the word lists of those languages) is never a plain name or
  alias. It goes into `context_aliases` (matched only where the article also names the
  entity by another name), and the entity gets a distinctive `name`: DISTINCT_NAME, else the
  operator's legal name when that is not a common word itself, else "<brand> <country>"
  ("Three UK", "Play Poland").
- Names of one or two characters ("3", "A1", "O2", "EE", "JT") are never plain names:
  two-character ones go to `context_aliases` (an article that says "O2 UK" may then say
  "O2"), one-character ones are left out, but for a digit brand in its own country
  (DIGIT_BRANDS: "3" for 3 Danmark), a context alias read only where no number can stand.
- A brand that is a place name ("SWEDEN", "Sweden 3G") is dropped; the entity keeps its
  operator name.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tarfile
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "ontology" / "gazetteer" / "core.toml"
OUT = ROOT / "ontology" / "gazetteer" / "operators.toml"

# countryCode of the package -> (ISO alpha-2 written, English label for ids and names,
# the country's own name for the "<brand> <country>" alias).
COUNTRIES = {
    "AT": ("AT", "Austria", "Österreich"), "BE": ("BE", "Belgium", "Belgique"),
    "BG": ("BG", "Bulgaria", "България"), "HR": ("HR", "Croatia", "Hrvatska"),
    "CY": ("CY", "Cyprus", "Κύπρος"), "CZ": ("CZ", "Czech Republic", "Česko"),
    "DK": ("DK", "Denmark", "Danmark"), "EE": ("EE", "Estonia", "Eesti"),
    "FI": ("FI", "Finland", "Suomi"), "FR": ("FR", "France", "France"),
    "DE": ("DE", "Germany", "Deutschland"), "GR": ("GR", "Greece", "Ελλάδα"),
    "HU": ("HU", "Hungary", "Magyarország"), "IE": ("IE", "Ireland", "Ireland"),
    "IT": ("IT", "Italy", "Italia"), "LV": ("LV", "Latvia", "Latvija"),
    "LT": ("LT", "Lithuania", "Lietuva"), "LU": ("LU", "Luxembourg", "Luxembourg"),
    "MT": ("MT", "Malta", "Malta"), "NL": ("NL", "Netherlands", "Nederland"),
    "PL": ("PL", "Poland", "Polska"), "PT": ("PT", "Portugal", "Portugal"),
    "RO": ("RO", "Romania", "România"), "SK": ("SK", "Slovakia", "Slovensko"),
    "SI": ("SI", "Slovenia", "Slovenija"), "ES": ("ES", "Spain", "España"),
    "SE": ("SE", "Sweden", "Sverige"), "IS": ("IS", "Iceland", "Ísland"),
    "LI": ("LI", "Liechtenstein", "Liechtenstein"), "NO": ("NO", "Norway", "Norge"),
    "GB": ("GB", "UK", "UK"), "CH": ("CH", "Switzerland", "Schweiz"),
    "FO": ("FO", "Faroe Islands", "Føroyar"), "GL": ("GL", "Greenland", "Kalaallit Nunaat"),
    "AX": ("AX", "Åland", "Åland"), "GI": ("GI", "Gibraltar", "Gibraltar"),
    "GG": ("GG", "Guernsey", "Guernsey"), "JE": ("JE", "Jersey", "Jersey"),
    "IM": ("IM", "Isle of Man", "Isle of Man"), "AD": ("AD", "Andorra", "Andorra"),
    "MC": ("MC", "Monaco", "Monaco"), "SM": ("SM", "San Marino", "San Marino"),
    "VA": ("VA", "Vatican", "Vaticano"),
    # France's overseas departments: one MCC each for two groups of them.
    "BL/GF/GP/MF/MQ": ("FR", "Antilles", "Antilles"), "GF": ("FR", "Antilles", "Antilles"),
    "YT/RE": ("FR", "Réunion", "Réunion"), "PM": ("PM", "Saint Pierre and Miquelon",
                                                 "Saint-Pierre-et-Miquelon"),
}

KEEP_STATUS = {"Operational", "Temporary operational"}
# Bands of networks that are not public mobile service.
NON_PUBLIC_BANDS = re.compile(r"^\s*(GSM-R|TETRA|Tetra|Satellite)\b[\s\d]*$")
EXCLUDED_OPERATORS = {
    "Chaos Computer Club": "event network (congress GSM)",
    "private networks": "block of private networks",
    "Région Bourgogne-Franche-Comté": "a region's fixed-wireless licence, a public body",
    "Syndicat mixte ouvert Charente Numérique": "a public syndicate's fixed-wireless licence",
    "Haute-Garonne numérique": "a département's fixed-wireless licence",
    "MVM Net Ltd.": "government network",
    "Telia Finland Oyj / Suomen Yhteisverkko Oy": "a joint network of Telia and DNA",
}

# (package countryCode, brand as in the package) -> brand to use; None drops the brand
# (the entity then goes by its operator name).
# Earlier names of operators renamed since (the MCC-MNC table has today's brand only):
# the same company under both names must be one entity. Sources: the operators' own
# announcements of the renames.
FORMER_NAMES = {
    "proximus": ["Belgacom", "Belgacom SA", "Belgacom Mobile"],
    # A1 Group renamed its national incumbents 2017-2018.
    "a1-telekom-austria": ["Telekom Austria", "Telekom Austria AG", "Mobilkom Austria"],
    "a1-hrvatska": ["Vipnet"],
    "a1-slovenija": ["Si.mobil"],
    "a1-bulgaria": ["Mobiltel"],
}

BRAND_FIX = {
    ("AD", "Som, Mobiland"): "Andorra Telecom",
    ("AT", "A1.net"): "A1 Telekom Austria",
    ("AT", "3"): "Drei",
    ("AT", "Tele2Mobil"): None,
    ("BG", "A1 BG"): "A1 Bulgaria",
    ("BG", "Ти.ком"): "Ti.com",
    ("HR", "HT HR"): "Hrvatski Telekom",
    ("HR", "A1 HR"): "A1 Hrvatska",
    ("SI", "A1 SI"): "A1 Slovenija",
    ("CY", "Cytamobile-Vodafone"): "Cytamobile-Vodafone",
    ("FI", "Elisa- Saunalahti"): "Saunalahti",
    ("FI", "Ålcom"): "Ålcom",
    ("SE", "SWEDEN"): None,
    ("SE", "Sweden 3G"): None,
    ("SE", "Sweden 2G"): None,
    ("SE", "3"): "Tre",
    # Written "3" alone, a numeral; the company calls itself "3 Danmark".
    ("DK", "3"): "3 Danmark",
    ("GB", "3"): "Three",
    ("IE", "3"): "Three",
    ("GB", "O2 (UK)"): "O2",
    ("GB", "Vodafone UK"): "Vodafone",
    ("GB", "Talk Talk"): "TalkTalk",
    ("GB", "BT OnePhone"): "BT OnePhone",
    ("BE", "Orange Belgium"): "Orange",
    ("HU", "Yettel Hungary"): "Yettel",
    ("HU", "DIGI"): "Digi",
    ("HU", "upc"): "UPC",
    ("RO", "Digi.Mobil"): "Digi",
    ("ES", "DIGI mobil"): "Digi",
    ("IT", "Digi Mobil"): "Digi",
    ("IT", "WINDTRE"): "WindTre",
    ("IT", "LINKEM"): "Linkem",
    ("IT", "Spusu"): "spusu",
    ("IT", "COOP Voce"): "CoopVoce",
    ("IT", "Poste Mobile"): "PosteMobile",
    ("LT", "BITĖ"): "Bitė",
    ("LT", "MEZON"): "Mezon",
    ("LV", "TRIATEL"): "Triatel",
    ("LV", "Bite"): "Bite",
    ("GR", "NOVA"): "Nova",
    ("LU", "POST"): "POST",
    ("SM", "PRIMA"): "Prima",
    ("MC", "Office des Telephones"): "Monaco Telecom",
    ("PM", "GLOBALTEL"): "Globaltel",
    ("NL", "T-Mobile (BEN)"): "T-Mobile",
    ("NL", "Tele2"): None,          # T-Mobile Netherlands' former Tele2 network
    ("PL", "TeleCube.PL"): "TeleCube",
    ("PL", "NetWorkS!"): "NetWorkS!",
    ("ES", "Móbil R"): "mobilR",
    ("CH", "Tele4u"): None,
    ("CH", "upc cablecom"): None,
    ("YT/RE", "SFR Réunion"): "SFR Réunion",
    ("BL/GF/GP/MF/MQ", "FLOW"): "Flow",
    ("FO", "Føroya Tele"): "Føroya Tele",
    ("GL", "tusass"): "Tusass",
    ("NO", "ice"): "Ice",
    ("EE", "dzinga"): "Dzinga",
}

# Operator names of the package that are wrong or only name the parent group for the
# brand: not used as aliases.
OPERATOR_FIX = {
    ("GB", "Telefónica Europe"): None,
    ("GB", "Vodafone"): "Vodafone Limited",
    ("GB", "EE"): "EE Limited",
    ("BE", "Orange S.A."): "Orange Belgium",
    ("LU", "Orange S.A."): "Orange Luxembourg",
    ("FR", "Altice"): None,
    ("ES", "Orange España Virtual Sl."): "Orange España Virtual",
    ("NO", "Lyca Mobile Ltd"): None,
    ("BE", "Lycamobile sprl"): None,
    ("FR", "LycaMobile"): None,
    ("PT", "LycaMobile"): None,
    ("IE", "Lycamobile"): None,
    ("IT", "Lycamobile"): None,
    ("DE", "Lycamobile"): None,
    ("IS", "Sýn"): "Sýn",
    ("LT", "UAB Tele2 (Tele2 AB, Sweden)"): "UAB Tele2",
    ("IT", "Mass Response GmbH"): None,
    ("CY", "Monaco Telecom"): None,     # Epic Cyprus is owned by Monaco Telecom
    ("CY", "CYTA"): None,
    ("GR", "CYTA"): None,
    ("IE", "UPC"): None,
    ("IE", "Carphone Warehouse"): None,
    ("LV", "Tele2"): None,
    ("DK", "Telia"): None,
    ("GB", "BT Group"): None,
    ("GB", "Wireless Logic Limited"): None,   # Cloud9's owner
    ("GB", "The Carphone Warehouse Limited"): None,  # iD Mobile's owner
    ("GG", "JT Group Limited"): None,   # Jersey's group: on the Jersey entity
}

# A distinctive name for an entity whose brand is a common word or too short.
DISTINCT_NAME = {
    ("GB", "Three"): "Three UK",
    ("IE", "Three"): "Three Ireland",
    ("AT", "Drei"): "Drei Austria",
    ("GB", "EE"): "EE Limited",
    ("GB", "O2"): "O2 UK",
    ("DE", "O2"): "O2 Germany",
    ("CZ", "O2"): "O2 Czech Republic",
    ("SK", "O2"): "O2 Slovakia",
    ("JE", "JT"): "JT Group",
    ("GG", "JT"): "JT Guernsey",
    ("FR", "Free"): "Free Mobile",
    ("CH", "Salt"): "Salt Mobile",
    ("CH", "Sunrise"): "Sunrise Communications",
    ("PL", "Play"): "Play Poland",
    ("PL", "Plus"): "Plus Poland",
    ("BE", "Base"): "Base Belgium",
    ("AT", "Magenta"): "Magenta Telekom",
    ("LU", "POST"): "POST Luxembourg",
    ("LU", "Tango"): "Tango Luxembourg",
    ("MT", "Epic"): "Epic Malta",
    ("CY", "Epic"): "Epic Cyprus",
    ("MT", "GO"): "GO Malta",
    ("GR", "Nova"): "Nova Greece",
    ("IS", "Nova"): "Nova Iceland",
    ("IS", "Tal"): "IP fjarskipti",
    ("IS", "Viking"): "IMC Island",
    ("SM", "Prima"): "San Marino Telecom",
    ("YT/RE", "Only"): "Only Mayotte",
    ("YT/RE", "Free"): "Free Réunion",
    ("BL/GF/GP/MF/MQ", "Flow"): "Flow Antilles",
    ("BL/GF/GP/MF/MQ", "Dauphin"): "Dauphin Telecom",
    ("AT", "bob"): "bob Austria",
    ("FO", "Nema"): "Nema Faroe Islands",
    ("GB", "Relish"): "Relish Broadband",
    ("BE", "VOO"): "VOO Belgium",
    ("PT", "NOS"): "NOS Comunicações",
    ("PT", "MEO"): "MEO Portugal",
    ("AT", "spusu"): "spusu Austria",
    ("LV", "Bite"): "Bite Latvija",
}

# Brands shared by unrelated companies of several countries: no group entity for the bare
# brand (it would join them).
HOMONYM_BRANDS = {"Nova", "Epic", "Free", "Telekom", "Virgin Mobile", "UPC", "Only", "Plus",
                  "Net 1", "FTS"}
# The home country of a multi-country brand whose group entity is written.
HOME = {"Lycamobile": "GB", "Vectone Mobile": "GB", "Truphone": "GB", "Voxbone": "BE",
        "spusu": "AT", "Cubic Telecom": "IE", "Digi": "RO", "Sure Mobile": "GG", "Lebara": "GB",
        "Com4": "NO", "Teleena": "NL", "Airtel-Vodafone": "JE", "JT": "JE", "Enreach": "NL",
        "Carphone Warehouse": "GB"}
# The bare form of a brand that several countries share and that is a common word or too
# short to be a plain name: a context alias of the unit of this country (one entity only).
CONTEXT_HOME = {"Three": "GB", "O2": "GB", "JT": "JE", "Epic": "MT", "Nova": "GR",
                "Telemach": "SI"}
# A brand written as a bare digit in its own country's press ("3" for 3 Danmark): a
# context alias, accepted by telekg only where no number can stand (extract/mentions
# `digit_brand_position`).
DIGIT_BRANDS = {("DK", "3 Danmark"): "3"}
# The home country of each language telekg reads (ontology/lang/*/lexicon.toml `country`):
# a shared short brand is also a context alias of the unit there, so that the press of
# that country reads its own unit ("O2" in German is O2 Germany); elsewhere it names the
# CONTEXT_HOME unit.
PRESS_HOMES = {"NO", "SE", "DK", "GB", "FR", "DE"}
# A national unit kept although its brand names a core entity of the same country (core's
# entity is the group, the unit a company of its own).
KEEP_UNIT = {("DE", "Telekom")}
# France's overseas markets: their own units, although their country code is FR.
OVERSEAS = {"BL/GF/GP/MF/MQ", "GF", "YT/RE"}
# Brand-less records: the brand their operator name stands for.
BRAND_OF_OPERATOR = {("CH", "Sunrise UPC GmbH"): "Sunrise",
                     ("CH", "Sunrise Communications AG"): "Sunrise"}

# Common words (lower case) of nb, nn, sv, da, fr, en, de or in general that are, or are
# part of, brand names: never plain names. Checked against the word lists of Debian's
# wamerican/wbritish, wngerman, wfrench, wswedish, wdanish and wnorwegian (bokmål, nynorsk)
# and by hand; the reason says in which language.
COMMON_WORDS = {
    "three": "en numeral", "3": "numeral", "tre": "sv/da/nb/nn numeral",
    "drei": "de numeral", "free": "en adjective", "orange": "en/fr colour, fr town",
    "get": "en verb", "one": "en numeral", "ice": "en noun", "play": "en verb",
    "plus": "en/fr/de/nb word", "sunrise": "en noun", "salt": "en noun, sv/nb salt",
    "wind": "en/de noun", "yes": "en word", "smart": "en/nb/sv/de adjective",
    "base": "en/fr noun", "go": "en verb", "magenta": "colour in every language",
    "nova": "en noun (star), word in the Nordic languages' loan vocabulary",
    "epic": "en adjective", "only": "en adverb", "tango": "dance, every language",
    "post": "de/nb/sv/da/en noun", "prima": "de/sv/nb adjective", "flow": "en noun",
    "dauphin": "fr noun", "relish": "en noun/verb", "viking": "en/nb/sv noun",
    "tal": "sv/da noun (speech, number)", "bob": "en given name, de/fr noun",
    "sure": "en adjective", "nema": "fo/hr word; the US electrical association NEMA",
    "telekom": "de/nb/sv noun (telecommunications)", "eir": "Norse given name",
    "voo": "(brand of Nethys; 'voo' pt flight)", "nos": "fr/pt pronoun", "meo": "short",
    "spusu": "(kept: no word)", "bite": "en noun/verb", "melita": "given name",
    "telet": "sv noun ('the telecom')", "com4": "(kept: no word)", "simyo": "(kept)",
    "airwave": "en noun", "mobitel": "(kept: no word)", "pronto": "en/it adverb",
    "digi": "nb/sv/da prefix (digital), digi.no", "upc": "(three letters, kept)",
    "net 1": "(kept)", "globaltel": "(kept)", "fts": "(three letters, kept)",
    "unleashed": "en adjective", "btc": "Bitcoin's abbreviation", "aif": "alternative investment fund", "nth": "en word (nth degree)",
}
# Words of COMMON_WORDS whose reason starts with "(kept" are not treated as common.
def is_common(word: str) -> bool:
    reason = COMMON_WORDS.get(word.lower())
    return reason is not None and not reason.startswith("(kept")


LEGAL_FORM = re.compile(
    r"(,?\s+(AS|ASA|AB|A/S|ApS|P/S|Oy|Oyj|Ab|Ltd\.?|Limited|limited|plc|PLC|Plc|GmbH|AG|SA|"
    r"S\.A\.|S\.A\.U\.?|SAU|SLU|S\.L\.U\.|B\.V\.?|BV|NV|N\.V\.|S\.p\.A\.|SpA|Sp\. z o\.o\.|"
    r"S\.A\.S\.?|SAS|sprl|s\.r\.o\.|a\.s\.|d\.o\.o\.|Zrt\.|ehf|hf|HB|OÜ|JSC|Inc\.?|LLC|Srl|"
    r"S\.r\.l\.|GmbH & Co\. oHG|Sl\.|ltd\.?|a/s|S\.L\.|SL|Co\. Ltd\.?))+$")
LEGAL_PREFIX = re.compile(r"^(UAB|SIA|OY|AS|AB)\s+")


def strip_legal(name: str) -> str:
    n = LEGAL_PREFIX.sub("", name.strip())
    n = LEGAL_FORM.sub("", n).strip().strip('"').strip()
    return n


def norm(name: str) -> str:
    return strip_legal(name).casefold()


TRANSLIT = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "ß": "ss",
                          "đ": "d", "ł": "l", "Ł": "L", "þ": "th", "ð": "d"})


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.translate(TRANSLIT))
    t = t.encode("ascii", "ignore").decode().lower()
    t = t.replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def fetch_package() -> tuple[list, str]:
    tmp = Path(tempfile.mkdtemp(prefix="mccmnc-"))
    out = subprocess.run(["npm", "pack", "mcc-mnc-list", "--silent"], cwd=tmp, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with tarfile.open(tmp / out) as tar:
        tar.extractall(tmp, filter="data")
    meta = json.loads((tmp / "package" / "package.json").read_text())
    data = json.loads((tmp / "package" / "mcc-mnc-list.json").read_text())
    return data, meta["version"]


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


def load_core():
    core = tomllib.loads(CORE.read_text())["entity"]
    names = {}
    for e in core:
        for n in [e["name"], *e.get("aliases", []), *e.get("context_aliases", []),
                  *e.get("former", [])]:
            names.setdefault(norm(n), e["id"])
            names.setdefault(n.casefold(), e["id"])
    return names, {e["id"] for e in core}


def is_test(rec) -> bool:
    notes = (rec.get("notes") or "").lower()
    bands = rec.get("bands") or ""
    return (rec.get("type") == "Test" or "test network" in notes or "internal testing" in notes
            or bands.strip() == "Test")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="mcc-mnc-list.json (default: npm pack mcc-mnc-list)")
    ap.add_argument("--version", default=None, help="package version when --json is given")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    if args.json:
        data, version = json.loads(Path(args.json).read_text()), args.version or "unknown"
    else:
        data, version = fetch_package()
    core_names, core_ids = load_core()

    # 1. Records kept, grouped per (country group, brand); brand keys compare
    # case-insensitively ("LycaMobile" is "Lycamobile"), a brand-less record goes by its
    # operator name without legal form.
    groups: dict[tuple[str, str], dict] = {}
    spelling: dict[str, defaultdict] = defaultdict(lambda: defaultdict(int))
    dropped = defaultdict(int)
    for rec in data:
        cc = rec.get("countryCode")
        if cc not in COUNTRIES:
            continue
        if rec.get("status") not in KEEP_STATUS:
            dropped["status"] += 1
            continue
        if is_test(rec):
            dropped["test"] += 1
            continue
        if NON_PUBLIC_BANDS.match(rec.get("bands") or ""):
            dropped["railway/emergency/satellite"] += 1
            continue
        op = (rec.get("operator") or "").strip()
        if op in EXCLUDED_OPERATORS:
            dropped["excluded"] += 1
            continue
        raw_brand = (rec.get("brand") or "").strip()
        brand = BRAND_FIX.get((cc, raw_brand), raw_brand) if raw_brand else None
        brand = brand or BRAND_OF_OPERATOR.get((cc, op))
        if (cc, op) in OPERATOR_FIX:
            op = OPERATOR_FIX[(cc, op)]
        if brand and brand.casefold() in {"sweden", "sweden 3g", "sweden 2g"}:
            brand = None  # a place name: the network company goes by its operator name
        if not brand and not op:
            continue
        from_operator = not brand
        brand = brand or strip_legal(op)
        # Ålcom is under Finland's MCC; French Guiana's records repeat the Antilles' ones.
        group_cc = "AX" if brand == "Ålcom" else ("BL/GF/GP/MF/MQ" if cc == "GF" else cc)
        spelling[brand.casefold()][brand] += 1
        g = groups.setdefault((group_cc, brand.casefold()), {
            "operators": [], "network": False, "cc": group_cc, "from_operator": from_operator})
        g["from_operator"] = g["from_operator"] and from_operator
        if op and op not in g["operators"]:
            g["operators"].append(op)
        bands = rec.get("bands") or ""
        if "MVNO" not in bands and "MVNE" not in bands:
            g["network"] = True
    canon = {k: max(v, key=lambda s: (v[s], s != s.upper(), s)) for k, v in spelling.items()}
    for g_key, g in groups.items():
        g["brand"] = canon[g_key[1]]
    # UK-coded records of the Crown dependencies (Jersey Airtel, Sure, JT, Manx Telecom...)
    # repeat their own MCC's records: the UK copy goes.
    crown = {b for (cc, b) in groups if cc in ("GG", "JE", "IM")}
    for key in [k for k in groups if k[0] == "GB" and k[1] in crown]:
        del groups[key]

    # An operator name shared by several brands of one country names the parent.
    by_op = defaultdict(list)
    for (cc, b), g in groups.items():
        for op in g["operators"]:
            by_op[(cc, norm(op))].append((g, op))
    for (cc, _), gs in by_op.items():
        if len({id(g) for g, _ in gs}) > 1:
            runners = {id(g) for g, _ in gs if g["network"]}
            for g, op in gs:
                if not (len(runners) == 1 and id(g) in runners):
                    g["operators"].remove(op)
    all_brands = {b for (_, b) in groups}

    # 2. Which brands are shared by several countries.
    countries_of = defaultdict(set)
    for (cc, b) in groups:
        countries_of[b].add(COUNTRIES[cc][0] + COUNTRIES[cc][1])
    shared = {b for b, cs in countries_of.items() if len(cs) > 1}

    entities = []
    used_ids = set(core_ids)
    used_names: dict[str, str] = {}
    skipped_core = []

    def add_entity(eid, name, aliases, context, country, comment):
        if eid in used_ids:
            n = 2
            while f"{eid}-{n}" in used_ids:
                n += 1
            eid = f"{eid}-{n}"
        used_ids.add(eid)
        out_aliases, out_context = [], []
        for a in aliases:
            k = a.casefold()
            if a and a != name and k not in used_names and a not in out_aliases:
                out_aliases.append(a)
                used_names[k] = eid
        for a in context:
            k = a.casefold()
            # A shared short brand (CONTEXT_HOME) may name one unit per press country.
            shared_short = a in CONTEXT_HOME
            if a and (k not in used_names or shared_short) and a not in out_context and a != name:
                out_context.append(a)
                used_names.setdefault(k, eid)
        used_names[name.casefold()] = eid
        entities.append({"id": eid, "name": name, "aliases": out_aliases,
                         "context_aliases": out_context, "country": country,
                         "comment": comment})

    def in_core(n: str) -> bool:
        return n.casefold() in core_names or norm(n) in core_names

    def core_id(n: str):
        return core_names.get(n.casefold()) or core_names.get(norm(n))

    def plain_ok(n: str) -> bool:
        return len(n) >= 3 and not is_common(n) and not in_core(n) and '"' not in n

    core_country = {e["id"]: e.get("country") for e in tomllib.loads(CORE.read_text())["entity"]}

    for (cc, bkey) in sorted(groups, key=lambda k: (COUNTRIES[k[0]][1], k[1])):
        g = groups[(cc, bkey)]
        iso, country_en, country_local = COUNTRIES[cc]
        if not country_local.isascii() and not any(c in "ÄÖÅÆØÉÍÓÚÁÜČŠŽĖäöåæøéíóúáüčšžėçñ" for c in country_local):
            country_local = country_en  # no Greek or Cyrillic forms
        brand = g["brand"]
        label = "UK" if iso == "GB" else country_en
        is_shared = bkey in shared
        ops = [o for o in g["operators"] if o and norm(o) != bkey]
        brand_core = in_core(brand)
        brand_common = is_common(brand) or len(brand) < 3
        # A brand that names a core entity of this very country: core's entity.
        if (brand_core and core_country.get(core_id(brand)) == iso and (cc, brand) not in KEEP_UNIT
                and cc not in OVERSEAS):
            skipped_core.append(f"{cc} {brand}: core's {core_id(brand)} ({iso})")
            continue
        # The unit's own name in core (Telia Norge AS, Hi3G Access AB, "3 Danmark"): core's.
        unit_names = [*ops, f"{brand} {country_local}", f"{brand} {country_en}"]
        hit = next((n for n in unit_names if in_core(n) and norm(n) != bkey), None)
        if hit:
            skipped_core.append(f"{cc} {brand}: '{hit}' is core's {core_id(hit)}")
            continue
        qualified = is_shared or brand_core or (g["from_operator"] and False)
        # The distinctive name.
        name = DISTINCT_NAME.get((cc, brand))
        if name is None and not brand_core and not brand_common and not is_shared:
            name = brand
        if name is None and brand_common and ops:
            legal = strip_legal(ops[0])
            if plain_ok(legal) and norm(legal) not in all_brands:
                name = legal
            elif plain_ok(ops[0]) and LEGAL_FORM.search(ops[0]) and norm(ops[0]) not in all_brands:
                name = ops[0]
        if name is None and g["from_operator"] and not is_shared:
            name = brand if plain_ok(brand) else (ops[0] if ops and plain_ok(ops[0]) else None)
        if name is None:
            name = f"{brand} {label}"
        if in_core(name) or name.casefold() in used_names:
            skipped_core.append(f"{cc} {brand}: name '{name}' taken")
            continue
        plain, context = [], []
        if qualified:
            for n in (f"{brand} {country_local}",
                      f"{brand} United Kingdom" if iso == "GB" else ""):
                if n and n != name:
                    plain.append(n)
        for op in ops:
            for form in (op, strip_legal(op)):
                if norm(form) in all_brands and norm(form) != bkey:
                    continue  # another brand's name
                if norm(form) == bkey and (is_shared or brand_core):
                    continue  # the bare brand names the group
                if plain_ok(form):
                    plain.append(form)
                elif len(form) == 2 or (is_common(form) and not in_core(form)):
                    context.append(form)
        if is_shared and (CONTEXT_HOME.get(brand) == iso
                          or (brand in CONTEXT_HOME and iso in PRESS_HOMES)):
            context.append(brand)
        if brand != name and not brand_core and not is_shared:
            if brand_common:
                if len(brand) >= 2:
                    context.append(brand)
            else:
                plain.append(brand)
        if (cc, brand) in DIGIT_BRANDS:
            context.append(DIGIT_BRANDS[(cc, brand)])
        eid = slug(brand) or slug(name)
        if qualified or eid in used_ids:
            eid = f"{slug(brand)}-{slug(country_en)}"
        comment = f"{cc} brand {brand}" + (f"; operator {' / '.join(g['operators'])}"
                                           if g["operators"] else "")
        add_entity(eid, name, plain, context, iso, comment)

    # 3. Group entities for multi-country brands (the bare brand), where it is no homonym.
    for b in sorted(shared):
        if b in {h.casefold() for h in HOMONYM_BRANDS} or in_core(b) or is_common(b) or len(b) < 3:
            continue
        b = canon[b]
        if b.casefold() in used_names:
            continue
        add_entity(slug(b), b, [], [], HOME.get(b), "group of the brand in " +
                   ", ".join(sorted(c[2:] for c in countries_of[b.casefold()])))

    # 4. Write.
    lines = [
        "# GENERATED by scripts/gen_operators.py: do not edit by hand, edit the script.",
        f"# Source: npm package mcc-mnc-list {version} (Wikipedia's MCC-MNC table as JSON).",
        "# Mobile network operators in service in the EU/EEA, UK, Switzerland, the Faroe",
        "# Islands, Greenland, Åland, the Crown dependencies, Gibraltar, the micro-states and",
        "# France's overseas departments: one entity per brand and country.",
        "# Common-word and short brands are context_aliases only (see the script's docstring);",
        "# names of core.toml are never repeated here.",
        "",
    ]
    for e in entities:
        former = FORMER_NAMES.get(e["id"], [])
        lines.append(f"# {e['comment']}")
        lines.append("[[entity]]")
        lines.append(f"id = {toml_str(e['id'])}")
        lines.append('type = "Company"')
        lines.append(f"name = {toml_str(e['name'])}")
        if e["aliases"]:
            lines.append(f"aliases = {toml_list(e['aliases'])}")
        if e["context_aliases"]:
            lines.append(f"context_aliases = {toml_list(e['context_aliases'])}")
        if former:
            lines.append(f"former = {toml_list(former)}")
        if e["country"]:
            lines.append(f"country = {toml_str(e['country'])}")
        lines.append("")
    Path(args.out).write_text("\n".join(lines))
    print(f"mcc-mnc-list {version}: {len(entities)} entities -> {args.out}", file=sys.stderr)
    print(f"dropped records: {dict(dropped)}", file=sys.stderr)
    for s in skipped_core:
        print(f"  skipped (core): {s}", file=sys.stderr)


if __name__ == "__main__":
    main()
