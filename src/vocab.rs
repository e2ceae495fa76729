//! The RDF vocabulary of the graph contract (../shared/spec/graph-contract.md): namespace
//! IRIs and the prefixes every output and the query command declare. A leaf module.

pub const TM: &str = "https://w3id.org/telekg/ontology#";
pub const TMR: &str = "https://w3id.org/telekg/id/";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";

pub const PREFIXES: &[(&str, &str)] = &[
    ("tm", TM),
    ("tmr", TMR),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", SKOS),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("owl", OWL),
];
