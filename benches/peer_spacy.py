#!/usr/bin/env python3
"""The pipeline a Python user would build instead of telekg, for the benchmark's peer
comparison (benches/pipeline.rs runs it on the same generated corpus).

spaCy blank pipelines per language (tokenizer + sentencizer), an EntityRuler with the
same gazetteer and places as telekg (ontology/gazetteer/*.toml, ontology/places/*.toml) plus
token patterns for capitalised names before a legal form or a group word, relations from
deal and ownership verbs between two entities of a sentence, and rdflib building the graph
(entities, articles, reified statements with evidence sentence and offsets) and writing
Turtle. Prints counts and "seconds S" (everything after reading the corpus).

    python3 benches/peer_spacy.py corpus.jsonl out.ttl
Needs: pip install spacy rdflib
"""
import json
import re
import sys
import time
import tomllib
from hashlib import blake2b
from pathlib import Path

import spacy
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

ROOT = Path(__file__).resolve().parent.parent
TM = Namespace("https://w3id.org/telekg/ontology#")
TMR = Namespace("https://w3id.org/telekg/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

# Deal and ownership verbs a user would list per language.
VERBS = {
    "en": {"buys": "acquired", "bought": "acquired", "acquires": "acquired", "acquired": "acquired", "owns": "owns", "investigates": "investigates"},
    "nb": {"kjøper": "acquired", "kjøpt": "acquired", "kjøpte": "acquired", "eier": "owns", "gransker": "investigates"},
    "sv": {"köper": "acquired", "köpt": "acquired", "köpte": "acquired", "äger": "owns", "granskar": "investigates"},
    "da": {"køber": "acquired", "købt": "acquired", "købte": "acquired", "ejer": "owns", "undersøger": "investigates"},
    "fr": {"rachète": "acquired", "racheté": "acquired", "acquiert": "acquired", "détient": "owns", "enquête": "investigates"},
    "de": {"kauft": "acquired", "gekauft": "acquired", "übernimmt": "acquired", "besitzt": "owns", "prüft": "investigates"},
}
LEGAL = ["AS", "ASA", "AB", "A/S", "SA", "GmbH", "AG", "Ltd", "plc", "Group", "Oyj"]
TYPE_OF_LABEL = {"ORG": "Company", "REG": "Regulator", "PUB": "PublicBody", "GPE": "Place"}


def slug(text):
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


def ruler_patterns():
    def folder(name, key):
        items = []
        for path in sorted((ROOT / "ontology" / name).glob("*.toml")):
            items += tomllib.loads(path.read_text()).get(key, [])
        return items
    patterns = []
    for e in folder("gazetteer", "entity"):
        label = {"Regulator": "REG", "PublicBody": "PUB"}.get(e.get("type"), "ORG")
        for name in [e["name"], *e.get("aliases", []), *e.get("former", [])]:
            patterns.append({"label": label, "pattern": name, "id": e["id"]})
    for p in folder("places", "place"):
        for name in [p["name"], *p.get("names", [])]:
            patterns.append({"label": "GPE", "pattern": name, "id": p.get("id", slug(p["name"]))})
    # Discovered companies: one to three capitalised tokens before a legal form.
    for n in (1, 2, 3):
        patterns.append({"label": "ORG", "pattern": [{"IS_TITLE": True}] * n + [{"TEXT": {"IN": LEGAL}}]})
    return patterns


def make_pipelines(langs):
    patterns = ruler_patterns()
    pipes = {}
    for lang in langs:
        nlp = spacy.blank({"nn": "nb"}.get(lang, lang))
        nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
        ruler.add_patterns(patterns)
        pipes[lang] = nlp
    return pipes


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    articles = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    by_lang = {}
    for i, a in enumerate(articles):
        by_lang.setdefault(a.get("lang", "en"), []).append(i)
    pipes = make_pipelines(by_lang)
    g = Graph()
    for prefix, ns in [("tm", TM), ("tmr", TMR), ("prov", PROV), ("dcterms", DCTERMS)]:
        g.bind(prefix, ns)
    entities = relations = 0
    seen = set()
    for lang, idx in by_lang.items():
        verbs = VERBS.get(lang, VERBS["en"])
        docs = pipes[lang].pipe((articles[i]["text"] for i in idx), batch_size=256)
        for i, doc in zip(idx, docs):
            a = articles[i]
            art = TMR["article/" + slug(a["id"])]
            g.add((art, RDF.type, TM.Article))
            g.add((art, DCTERMS.title, Literal(a.get("title", ""))))
            g.add((art, DCTERMS.language, Literal(lang)))
            for sent in doc.sents:
                ents = [e for e in doc.ents if e.start >= sent.start and e.end <= sent.end]
                nodes = []
                for e in ents:
                    node = TMR[e.ent_id_ or slug(e.text)]
                    nodes.append((e, node))
                    if node not in seen:
                        seen.add(node)
                        entities += 1
                        g.add((node, RDF.type, TM[TYPE_OF_LABEL.get(e.label_, "Company")]))
                        g.add((node, RDFS.label, Literal(e.text)))
                for (e1, n1), (e2, n2) in zip(nodes, nodes[1:]):
                    between = doc[e1.end:e2.start]
                    prop = next((verbs[t.lower_] for t in between if t.lower_ in verbs), None)
                    if prop is None or n1 == n2:
                        continue
                    relations += 1
                    g.add((n1, TM[prop], n2))
                    key = blake2b(f"{n1}{prop}{n2}{a['id']}".encode(), digest_size=8).hexdigest()
                    st, ev = TMR["assertion/" + key], TMR["evidence/" + key]
                    g.add((st, RDF.type, RDF.Statement))
                    g.add((st, RDF.subject, n1))
                    g.add((st, RDF.predicate, TM[prop]))
                    g.add((st, RDF.object, n2))
                    g.add((st, TM.evidence, ev))
                    g.add((ev, PROV.wasQuotedFrom, art))
                    g.add((ev, PROV.value, Literal(sent.text)))
                    g.add((ev, TM.startOffset, Literal(sent.start_char, datatype=XSD.integer)))
                    g.add((ev, TM.endOffset, Literal(sent.end_char, datatype=XSD.integer)))
    g.serialize(destination=out, format="turtle")
    seconds = time.perf_counter() - started
    print(f"{len(articles)} articles, {entities} entities, {relations} relations, {len(g)} triples")
    print(f"seconds {seconds:.3f}")


if __name__ == "__main__":
    main()
