//! The template language of the shared constructions (`ontology/constructions.toml`):
//! slots, trigger parts, function-word classes, gaps and literals, parsed into elements.
//! See `extract::constructions` for how templates are matched. A leaf module.

/// A trigger part of a relation's set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Verb,
    Passive,
    Noun,
    Support,
    Reciprocal,
    Relational,
    Title,
    /// The stem of a separable verb; its particle ends the clause.
    Separable,
    /// Passive forms without an auxiliary (s-passive).
    SyntheticPassive,
    /// Verbs and nouns of transfer to a recipient.
    Transfer,
    /// Transfer verbs in the s-passive.
    TransferSynthetic,
    TransferNoun,
    /// Verbs of sharing ("share", "deler"): with a shared object, a reciprocal verb.
    Sharing,
    /// What partners share ("network", "masts"), or a service mention.
    Shared,
}

/// A class of function words of the language's grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Aux,
    Pass,
    By,
    NounBy,
    Prep,
    With,
    Between,
    /// The genitive preposition before a coordinated pair ("the merger of A and B").
    Of,
    /// Any preposition of the language (an adjunct's head: "competitor in the market").
    AnyPrep,
    Rel,
    RelSubject,
    RelObject,
    Copula,
    And,
    Employer,
    /// A distributive quantifier after a list ("both", "begge", "tous deux"): what follows
    /// holds for every member.
    Both,
    /// The recipient prepositions of the trigger set.
    To,
    /// Genitive articles or prepositions after a noun (grammar `genitive_articles`: "die
    /// Ermittlungen der EU-Kommission", "l'enquête de l'Arcep").
    Genitive,
    /// The word before an object's predicative (grammar `predicative_as`: "som", "as").
    As,
    /// Verbs whose object takes a predicative (grammar `object_predicative_verbs`: "har",
    /// "has", "chose", "regards").
    ObjectPredicative,
    /// The preposition of a verbless headline that puts its subject in a state or a deal
    /// (grammar `headline_prepositions`: "i", "in", "dans": "Telia og Telenor i nytt
    /// samarbeid").
    Headline,
    /// A relative pronoun in the genitive (grammar `relative_possessives`: "whose",
    /// "deren", "dont", "vars", "hvis"): the noun after it is the antecedent's.
    RelPossessive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Any words inside the clause.
    Clause,
    /// Words before an object: no preposition but the object prepositions.
    Object,
    /// Modifiers: no preposition, no comma.
    Modifier,
    /// Nationality adjectives only, after a noun ("sa filiale italienne Fastweb"), where a
    /// modifier gap would read a verb ("Telias datterselskap kjøper Get").
    Adjective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    X,
    Y,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    Slot {
        role: Role,
        single: bool,
        genitive: bool,
        /// `X1adj`: a nationality adjective ("German", "norske", "belge") qualifying the
        /// other slot's noun.
        adjective: bool,
        /// `Y-N`: glued by a hyphen to a compound whose tail is this part.
        compound: Option<Part>,
    },
    Part(Part),
    /// `V<`: the first word of a multi-word phrase of the part; `V>`: the rest of the
    /// same phrase. In V2 inversion the subject stands between ("etablerte Telenor seg i").
    SplitHead(Part),
    SplitTail,
    Class(Class),
    Gap(Gap),
    Fronted,
    Literal(String),
    Start,
    End,
}

/// A parsed template: its elements, each with whether it is optional.
#[derive(Debug, Clone)]
pub struct Template {
    pub elems: Vec<(Elem, bool)>,
}

fn part_of(name: &str) -> Option<Part> {
    Some(match name {
        "V" => Part::Verb,
        "P" => Part::Passive,
        "N" => Part::Noun,
        "S" => Part::Support,
        "R" => Part::Reciprocal,
        "RN" => Part::Relational,
        "T" => Part::Title,
        "SEP" => Part::Separable,
        "PS" => Part::SyntheticPassive,
        "TV" => Part::Transfer,
        "TVS" => Part::TransferSynthetic,
        "TN" => Part::TransferNoun,
        "SV" => Part::Sharing,
        "SO" => Part::Shared,
        _ => return None,
    })
}

fn class_of(name: &str) -> Option<Class> {
    Some(match name {
        "AUX" => Class::Aux,
        "PASS" => Class::Pass,
        "BY" => Class::By,
        "NBY" => Class::NounBy,
        "PREP" => Class::Prep,
        "WITH" => Class::With,
        "BETWEEN" => Class::Between,
        "OF" => Class::Of,
        "PW" => Class::AnyPrep,
        "REL" => Class::Rel,
        "RELS" => Class::RelSubject,
        "RELO" => Class::RelObject,
        "COP" => Class::Copula,
        "AND" => Class::And,
        "EMP" => Class::Employer,
        "BOTH" => Class::Both,
        "TO" => Class::To,
        "GEN" => Class::Genitive,
        "AS" => Class::As,
        "OPV" => Class::ObjectPredicative,
        "HL" => Class::Headline,
        "RELP" => Class::RelPossessive,
        _ => return None,
    })
}

