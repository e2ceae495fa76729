//! telekg: telecom-market news -> a traceable, multilingual knowledge graph.
//!
//! Stages, one module each: [`ingest`] -> [`extract`] -> [`resolve`] -> [`graph`] ->
//! [`export`], plus [`store`] for SPARQL queries; [`pipeline`] wires them. Knowledge
//! (gazetteer, lexicons, patterns) is data under `ontology/`, loaded by [`knowledge`].

pub mod atomic;
pub mod cache;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod knowledge;
pub mod manifest;
pub mod pipeline;
pub mod push;
pub mod resolve;
pub mod store;
pub mod synth;
pub mod template;
pub mod text;
pub mod vocab;

pub use error::{Error, InputError, Result};
