#!/usr/bin/env python3
"""Generates ontology/gazetteer/authorities.toml: regulators, ministries and courts.

Hand-curated tables (below), written from the official member lists and the bodies' own
names, checked and written out by this script:

- national telecom regulators (NRAs): the members of BEREC (the Body of European
  Regulators for Electronic Communications: EU27 plus the EEA's Norway, Iceland and
  Liechtenstein), plus the UK (Ofcom, a member until 2020) and Switzerland (BAKOM and
  ComCom, a BEREC participant), source: BEREC's "Members and Participants" page;
- national competition authorities: the members of the European Competition Network
  (EU27), the EEA's through the EFTA Surveillance Authority, the UK's CMA and Switzerland's
  WEKO/COMCO, source: the ECN members page of the Commission's DG Competition;
- consumer-protection authorities of Norway, Sweden and Denmark (members of the EU's
  Consumer Protection Cooperation network, Norway through the EEA);
- data-protection authorities of the Nordic countries, France, Germany and the UK
  (members of the European Data Protection Board, and the UK's ICO), and the EU bodies
  (EDPB, EDPS, ENISA; the European Commission with DG COMP, BEREC and the EFTA
  Surveillance Authority are in core.toml);
- type "PublicBody": ministries that act on the sector in Norway, Sweden, Denmark,
  France, Germany and the UK (current and former names, from the governments' sites),
  parliaments, and courts that rule on the sector (supreme, appeal, administrative and
  competition courts; the EU's and EFTA's courts).

Each body has its name in its own language, the English name, and the usual
abbreviation. PRECISION RULES: an abbreviation of two letters or one that is a common
word or a common acronym of something else, and a bare name that two countries' bodies
share ("Finansdepartementet": CONTEXT_ONLY) is a context alias only
(matched where the article names the body in full too, or defines the abbreviation);
a name of core.toml is never repeated (core wins) unless two countries' bodies bear it
(SHARED_NAMES: the article's country decides), and ids of core are not reused.

    python3 scripts/gen_authorities.py
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "ontology" / "gazetteer" / "core.toml"
OUT = ROOT / "ontology" / "gazetteer" / "authorities.toml"

# Abbreviations that are common words (in any of nb, nn, sv, da, fr, en, de, also when
# written in capitals in a headline) or common acronyms of other things.
CONTEXT_ONLY = {
    "CRC": "cyclic redundancy check", "CTU": "Czech Technical University",
    "MCA": "many meanings", "ACM": "Association for Computing Machinery",
    "UKE": "nb/da 'uke' (week)", "CMT": "many meanings", "PFS": "many meanings",
    "CPC": "many meanings", "Antitrust": "en/fr/it common noun", "AdC": "many meanings",
    "OFT": "de 'oft' (often)", "MMC": "many meanings", "ICO": "initial coin offering",
    "BSI": "British Standards Institution", "BMF": "several ministries", "DTI": "many",
    "KDD": "KDDI, data mining", "KMD": "Danish IT company KMD", "APE": "en 'ape'",
    "DGE": "many meanings", "CAT": "en 'cat'", "HD": "high definition",
    "PMD": "many meanings", "HFD": "many meanings", "TJA": "short", "AK": "two letters",
    "RÚ": "two letters", "ART": "en/fr 'art'", "AGCM": "(kept)", "IMY": "(kept)",
    "VG": "two letters", "OVG": "short", "KT": "two letters", "CC": "two letters",
    "CNC": "computer numerical control", "AVK": "short", "KKV": "core's Konkurrensverket",
    "EETT": "(kept)", "CCPC": "(kept)", "DPC": "many meanings", "DSB": "Danish railways",
    "DFD": "short", "MCCAA": "(kept)", "ILR": "short", "RRT": "short", "BWB": "(kept)",
    "HAKOM": "(kept)", "AKOS": "(kept)", "SPRK": "(kept)", "NMHH": "(kept)",
    "AZTN": "(kept)", "GVH": "(kept)", "COMCO": "(kept)", "WEKO": "(kept)",
    "CNIL": "(kept)", "BGH": "(kept)", "EuG": "short", "CMA": "(kept)",
    "RTR": "Russian TV channel RTR", "IBPT": "(kept)", "BIPT": "(kept)",
    "SDFI": "(kept)", "ECOI": "(kept)", "ANFR": "(kept)", "DCMS": "(kept)",
    "DSIT": "(kept)", "BEIS": "(kept)", "BMWi": "(kept)", "BMWK": "(kept)",
    "BMDV": "(kept)", "BfDI": "(kept)", "CJEU": "(kept)", "ECJ": "(kept)",
    "CJUE": "(kept)", "EuGH": "(kept)", "EDPB": "(kept)", "EDPS": "(kept)",
    "ENISA": "(kept)", "ANACOM": "(kept)", "ANCOM": "(kept)", "CNMC": "(kept)",
    "AGCOM": "(kept)", "ComReg": "(kept)", "UOKiK": "(kept)", "TTJA": "(kept)",
    "ÚOHS": "(kept)", "UOHS": "(kept)", "ČTÚ": "(kept)", "BAKOM": "(kept)",
    "ComCom": "(kept)", "PMÖD": "(kept)", "BVerwG": "(kept)", "BVerfG": "(kept)",
    "EDØB": "(kept)", "EDÖB": "(kept)", "PFPDT": "(kept)", "HmbBfDI": "(kept)",
    "NCA": "many meanings", "NRA": "National Rifle Association", "SEC": "US SEC",
    "FSA": "many meanings", "ESMA": "(kept)", "EBA": "many meanings",
    "CSA": "many meanings", "HCC": "many meanings", "ABC": "en 'ABC'", "BMA": "British Medical Association",
    "EP": "two letters", "TKK": "many meanings", "BIS": "Bank for International Settlements",
    "NSM": "(kept)", "FCCA": "(kept)", "Bercy": "(kept)",
    # names that two countries' bodies share: only where the article names the body in full
    "Finansdepartementet": "Norway's and Sweden's ministry of finance",
    "Kulturdepartementet": "Norway's and Sweden's ministry of culture",
    "Finansministeriet": "Denmark's and Finland's (in Swedish) ministry of finance",
}


# Full names that bodies of two countries bear alike: a name of each, the article's country
# decides which one it names (src/extract/mentions/gazetteer.rs, shared names).
SHARED_NAMES = {
    "Datatilsynet": "Norway's (core.toml) and Denmark's data protection authority",
}


def context_only(abbr: str) -> bool:
    reason = CONTEXT_ONLY.get(abbr)
    if reason is not None:
        return not reason.startswith("(kept")
    return len(abbr) <= 2


R, P = "Regulator", "PublicBody"

# (id, type, country, name, aliases, abbreviations, former names)
NRAS = [
    ("rtr", R, "AT", "Rundfunk und Telekom Regulierungs-GmbH",
     ["RTR-GmbH", "Austrian Regulatory Authority for Broadcasting and Telecommunications",
      "Telekom-Control-Kommission"], ["RTR", "TKK"], ["Telekom-Control GmbH"]),
    ("bipt", R, "BE", "Institut belge des services postaux et des télécommunications",
     ["Belgisch Instituut voor postdiensten en telecommunicatie",
      "Belgian Institute for Postal Services and Telecommunications",
      "Belgisches Institut für Post- und Fernmeldewesen"], ["BIPT", "IBPT"], []),
    ("crc-bulgaria", R, "BG", "Communications Regulation Commission",
     ["Комисия за регулиране на съобщенията", "Bulgarian Communications Regulation Commission"],
     ["CRC", "КРС"], []),
    ("hakom", R, "HR", "Hrvatska regulatorna agencija za mrežne djelatnosti",
     ["Croatian Regulatory Authority for Network Industries"], ["HAKOM"], []),
    ("ocecpr", R, "CY",
     "Office of the Commissioner of Electronic Communications and Postal Regulation",
     ["Γραφείο Επιτρόπου Ρυθμίσεως Ηλεκτρονικών Επικοινωνιών και Ταχυδρομείων"],
     ["OCECPR", "ΓΕΡΗΕΤ"], []),
    ("ctu", R, "CZ", "Český telekomunikační úřad",
     ["Czech Telecommunication Office", "Tschechisches Telekommunikationsamt"],
     ["ČTÚ", "CTU"], []),
    ("sdfi", R, "DK", "Styrelsen for Dataforsyning og Infrastruktur",
     ["Danish Agency for Data Supply and Infrastructure",
      "Styrelsen for Dataforsyning og Effektivisering"], ["SDFI"], []),
    ("ttja", R, "EE", "Tarbijakaitse ja Tehnilise Järelevalve Amet",
     ["Consumer Protection and Technical Regulatory Authority",
      "Estonian Consumer Protection and Technical Regulatory Authority"], ["TTJA"],
     ["Tehnilise Järelevalve Amet", "Estonian Technical Surveillance Authority",
      "Sideamet"]),
    ("eett", R, "GR", "Hellenic Telecommunications and Post Commission",
     ["Εθνική Επιτροπή Τηλεπικοινωνιών και Ταχυδρομείων",
      "Ethniki Epitropi Tilepikoinonion kai Tachydromeion"], ["EETT", "ΕΕΤΤ"], []),
    ("nmhh", R, "HU", "Nemzeti Média- és Hírközlési Hatóság",
     ["National Media and Infocommunications Authority",
      "Hungarian National Media and Infocommunications Authority"], ["NMHH"],
     ["Nemzeti Hírközlési Hatóság", "National Communications Authority of Hungary"]),
    ("comreg", R, "IE", "Commission for Communications Regulation",
     ["Irish Commission for Communications Regulation"], ["ComReg"],
     ["Office of the Director of Telecommunications Regulation", "ODTR"]),
    ("agcom", R, "IT", "Autorità per le Garanzie nelle Comunicazioni",
     ["Italian Communications Regulatory Authority",
      "Communications Regulatory Authority of Italy"], ["AGCOM", "Agcom"], []),
    ("sprk", R, "LV", "Sabiedrisko pakalpojumu regulēšanas komisija",
     ["Public Utilities Commission of Latvia", "Latvian Public Utilities Commission"],
     ["SPRK"], []),
    ("rrt", R, "LT", "Ryšių reguliavimo tarnyba",
     ["Communications Regulatory Authority of the Republic of Lithuania",
      "Lithuanian Communications Regulatory Authority"], ["RRT"], []),
    ("ilr", R, "LU", "Institut Luxembourgeois de Régulation",
     ["Luxembourg Regulatory Institute", "Institut luxembourgeois de régulation"],
     ["ILR"], []),
    ("mca-malta", R, "MT", "Malta Communications Authority", [], ["MCA"], []),
    ("acm", R, "NL", "Autoriteit Consument & Markt",
     ["Autoriteit Consument en Markt", "Netherlands Authority for Consumers and Markets",
      "Authority for Consumers and Markets", "Dutch Authority for Consumers and Markets"],
     ["ACM"], ["Onafhankelijke Post en Telecommunicatie Autoriteit", "OPTA",
               "Nederlandse Mededingingsautoriteit", "NMa"]),
    ("uke", R, "PL", "Urząd Komunikacji Elektronicznej",
     ["Office of Electronic Communications", "Polish Office of Electronic Communications"],
     ["UKE"], ["Urząd Regulacji Telekomunikacji i Poczty", "URTiP"]),
    ("anacom", R, "PT", "Autoridade Nacional de Comunicações",
     ["National Communications Authority of Portugal", "Portuguese National Communications Authority"],
     ["ANACOM", "Anacom"], ["Instituto das Comunicações de Portugal", "ICP-ANACOM"]),
    ("ancom", R, "RO",
     "Autoritatea Naţională pentru Administrare şi Reglementare în Comunicaţii",
     ["Autoritatea Națională pentru Administrare și Reglementare în Comunicații",
      "National Authority for Management and Regulation in Communications of Romania",
      "Romanian National Authority for Management and Regulation in Communications"],
     ["ANCOM", "Ancom"], ["ANRCTI", "Inspectoratul General pentru Comunicaţii şi Tehnologia Informaţiei"]),
    ("ru-slovakia", R, "SK",
     "Úrad pre reguláciu elektronických komunikácií a poštových služieb",
     ["Regulatory Authority for Electronic Communications and Postal Services",
      "Slovak Regulatory Authority for Electronic Communications and Postal Services"],
     ["RÚ"], ["Telekomunikačný úrad Slovenskej republiky", "TÚ SR"]),
    ("akos", R, "SI", "Agencija za komunikacijska omrežja in storitve Republike Slovenije",
     ["Agency for Communication Networks and Services of the Republic of Slovenia",
      "Slovenian Agency for Communication Networks and Services"], ["AKOS", "AKOS RS"],
     ["Agencija za pošto in elektronske komunikacije", "APEK"]),
    ("cnmc", R, "ES", "Comisión Nacional de los Mercados y la Competencia",
     ["National Commission on Markets and Competition",
      "Spanish National Commission on Markets and Competition",
      "Spanish Competition Authority"], ["CNMC"],
     ["Comisión del Mercado de las Telecomunicaciones", "CMT",
      "Comisión Nacional de la Competencia"]),
    ("fjarskiptastofa", R, "IS", "Fjarskiptastofa",
     ["Electronic Communications Office of Iceland", "Icelandic Electronic Communications Office"],
     ["ECOI"], ["Póst- og fjarskiptastofnun", "Post and Telecom Administration in Iceland",
                "PFS"]),
    ("ak-liechtenstein", R, "LI", "Amt für Kommunikation",
     ["Office for Communications of Liechtenstein", "Amt für Kommunikation Liechtenstein"],
     ["AK"], []),
    ("bakom", R, "CH", "Bundesamt für Kommunikation",
     ["Office fédéral de la communication", "Ufficio federale delle comunicazioni",
      "Swiss Federal Office of Communications", "Federal Office of Communications"],
     ["BAKOM", "UFCOM"], []),
    ("comcom", R, "CH", "Eidgenössische Kommunikationskommission",
     ["Commission fédérale de la communication", "Commissione federale delle comunicazioni",
      "Swiss Federal Communications Commission"], ["ComCom"], []),
]

NCAS = [
    # The decision-making councils beside the authorities where the law gives them the
    # decisions (Denmark's Konkurrencerådet decides the cases KFST prepares).
    ("dk-competition-council", R, "DK", "Konkurrencerådet",
     ["Danish Competition Council"], [], []),
    ("bwb", R, "AT", "Bundeswettbewerbsbehörde",
     ["Austrian Federal Competition Authority", "Österreichische Bundeswettbewerbsbehörde"],
     ["BWB"], []),
    ("belgian-competition-authority", R, "BE", "Autorité belge de la concurrence",
     ["Belgische Mededingingsautoriteit", "Belgian Competition Authority",
      "Belgische Wettbewerbsbehörde"], ["ABC", "BMA"], ["Conseil de la concurrence belge"]),
    ("cpc-bulgaria", R, "BG", "Commission on Protection of Competition",
     ["Комисия за защита на конкуренцията", "Bulgarian Commission on Protection of Competition"],
     ["КЗК"], []),
    ("aztn", R, "HR", "Agencija za zaštitu tržišnog natjecanja",
     ["Croatian Competition Agency"], ["AZTN"], []),
    ("cpc-cyprus", R, "CY", "Commission for the Protection of Competition of Cyprus",
     ["Cyprus Commission for the Protection of Competition",
      "Επιτροπή Προστασίας του Ανταγωνισμού"], ["ΕΠΑ"], []),
    ("uohs", R, "CZ", "Úřad pro ochranu hospodářské soutěže",
     ["Office for the Protection of Competition", "Czech Office for the Protection of Competition"],
     ["ÚOHS", "UOHS"], []),
    ("konkurentsiamet", R, "EE", "Konkurentsiamet",
     ["Estonian Competition Authority"], [], []),
    ("kkv-finland", R, "FI", "Kilpailu- ja kuluttajavirasto",
     ["Finnish Competition and Consumer Authority", "Konkurrens- och konsumentverket"],
     ["FCCA"], ["Kilpailuvirasto", "Finnish Competition Authority", "Konkurrensverket i Finland"]),
    ("hellenic-competition-commission", R, "GR", "Hellenic Competition Commission",
     ["Επιτροπή Ανταγωνισμού", "Greek Competition Commission"], ["HCC"], []),
    ("gvh", R, "HU", "Gazdasági Versenyhivatal",
     ["Hungarian Competition Authority"], ["GVH"], []),
    ("ccpc", R, "IE", "Competition and Consumer Protection Commission",
     ["Irish Competition and Consumer Protection Commission"], ["CCPC"],
     ["Competition Authority of Ireland", "Irish Competition Authority"]),
    ("agcm", R, "IT", "Autorità Garante della Concorrenza e del Mercato",
     ["Italian Competition Authority", "Autorità antitrust"], ["AGCM", "Antitrust"], []),
    ("konkurences-padome", R, "LV", "Konkurences padome",
     ["Competition Council of Latvia", "Latvian Competition Council"], [], []),
    ("konkurencijos-taryba", R, "LT", "Konkurencijos taryba",
     ["Competition Council of the Republic of Lithuania", "Lithuanian Competition Council"],
     [], []),
    ("luxembourg-competition-authority", R, "LU", "Autorité luxembourgeoise de la concurrence",
     ["Autorité de la concurrence du Grand-Duché de Luxembourg",
      "Luxembourg Competition Authority"], [], []),
    ("mccaa", R, "MT", "Malta Competition and Consumer Affairs Authority", [], ["MCCAA"], []),
    ("uokik", R, "PL", "Urząd Ochrony Konkurencji i Konsumentów",
     ["Office of Competition and Consumer Protection",
      "Polish Office of Competition and Consumer Protection"], ["UOKiK"], []),
    ("autoridade-da-concorrencia", R, "PT", "Autoridade da Concorrência",
     ["Portuguese Competition Authority"], ["AdC"], []),
    ("consiliul-concurentei", R, "RO", "Consiliul Concurenței",
     ["Consiliul Concurentei", "Romanian Competition Council", "Competition Council of Romania"],
     [], []),
    ("pmu-slovakia", R, "SK", "Protimonopolný úrad Slovenskej republiky",
     ["Protimonopolný úrad", "Antimonopoly Office of the Slovak Republic",
      "Slovak Antimonopoly Office"], ["PMÚ SR"], []),
    ("avk", R, "SI", "Javna agencija Republike Slovenije za varstvo konkurence",
     ["Agencija za varstvo konkurence", "Slovenian Competition Protection Agency"], ["AVK"],
     []),
    ("samkeppniseftirlitid", R, "IS", "Samkeppniseftirlitið",
     ["Icelandic Competition Authority"], [], ["Samkeppnisstofnun"]),
    ("cma", R, "GB", "Competition and Markets Authority",
     ["UK Competition and Markets Authority", "britiske konkurransemyndigheten"], ["CMA"],
     ["Competition Commission", "Office of Fair Trading", "OFT",
      "Monopolies and Mergers Commission", "MMC"]),
    ("weko", R, "CH", "Wettbewerbskommission",
     ["Commission de la concurrence", "Commissione della concorrenza",
      "Swiss Competition Commission"], ["WEKO", "COMCO"], []),
]

DPAS = [
    ("imy", R, "SE", "Integritetsskyddsmyndigheten",
     ["Swedish Authority for Privacy Protection"], ["IMY"],
     ["Datainspektionen", "Swedish Data Protection Authority"]),
    ("datatilsynet-dk", R, "DK", "Danish Data Protection Agency",
     ["Datatilsynet", "det danske Datatilsynet", "danske Datatilsynet", "Danish Datatilsynet"], [], []),
    ("tietosuojavaltuutettu", R, "FI", "Tietosuojavaltuutetun toimisto",
     ["Office of the Data Protection Ombudsman", "Dataombudsmannens byrå",
      "Finnish Data Protection Ombudsman", "Tietosuojavaltuutettu"], [], []),
    ("personuvernd", R, "IS", "Persónuvernd",
     ["Icelandic Data Protection Authority"], [], []),
    ("bfdi", R, "DE", "Bundesbeauftragte für den Datenschutz und die Informationsfreiheit",
     ["Bundesbeauftragter für den Datenschutz und die Informationsfreiheit",
      "Federal Commissioner for Data Protection and Freedom of Information",
      "Bundesdatenschutzbeauftragte", "Bundesdatenschutzbeauftragter"], ["BfDI"], []),
    ("hmbbfdi", R, "DE", "Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
     ["Hamburgischer Beauftragter für Datenschutz und Informationsfreiheit",
      "Hamburg Commissioner for Data Protection and Freedom of Information"],
     ["HmbBfDI"], []),
    ("ico", R, "GB", "Information Commissioner's Office",
     ["UK Information Commissioner's Office", "Information Commissioner"], ["ICO"], []),
    ("edoeb", R, "CH", "Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter",
     ["Préposé fédéral à la protection des données et à la transparence",
      "Federal Data Protection and Information Commissioner"], ["EDÖB", "PFPDT"], []),
]

# Consumer-protection authorities that act on telecom operators' marketing and contracts
# (not the ombudsman's personal title, "Konsumentombudsmannen X", which names a person),
# the covered countries' members of the EU's Consumer Protection Cooperation network (and
# the EEA's Norway); Finland's KKV and France's DGCCRF are among the competition authorities
# and ministries, the UK's CMA among the competition authorities.
CONSUMER = [
    ("forbrukertilsynet", R, "NO", "Forbrukertilsynet",
     ["Norwegian Consumer Authority", "Forbrukartilsynet"], [],
     ["Forbrukerombudet", "Forbrukarombodet", "Norwegian Consumer Ombudsman"]),
    ("konsumentverket", R, "SE", "Konsumentverket",
     ["Swedish Consumer Agency"], [], []),
    ("forbrugerombudsmanden", R, "DK", "Forbrugerombudsmanden",
     ["Danish Consumer Ombudsman"], [], []),
]

EU_BODIES = [
    ("edpb", R, "EU", "European Data Protection Board",
     ["Europäischer Datenschutzausschuss", "Comité européen de la protection des données",
      "Europeiska dataskyddsstyrelsen", "Personvernrådet", "Det Europæiske Databeskyttelsesråd"],
     ["EDPB", "EDSA", "CEPD"], ["Article 29 Working Party", "Artikel-29-Datenschutzgruppe"]),
    ("edps", R, "EU", "European Data Protection Supervisor",
     ["Europäischer Datenschutzbeauftragter", "Contrôleur européen de la protection des données",
      "Europeiska datatillsynsmannen", "Den Europæiske Tilsynsførende for Databeskyttelse"],
     ["EDPS"], []),
    ("enisa", R, "EU", "European Union Agency for Cybersecurity",
     ["Agentur der Europäischen Union für Cybersicherheit",
      "Agence de l'Union européenne pour la cybersécurité",
      "European Network and Information Security Agency"], ["ENISA"], []),
    ("rspg", R, "EU", "Radio Spectrum Policy Group",
     ["Gruppe für Frequenzpolitik", "groupe pour la politique en matière de spectre radioélectrique"],
     ["RSPG"], []),
    ("european-parliament", P, "EU", "European Parliament",
     ["Europaparlamentet", "Europa-Parlamentet", "Europaparlamentet", "EU-parlamentet",
      "Parlement européen", "le Parlement européen", "Europäisches Parlament",
      "Europäischen Parlament", "Europäischen Parlaments", "Europarlamentet"], ["EP"], []),
    ("council-of-the-eu", P, "EU", "Council of the European Union",
     ["EU Council", "Council of Ministers of the European Union", "Rådet for Den europeiske union",
      "Europeiska unionens råd", "Rådet for Den Europæiske Union", "Conseil de l'Union européenne",
      "Rat der Europäischen Union", "Ministerrat der EU", "EU-Ministerrat"], [], []),
    ("european-council", P, "EU", "European Council",
     ["Det europeiske råd", "Europeiska rådet", "Det Europæiske Råd", "Conseil européen",
      "Europäischer Rat", "Europäische Rat"], [], []),
]

MINISTRIES = [
    # Norway (regjeringen.no); NFD and Samferdselsdepartementet are in core.
    ("kdd", P, "NO", "Kommunal- og distriktsdepartementet",
     ["Ministry of Local Government and Regional Development"], ["KDD"],
     ["Kommunal- og moderniseringsdepartementet", "KMD", "Kommunal- og regionaldepartementet"]),
    ("dfd", P, "NO", "Digitaliserings- og forvaltningsdepartementet",
     ["Ministry of Digitalisation and Public Governance", "Digitaliseringsdepartementet"],
     ["DFD"], []),
    ("finansdepartementet-no", P, "NO", "Norwegian Ministry of Finance",
     ["det norske Finansdepartementet"], ["Finansdepartementet"], []),
    ("jd", P, "NO", "Justis- og beredskapsdepartementet",
     ["Norwegian Ministry of Justice and Public Security", "Justisdepartementet"], [], []),
    ("kud-no", P, "NO", "Kultur- og likestillingsdepartementet",
     ["Norwegian Ministry of Culture and Equality", "Norwegian Ministry of Culture"],
     ["Kulturdepartementet"], []),
    ("nsm", P, "NO", "Nasjonal sikkerhetsmyndighet",
     ["Norwegian National Security Authority"], ["NSM"], []),
    # Sweden (regeringen.se)
    ("infrastrukturdepartementet", P, "SE", "Infrastrukturdepartementet",
     ["Swedish Ministry of Infrastructure", "Landsbygds- och infrastrukturdepartementet"], [],
     ["Kommunikationsdepartementet"]),
    ("naringsdepartementet", P, "SE", "Näringsdepartementet",
     ["Swedish Ministry of Enterprise and Innovation", "Ministry of Climate and Enterprise",
      "Klimat- och näringslivsdepartementet"], [], ["Näringsdepartementet och Kommunikationsdepartementet"]),
    ("finansdepartementet-se", P, "SE", "Finansdepartementet i Sverige",
     ["Swedish Ministry of Finance", "svenska Finansdepartementet"], [], []),
    ("regeringskansliet", P, "SE", "Regeringskansliet",
     ["Government Offices of Sweden"], [], []),
    # Denmark (regeringen.dk / ministries)
    ("digitaliseringsministeriet", P, "DK", "Digitaliseringsministeriet",
     ["Ministeriet for Digitalisering og Ligestilling", "Danish Ministry of Digital Affairs",
      "Ministry of Digital Government and Gender Equality"], [], []),
    ("kefm", P, "DK", "Klima-, Energi- og Forsyningsministeriet",
     ["Danish Ministry of Climate, Energy and Utilities", "Energi-, Forsynings- og Klimaministeriet"],
     ["KEFM"], []),
    ("erhvervsministeriet", P, "DK", "Erhvervsministeriet",
     ["Danish Ministry of Industry, Business and Financial Affairs",
      "Erhvervs- og Vækstministeriet", "Økonomi- og Erhvervsministeriet"], [], []),
    ("finansministeriet-dk", P, "DK", "Danish Ministry of Finance",
     ["det danske Finansministeriet"], ["Finansministeriet"], []),
    ("transportministeriet", P, "DK", "Transportministeriet",
     ["Danish Ministry of Transport", "Trafikministeriet"], [], []),
    ("videnskabsministeriet", P, "DK", "Ministeriet for Videnskab, Teknologi og Udvikling",
     ["Videnskabsministeriet", "Forskningsministeriet"], [], []),
    # France (gouvernement.fr)
    ("bercy", P, "FR", "Ministère de l'Économie et des Finances",
     ["ministère de l'Économie", "ministère de l'Economie", "ministère de l'Économie et des Finances",
      "Ministère de l'Economie et des Finances",
      "French Ministry of Economy and Finance", "French Finance Ministry",
      "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique"],
     ["Bercy"], []),
    ("ministere-industrie", P, "FR", "Ministère de l'Industrie",
     ["ministère de l'Industrie", "French Ministry of Industry",
      "Secrétariat d'État à l'Industrie"], [], []),
    ("numerique-fr", P, "FR", "Secrétariat d'État chargé du Numérique",
     ["ministère délégué chargé du Numérique", "Ministère délégué chargé de l'Intelligence artificielle et du Numérique"],
     [], []),
    ("dge", P, "FR", "Direction générale des Entreprises",
     ["Direction générale des entreprises"], ["DGE"], []),
    ("ape", P, "FR", "Agence des participations de l'État",
     ["Agence des participations de l'Etat", "French State Holding Agency"], ["APE"], []),
    ("anfr", R, "FR", "Agence nationale des fréquences",
     ["Agence Nationale des Fréquences", "French National Frequency Agency"], ["ANFR"], []),
    ("arcom", R, "FR", "Autorité de régulation de la communication audiovisuelle et numérique",
     ["Arcom"], ["ARCOM"], ["Conseil supérieur de l'audiovisuel", "CSA", "Hadopi"]),
    ("dgccrf", R, "FR",
     "Direction générale de la Concurrence, de la Consommation et de la Répression des fraudes",
     [], ["DGCCRF"], []),
    # Germany (bundesregierung.de)
    ("bmdv", P, "DE", "Bundesministerium für Digitales und Verkehr",
     ["Federal Ministry for Digital and Transport",
      "Bundesministerium für Digitales und Staatsmodernisierung", "Bundesdigitalministerium"],
     ["BMDV", "BMDS"], ["Bundesministerium für Verkehr und digitale Infrastruktur", "BMVI"]),
    ("bmwk", P, "DE", "Bundesministerium für Wirtschaft und Klimaschutz",
     ["Federal Ministry for Economic Affairs and Climate Action",
      "Bundeswirtschaftsministerium", "Bundesministerium für Wirtschaft und Energie"],
     ["BMWK", "BMWi", "BMWE"], ["Bundesministerium für Wirtschaft und Technologie",
                                "Bundesministerium für Wirtschaft"]),
    ("bmf-de", P, "DE", "Bundesministerium der Finanzen",
     ["Bundesfinanzministerium", "German Federal Ministry of Finance"], ["BMF"], []),
    ("bmpt", P, "DE", "Bundesministerium für Post und Telekommunikation",
     ["Bundespostministerium", "Federal Ministry of Posts and Telecommunications"],
     ["BMPT"], []),
    ("bsi", R, "DE", "Bundesamt für Sicherheit in der Informationstechnik",
     ["Federal Office for Information Security"], ["BSI"], []),
    ("bundestag", P, "DE", "Deutscher Bundestag",
     ["Bundestag", "Bundestages", "German Bundestag"], [], []),
    # United Kingdom (gov.uk)
    ("dsit", P, "GB", "Department for Science, Innovation and Technology",
     ["UK Department for Science, Innovation and Technology"], ["DSIT"], []),
    ("dcms", P, "GB", "Department for Culture, Media and Sport",
     ["Department for Digital, Culture, Media and Sport"], ["DCMS"], []),
    ("beis", P, "GB", "Department for Business, Energy and Industrial Strategy",
     ["Department for Business and Trade", "Department for Business, Innovation and Skills"],
     ["BEIS", "BIS"], ["Department of Trade and Industry", "DTI"]),
    ("hm-treasury", P, "GB", "HM Treasury",
     ["Her Majesty's Treasury", "His Majesty's Treasury"], [], []),
    ("uk-parliament", P, "GB", "House of Commons", ["British House of Commons"], [], []),
    # France's parliament
    ("assemblee-nationale", P, "FR", "Assemblée nationale",
     ["l'Assemblée nationale", "French National Assembly"], [], []),
    ("senat-fr", P, "FR", "Sénat", ["French Senate", "le Sénat"], [], []),
]

COURTS = [
    # Norway (domstol.no)
    ("hoyesterett", P, "NO", "Høyesterett",
     ["Norges Høyesterett", "Norwegian Supreme Court", "Supreme Court of Norway", "Høgsterett"],
     [], []),
    ("borgarting", P, "NO", "Borgarting lagmannsrett", ["Borgarting Court of Appeal"], [], []),
    ("gulating", P, "NO", "Gulating lagmannsrett", ["Gulating Court of Appeal"], [], []),
    ("frostating", P, "NO", "Frostating lagmannsrett", ["Frostating Court of Appeal"], [], []),
    ("eidsivating", P, "NO", "Eidsivating lagmannsrett", ["Eidsivating Court of Appeal"], [], []),
    ("agder-lagmannsrett", P, "NO", "Agder lagmannsrett", ["Agder Court of Appeal"], [], []),
    ("halogaland", P, "NO", "Hålogaland lagmannsrett", ["Hålogaland Court of Appeal"], [], []),
    ("oslo-tingrett", P, "NO", "Oslo tingrett", ["Oslo District Court"], [], []),
    ("konkurranseklagenemnda", P, "NO", "Konkurranseklagenemnda",
     ["Norwegian Competition Appeals Board"], [], []),
    ("markedsradet", P, "NO", "Markedsrådet", ["Norwegian Market Council"], [], []),
    # Sweden (domstol.se)
    ("hogsta-domstolen", P, "SE", "Högsta domstolen",
     ["Swedish Supreme Court", "Supreme Court of Sweden"], ["HD"], []),
    ("hfd", P, "SE", "Högsta förvaltningsdomstolen",
     ["Supreme Administrative Court of Sweden"], ["HFD"], ["Regeringsrätten"]),
    ("pmd", P, "SE", "Patent- och marknadsdomstolen",
     ["Patent och marknadsdomstolen", "Patent and Market Court"], ["PMD"],
     ["Marknadsdomstolen", "Swedish Market Court"]),
    ("pmod", P, "SE", "Patent- och marknadsöverdomstolen",
     ["Patent and Market Court of Appeal"], ["PMÖD"], []),
    ("svea-hovratt", P, "SE", "Svea hovrätt", ["Svea Court of Appeal"], [], []),
    ("stockholms-tingsratt", P, "SE", "Stockholms tingsrätt", ["Stockholm District Court"], [],
     []),
    ("forvaltningsratten-stockholm", P, "SE", "Förvaltningsrätten i Stockholm",
     ["Administrative Court in Stockholm"], [], ["Länsrätten i Stockholms län"]),
    ("kammarratten-stockholm", P, "SE", "Kammarrätten i Stockholm",
     ["Administrative Court of Appeal in Stockholm"], [], []),
    # Denmark (domstol.dk)
    ("hojesteret", P, "DK", "Højesteret", ["Danish Supreme Court", "Supreme Court of Denmark"],
     [], []),
    ("so-og-handelsretten", P, "DK", "Sø- og Handelsretten",
     ["Sø og Handelsretten", "Maritime and Commercial High Court"], [], []),
    ("ostre-landsret", P, "DK", "Østre Landsret", ["Eastern High Court"], [], []),
    ("vestre-landsret", P, "DK", "Vestre Landsret", ["Western High Court"], [], []),
    ("konkurrenceankenaevnet", P, "DK", "Konkurrenceankenævnet",
     ["Danish Competition Appeals Tribunal"], [], []),
    ("teleklagenaevnet", P, "DK", "Teleklagenævnet", ["Danish Telecommunications Appeals Board"],
     [], []),
    ("kobenhavns-byret", P, "DK", "Københavns Byret", ["City Court of Copenhagen"], [], []),
    # France (justice.fr)
    ("conseil-d-etat", P, "FR", "Conseil d'État",
     ["Conseil d'Etat", "le Conseil d'État", "French Council of State"], [],
     []),
    ("cour-de-cassation", P, "FR", "Cour de cassation",
     ["French Court of Cassation", "Court of Cassation"], [], []),
    ("cour-d-appel-de-paris", P, "FR", "Cour d'appel de Paris",
     ["cour d'appel de Paris", "Paris Court of Appeal"], [], []),
    ("conseil-constitutionnel", P, "FR", "Conseil constitutionnel",
     ["French Constitutional Council"], [], []),
    ("tribunal-de-commerce-de-paris", P, "FR", "Tribunal de commerce de Paris",
     ["tribunal de commerce de Paris", "Paris Commercial Court"], [], []),
    ("tribunal-judiciaire-de-paris", P, "FR", "Tribunal judiciaire de Paris",
     ["tribunal judiciaire de Paris"], [], ["Tribunal de grande instance de Paris"]),
    # Germany (bund.de, justiz)
    ("bgh", P, "DE", "Bundesgerichtshof",
     ["Federal Court of Justice", "German Federal Court of Justice"], ["BGH"], []),
    ("bverwg", P, "DE", "Bundesverwaltungsgericht",
     ["Federal Administrative Court", "German Federal Administrative Court"], ["BVerwG"], []),
    ("bverfg", P, "DE", "Bundesverfassungsgericht",
     ["Federal Constitutional Court", "German Federal Constitutional Court"], ["BVerfG"], []),
    ("olg-duesseldorf", P, "DE", "Oberlandesgericht Düsseldorf",
     ["OLG Düsseldorf", "Higher Regional Court of Düsseldorf", "Düsseldorf Higher Regional Court"],
     [], []),
    ("vg-koeln", P, "DE", "Verwaltungsgericht Köln",
     ["VG Köln", "Administrative Court of Cologne", "Cologne Administrative Court"], [], []),
    ("ovg-nrw", P, "DE", "Oberverwaltungsgericht Nordrhein-Westfalen",
     ["OVG NRW", "Oberverwaltungsgericht Münster", "OVG Münster"], [], []),
    ("lg-koeln", P, "DE", "Landgericht Köln", ["LG Köln", "Cologne Regional Court"], [], []),
    ("lg-bonn", P, "DE", "Landgericht Bonn", ["LG Bonn", "Bonn Regional Court"], [], []),
    # United Kingdom (judiciary.uk)
    ("high-court-ew", P, "GB", "High Court of Justice",
     ["High Court", "the High Court", "High Court in London", "English High Court"], [], []),
    ("court-of-appeal-ew", P, "GB", "Court of Appeal of England and Wales",
     ["Court of Appeal", "English Court of Appeal"], [], []),
    ("uk-supreme-court", P, "GB", "Supreme Court of the United Kingdom",
     ["UK Supreme Court", "British Supreme Court"], [], ["House of Lords Appellate Committee"]),
    ("cat", P, "GB", "Competition Appeal Tribunal", ["UK Competition Appeal Tribunal"], ["CAT"],
     []),
    # Switzerland (bger.ch)
    ("bundesgericht-ch", P, "CH", "Schweizerisches Bundesgericht",
     ["Bundesgericht", "Tribunal fédéral", "Swiss Federal Supreme Court", "Federal Supreme Court of Switzerland"],
     [], []),
    ("bvger-ch", P, "CH", "Schweizerisches Bundesverwaltungsgericht",
     ["Tribunal administratif fédéral", "Swiss Federal Administrative Court"], ["BVGer"], []),
    # EU and EFTA (curia.europa.eu, eftacourt.int)
    ("cjeu", P, "EU", "Court of Justice of the European Union",
     ["European Court of Justice", "EU Court of Justice", "Court of Justice of the EU",
      "EU-domstolen", "EF-domstolen", "EU-domstolen i Luxembourg", "Europeiska unionens domstol",
      "Den Europæiske Unions Domstol", "Cour de justice de l'Union européenne",
      "Cour de justice européenne", "Gerichtshof der Europäischen Union",
      "Europäischer Gerichtshof", "Europäische Gerichtshof", "Europäischen Gerichtshof",
      "EF-Domstolen", "EU-Domstolen"],
     ["CJEU", "ECJ", "CJUE", "EuGH"], []),
    ("general-court-eu", P, "EU", "General Court of the European Union",
     ["EU General Court", "General Court", "Tribunal de l'Union européenne",
      "Gericht der Europäischen Union", "EU-retten",
      "Europeiska unionens tribunal", "Retten i Første Instans"],
     ["EuG"], ["Court of First Instance", "Tribunal de première instance",
               "Gericht erster Instanz", "Förstainstansrätten"]),
    ("efta-court", P, "EU", "EFTA Court",
     ["EFTA-domstolen", "EFTA-Gerichtshof", "Cour AELE", "EFTA Court of Justice"], [], []),
]

SECTIONS = [
    ("national telecom regulators (BEREC members; UK, Switzerland)", NRAS),
    ("national competition authorities (ECN members; EEA, UK, Switzerland)", NCAS),
    ("data-protection authorities (Nordic countries, Germany, UK, Switzerland)", DPAS),
    ("consumer-protection authorities (CPC network members of NO, SE, DK)", CONSUMER),
    ("EU bodies", EU_BODIES),
    ("ministries, agencies and parliaments of NO, SE, DK, FR, DE, UK", MINISTRIES),
    ("courts that rule on the sector", COURTS),
]


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def main() -> None:
    core = tomllib.loads(CORE.read_text())["entity"]
    core_names = {}
    for e in core:
        for n in [e["name"], *e.get("aliases", []), *e.get("context_aliases", []),
                  *e.get("former", [])]:
            core_names[n.casefold()] = e["id"]
    core_ids = {e["id"] for e in core}
    used_names: dict[str, str] = {}
    used_ids = set(core_ids)
    lines = [
        "# GENERATED by scripts/gen_authorities.py: do not edit by hand, edit the script's tables.",
        "# Sources: BEREC members and participants (NRAs), the European Competition Network's",
        "# members (NCAs), the European Data Protection Board's members (DPAs), the EU Consumer",
        "# Protection Cooperation network's members of NO, SE and DK, the official",
        "# names of ministries and courts; see the script's docstring. Abbreviations of two",
        "# letters or that are common words are context_aliases; core.toml's names are not",
        "# repeated here.",
        "",
    ]
    count = 0
    dropped = []
    for title, table in SECTIONS:
        lines.append(f"# ---------------------------------------------------------------- {title}")
        for eid, etype, country, name, aliases, abbrs, former in table:
            assert eid not in used_ids, eid
            used_ids.add(eid)

            def keep(n: str) -> bool:
                if n in SHARED_NAMES:
                    return True
                k = n.casefold()
                if k in core_names:
                    dropped.append(f"{eid}: '{n}' is core's {core_names[k]}")
                    return False
                if k in used_names and used_names[k] != eid:
                    dropped.append(f"{eid}: '{n}' is {used_names[k]}'s")
                    return False
                return True

            if not keep(name):
                raise SystemExit(f"{eid}: its name {name!r} is taken")
            used_names[name.casefold()] = eid
            plain, context, old = [], [], []
            for a in aliases:
                if a != name and keep(a) and a not in plain:
                    plain.append(a)
                    used_names[a.casefold()] = eid
            for a in abbrs:
                if keep(a):
                    (context if context_only(a) else plain).append(a)
                    used_names[a.casefold()] = eid
            for a in former:
                if keep(a):
                    if re.fullmatch(r"[A-ZÆØÅÄÖÜ]{1,4}", a) and context_only(a) or len(a) <= 2:
                        context.append(a)
                    else:
                        old.append(a)
                    used_names[a.casefold()] = eid
            lines.append("[[entity]]")
            lines.append(f"id = {toml_str(eid)}")
            lines.append(f"type = {toml_str(etype)}")
            lines.append(f"name = {toml_str(name)}")
            if plain:
                lines.append("aliases = [" + ", ".join(map(toml_str, plain)) + "]")
            if context:
                lines.append("context_aliases = [" + ", ".join(map(toml_str, context)) + "]")
            if old:
                lines.append("former = [" + ", ".join(map(toml_str, old)) + "]")
            lines.append(f"country = {toml_str(country)}")
            lines.append("")
            count += 1
    OUT.write_text("\n".join(lines))
    print(f"{count} entities -> {OUT}", file=sys.stderr)
    for d in dropped:
        print(f"  left out: {d}", file=sys.stderr)


if __name__ == "__main__":
    main()