impl Template {
    /// Parses a template; the error says which element is wrong.
    pub fn parse(text: &str) -> Result<Template, String> {
        let mut elems = Vec::new();
        for raw in text.split_whitespace() {
            let (word, optional) = match raw.strip_suffix('?') {
                Some(w) if !w.is_empty() => (w, true),
                _ => (raw, false),
            };
            let elem = if let Some(lit) = word.strip_prefix('\'').and_then(|w| w.strip_suffix('\''))
            {
                Elem::Literal(lit.to_lowercase())
            } else if matches!(word, "," | "(" | ")" | "-" | ":") {
                Elem::Literal(word.to_string())
            } else if word == "^" {
                Elem::Start
            } else if word == "$" {
                Elem::End
            } else if word == "G" {
                Elem::Gap(Gap::Clause)
            } else if word == "O" {
                Elem::Gap(Gap::Object)
            } else if word == "A" {
                Elem::Gap(Gap::Modifier)
            } else if word == "D" {
                Elem::Gap(Gap::Adjective)
            } else if word == "F" {
                Elem::Fronted
            } else if let Some(p) = word.strip_suffix('<').and_then(part_of) {
                Elem::SplitHead(p)
            } else if word.ends_with('>') && part_of(&word[..word.len() - 1]).is_some() {
                Elem::SplitTail
            } else if let Some(p) = part_of(word) {
                Elem::Part(p)
            } else if let Some(c) = class_of(word) {
                Elem::Class(c)
            } else {
                let (slot, rest) = word.split_at(1);
                let role = match slot {
                    "X" => Role::X,
                    "Y" => Role::Y,
                    _ => return Err(format!("unknown element {raw:?}")),
                };
                let (single, rest) = match rest.strip_prefix('1') {
                    Some(r) => (true, r),
                    None => (false, rest),
                };
                let (genitive, adjective, compound) = match rest {
                    "" => (false, false, None),
                    "'s" => (true, false, None),
                    "adj" if single => (false, true, None),
                    _ => match rest.strip_prefix('-').and_then(part_of) {
                        Some(p) => (false, false, Some(p)),
                        None => return Err(format!("unknown element {raw:?}")),
                    },
                };
                Elem::Slot {
                    role,
                    single,
                    genitive,
                    adjective,
                    compound,
                }
            };
            elems.push((elem, optional));
        }
        let anchors = elems
            .iter()
            .filter(|(e, _)| matches!(e, Elem::Part(_) | Elem::SplitHead(_)))
            .count();
        let compound = elems.iter().any(|(e, _)| {
            matches!(
                e,
                Elem::Slot {
                    compound: Some(_),
                    ..
                }
            )
        });
        if anchors == 0 && !compound {
            return Err(
                "a template needs a trigger part (V, P, PS, N, S, R, RN, T, SEP, TV, TVS, TN, SV, SO)".into(),
            );
        }
        Ok(Template { elems })
    }

    /// The trigger parts the template uses.
    pub fn parts(&self) -> Vec<Part> {
        self.elems
            .iter()
            .filter_map(|(e, _)| match e {
                Elem::Part(p) | Elem::SplitHead(p) => Some(*p),
                Elem::Slot {
                    compound: Some(p), ..
                } => Some(*p),
                _ => None,
            })
            .collect()
    }

    /// Index of the element the match is anchored on: the part that carries the
    /// relation (a noun before its support verb).
    pub fn anchor(&self) -> usize {
        let rank = |e: &Elem| match e {
            Elem::Part(Part::Noun | Part::TransferNoun)
            | Elem::Slot {
                compound: Some(_), ..
            } => 0,
            Elem::Part(Part::Relational) => 1,
            Elem::Part(
                Part::Verb
                | Part::Passive
                | Part::SyntheticPassive
                | Part::Transfer
                | Part::TransferSynthetic
                | Part::Reciprocal
                | Part::Sharing
                | Part::Separable,
            ) => 2,
            Elem::SplitHead(_) => 2,
            Elem::Part(Part::Title) => 3,
            Elem::Part(Part::Support) => 4,
            _ => 9,
        };
        let (i, _) = self
            .elems
            .iter()
            .enumerate()
            .min_by_key(|(i, (e, _))| (rank(e), *i))
            .expect("a template has elements");
        i
    }
}
