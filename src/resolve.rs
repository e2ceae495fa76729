//! Resolve stage: mentions of all articles -> one entity per real-world thing, with a
//! stable key minted from its identity (gazetteer id, place id, service concept, or the
//! folded canonical name of a discovered entity).
//!
//! Discovered names are folded (case, diacritics, legal suffixes, genitive -s) and then
//! near-identical spellings ("Glocanet" / "Glocalnet") are merged, comparing only names
//! that share a blocking key, never all pairs.

use crate::extract::{fold, ArticleRecord, Reference};
use crate::knowledge::{EntityType, Knowledge};
use crate::text::deletion_keys;
use foldhash::{HashMap, HashMapExt, HashSet};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One resolved entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Local name of its IRI (`tmr:<key>`), or of the service concept (`tm:<key>`).
    pub key: String,
    pub etype: EntityType,
    pub label: String,
    pub alt_labels: BTreeSet<String>,
    pub same_as: Option<String>,
    pub service: bool,
}

/// The entity table and, per article, the entity of every mention.
#[derive(Debug, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// `mention_entity[article][mention]` indexes `entities`.
    pub mention_entity: Vec<Vec<usize>>,
}

/// Slug of a name: folded, runs of non-alphanumerics as one hyphen.
///
/// ```
/// assert_eq!(telekg::resolve::slug("France Télécom"), "france-telecom");
/// assert_eq!(telekg::resolve::slug("Post- og teletilsynet"), "post-og-teletilsynet");
/// ```
pub fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Whether `word` is one of `list`, in any case ("OY" is "Oy"), also in the genitive
/// ("Groups", "AB:s", "AS'").
fn is_word_of(word: &str, list: &[String]) -> bool {
    let bare = ["'s", "’s", ":s", "'", "’", "s"]
        .iter()
        .find_map(|g| word.strip_suffix(g).filter(|w| !w.is_empty()));
    list.iter()
        .any(|f| f.eq_ignore_ascii_case(word) || bare.is_some_and(|b| b.eq_ignore_ascii_case(f)))
}

/// [`identity`] without dropping the generic corporate word ("norsk-mobil-group").
fn identity_keeping_group(name: &str, common: &crate::knowledge::Common) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Group" and "Holding" are legal forms too: they stay here.
    while words.len() > 1
        && is_word_of(words[words.len() - 1], &common.legal_forms)
        && !is_word_of(words[words.len() - 1], &common.generic_company_words)
    {
        words.pop();
    }
    let joined = words.join(" ");
    let joined = joined.trim_end_matches("'s").trim_end_matches("’s");
    slug(joined)
}

/// Folded identity of a discovered name: legal forms, one generic corporate word
/// ("Networks", "Group"), also in the genitive ("Vestnet Groups"), and a genitive -s
/// dropped.
fn identity(name: &str, common: &crate::knowledge::Common) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && is_word_of(words[words.len() - 1], &common.legal_forms) {
        words.pop();
    }
    if words.len() > 1 && is_word_of(words[words.len() - 1], &common.generic_company_words) {
        words.pop();
    }
    let joined = words.join(" ");
    let joined = joined.trim_end_matches("'s").trim_end_matches("’s");
    slug(joined)
}

pub use crate::text::one_edit_apart;

/// Shortest name (in bytes, without hyphens) compared for one-letter typos.
const FUZZY_MIN_BYTES: usize = 7;

/// Hashes of a name and each of its one-letter deletions (see [`deletion_keys`]), for
/// the corpus's own names: an archive has millions of deletions, and a hash is neither
/// allocated nor compared byte by byte. Equal deletions hash alike; a collision only
/// adds a pair that the exact comparison then rejects.
fn deletion_hashes(name: &str) -> impl Iterator<Item = u64> + '_ {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::default();
    let mut deleted = String::with_capacity(name.len());
    std::iter::once(hasher.hash_one(name)).chain(name.char_indices().map(move |(i, c)| {
        deleted.clear();
        deleted.push_str(&name[..i]);
        deleted.push_str(&name[i + c.len_utf8()..]);
        hasher.hash_one(deleted.as_str())
    }))
}

/// One edit apart, the same first three letters, the same digits.
fn near_identical(a: &str, b: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    a.chars().take(3).eq(b.chars().take(3))
        && digits(a) == digits(b)
        && (a == b || one_edit_apart(a, b))
}

/// Whether two slugs one edit apart differ inside a word of four letters or more: a
/// typo, where a short word that differs is another word ("t-mobile-uk" is not
/// "t-mobile-us", nor "telia-ab" "telia-as"). Slugs with different word counts pass.
fn typo_in_long_word(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split('-').collect(), b.split('-').collect());
    wa.len() != wb.len()
        || wa
            .iter()
            .zip(&wb)
            .filter(|(x, y)| x != y)
            .all(|(x, y)| x.chars().count() >= 4 && y.chars().count() >= 4)
}

struct UnionFind(Vec<usize>);
impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// A discovered identity with what the corpus said about it (its spellings borrowed
/// from the extractions).
#[derive(Default)]
struct Candidate<'a> {
    surfaces: BTreeMap<&'a str, usize>,
    types: BTreeMap<EntityType, usize>,
}

/// Adds the counts of `from` to `into`, key by key.
fn add_counts<K: Ord + Copy>(into: &mut BTreeMap<K, usize>, from: &BTreeMap<K, usize>) {
    for (k, n) in from {
        *into.entry(*k).or_default() += n;
    }
}

/// What the corpus said about one discovered spelling.
#[derive(Default)]
struct SpellingCounts {
    /// Mentions that name it (not anaphors or demonyms).
    as_name: usize,
    types: BTreeMap<EntityType, usize>,
}

/// Mentions of discovered names counted per spelling, over chunks of articles in
/// parallel: the merge then works per spelling, not per mention.
fn count_spellings(extractions: &[ArticleRecord]) -> HashMap<&str, SpellingCounts> {
    extractions
        .par_chunks(1024)
        .map(|chunk| {
            let mut counts: HashMap<&str, SpellingCounts> = HashMap::new();
            for m in chunk.iter().flat_map(|x| &x.mentions) {
                if let Reference::New(name) = &m.reference {
                    let c = counts.entry(name.as_str()).or_default();
                    c.as_name += usize::from(m.is_name());
                    *c.types.entry(m.etype).or_default() += 1;
                }
            }
            counts
        })
        .reduce(HashMap::new, |a, b| {
            let (mut into, from) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (name, counts) in from {
                let c = into.entry(name).or_default();
                c.as_name += counts.as_name;
                add_counts(&mut c.types, &counts.types);
            }
            into
        })
}

/// Resolves the mentions of all extractions.
pub fn resolve(extractions: &[ArticleRecord]) -> Resolution {
    let knowledge = Knowledge::global();
    let legal = &knowledge.common;
    // Gazetteer names by identity: a discovered spelling of a known entity joins it. A
    // stripped form counts only where it is one of the entity's own names ("Telenor ASA"
    // is Telenor; "Orange SA" does not make every "Orange" France Télécom).
    let mut known_by_identity: HashMap<String, String> = HashMap::new();
    for e in &knowledge.gazetteer {
        let names: Vec<&String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.former)
            .collect();
        let exact: BTreeSet<String> = names.iter().map(|n| slug(n)).collect();
        for n in &names {
            known_by_identity
                .entry(slug(n))
                .or_insert_with(|| e.id.clone());
            let stripped = identity(n, legal);
            if exact.contains(&stripped) {
                known_by_identity
                    .entry(stripped)
                    .or_insert_with(|| e.id.clone());
            }
        }
    }

    // 1. Discovered identities across the corpus. Hash maps, not ordered ones: an
    // archive has millions of mentions, and a lookup in an ordered map of hundreds of
    // thousands of names waits on memory at every level. Mentions are counted per
    // spelling on every core; each spelling's identity is worked out once.
    let spellings = count_spellings(extractions);
    // A name with a corporate word ("Norsk Mobil Group AS") beside the same name without it
    // in one article ("Norsk Mobil AS eies av Norsk Mobil Group AS") names another company:
    // its parent. Such names keep the word in their identity everywhere.
    let distinct_groups: HashSet<&str> = extractions
        .par_iter()
        .flat_map_iter(|x| {
            // Related by a claim of the article ("X Group AS owns X AS"): elsewhere the short
            // form is the same company ("nätoperatören Quadracom Networks ... Quadracom").
            let name_of = |i: usize| match &x.mentions[i].reference {
                Reference::New(n) => Some(n.as_str()),
                _ => None,
            };
            x.relations
                .iter()
                .filter_map(|r| Some((name_of(r.subject)?, name_of(r.object)?)))
                .flat_map(|(a, b)| [(a, b), (b, a)])
                .filter(|(n, o)| {
                    let full = identity_keeping_group(n, legal);
                    let short = identity(n, legal);
                    full != short
                        && identity(o, legal) == short
                        && identity_keeping_group(o, legal) == short
                })
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        })
        .collect();
    // A known name with a legal form of another country's law is the company's unit in
    // that country ("TDC Oy" is not TDC): it keeps the form in its identity, and its
    // country's code when the form has only one.
    let foreign_unit = |name: &str| -> Option<(String, Option<&str>)> {
        // The first of the legal forms that end the name ("TDC AB (publ)": "AB").
        let words: Vec<&str> = name.split(' ').collect();
        let first_form = (1..words.len())
            .find(|&k| words[k..].iter().all(|w| is_word_of(w, &legal.legal_forms)))?;
        let (head, form) = (words[..first_form].join(" "), words[first_form]);
        let head_identity = identity(&head, legal);
        let id = known_by_identity.get(&head_identity)?;
        match knowledge.foreign_legal_form(id, form)? {
            [country] => Some((head_identity, Some(country.as_str()))),
            _ => Some((head_identity, None)),
        }
    };
    let identity_of: HashMap<&str, String> = spellings
        .par_iter()
        .map(|(name, _)| {
            let id = if distinct_groups.contains(name) {
                identity_keeping_group(name, legal)
            } else if foreign_unit(name).is_some() {
                slug(name)
            } else {
                identity(name, legal)
            };
            (*name, id)
        })
        .collect();
    let mut candidates: HashMap<&str, Candidate> = HashMap::new();
    for (name, counts) in &spellings {
        let c = candidates.entry(identity_of[name].as_str()).or_default();
        if counts.as_name > 0 {
            *c.surfaces.entry(name).or_default() += counts.as_name;
        }
        add_counts(&mut c.types, &counts.types);
    }
    let mut ids: Vec<String> = candidates.keys().map(|id| id.to_string()).collect();
    ids.sort_unstable();
    let position: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut uf = UnionFind((0..ids.len()).collect());
    // Genitive variants: "stockholms-energi" and "stockholm-energis" are "stockholm-energi".
    for (i, id) in ids.iter().enumerate() {
        let parts: Vec<&str> = id.split('-').collect();
        for (p, part) in parts.iter().enumerate() {
            if part.len() > 3 && part.ends_with('s') {
                let mut variant = parts.clone();
                let stripped = &part[..part.len() - 1];
                variant[p] = stripped;
                if let Some(&j) = position.get(variant.join("-").as_str()) {
                    uf.union(i, j);
                }
            }
        }
    }
    // A brand written after its parent's name ("Mannesmann Arcor" beside "Arcor"): the
    // parent is a known company and the rest a name of its own elsewhere in the corpus,
    // not a generic word ("Telenor Mobil" is no "Mobil").
    let generic: HashSet<String> = legal
        .generic_company_words
        .iter()
        .chain(&legal.company_name_words)
        .chain(&legal.legal_forms)
        .map(|w| slug(w))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        for (cut, _) in id.match_indices('-') {
            let (parent, rest) = (&id[..cut], &id[cut + 1..]);
            if rest.len() < 4 || generic.contains(rest) || !known_by_identity.contains_key(parent) {
                continue;
            }
            if let Some(&j) = position.get(rest) {
                if candidates[rest].surfaces.values().sum::<usize>() > 0 {
                    uf.union(i, j);
                }
            }
        }
    }
    // A unit named by its foreign legal form is the one named by its country elsewhere
    // ("TDC Oy" and "TDC Finland").
    for name in spellings.keys() {
        let Some((head, Some(code))) = foreign_unit(name) else {
            continue;
        };
        let Some(place) = knowledge
            .country_place(code)
            .and_then(|p| knowledge.place(p))
        else {
            continue;
        };
        for country in std::iter::once(&place.name).chain(&place.names) {
            let by_country = format!("{head}-{}", slug(country));
            if let (Some(&i), Some(&j)) = (
                position.get(identity_of[name].as_str()),
                position.get(by_country.as_str()),
            ) {
                uf.union(i, j);
            }
        }
    }
    // Near-identical spellings: names one edit apart that share their first three
    // letters and their digits ("Glocanet" / "Glocalnet", not "Nordcom 34" / "Nordcom
    // 35"). Candidates come from a deletion index (every name and each of its
    // one-letter deletions), so the work grows with the number of names, not its square.
    let compact: Vec<String> = ids
        .iter()
        .map(|id| id.chars().filter(|c| *c != '-').collect())
        .collect();
    let mut same_compact: HashMap<&str, usize> = HashMap::new();
    for (i, c) in compact.iter().enumerate() {
        match same_compact.get(c.as_str()) {
            Some(&j) => uf.union(j, i),
            None => {
                same_compact.insert(c, i);
            }
        }
    }
    // Names that share a deletion hash, sorted together; pairs checked on every core.
    // Union-find roots are the smallest member, so the groups do not depend on the order
    // in which pairs are joined.
    let mut by_deletion: Vec<(u64, usize)> = compact
        .par_iter()
        .enumerate()
        .filter(|(_, c)| c.len() >= FUZZY_MIN_BYTES)
        .flat_map_iter(|(i, c)| deletion_hashes(c).map(move |h| (h, i)))
        .collect();
    by_deletion.par_sort_unstable();
    // "aab" gives "ab" twice.
    by_deletion.dedup();
    let near_pairs: Vec<(usize, usize)> = by_deletion
        .par_chunk_by(|x, y| x.0 == y.0)
        .flat_map_iter(|members| {
            members
                .iter()
                .enumerate()
                .flat_map(move |(a_pos, &(_, a))| {
                    members[a_pos + 1..].iter().map(move |&(_, b)| (a, b))
                })
        })
        .filter(|&(a, b)| {
            near_identical(&compact[a], &compact[b]) && typo_in_long_word(&ids[a], &ids[b])
        })
        .collect();
    for (a, b) in near_pairs {
        uf.union(a, b);
    }
    // Against the gazetteer: a typo of a known name ("Telenpor", "EU-kommisionen"),
    // compared without hyphens and spaces, only for longer names.
    // A known name written with other spacing ("One Call AS" for OneCall), where no two
    // known entities share the compacted name and it is long enough to be no pair of
    // common words ("Own It" is not Ownit). Identities write spaces as hyphens.
    let mut known_by_deletion: HashMap<String, Vec<(String, &str, &String)>> = HashMap::new();
    let mut known_by_compact: HashMap<String, Option<&String>> = HashMap::new();
    for (name, id) in &known_by_identity {
        let c: String = name.chars().filter(|c| *c != '-').collect();
        for key in deletion_keys(&c) {
            known_by_deletion
                .entry(key)
                .or_default()
                .push((c.clone(), name, id));
        }
        if c.len() >= FUZZY_MIN_BYTES {
            known_by_compact
                .entry(c)
                .and_modify(|seen| {
                    if seen.is_some_and(|s| s != id) {
                        *seen = None;
                    }
                })
                .or_insert(Some(id));
        }
    }
    let mut to_known: HashMap<usize, String> = HashMap::new();
    for (a, ca) in compact.iter().enumerate() {
        if let Some(id) = known_by_identity.get(&ids[a]) {
            to_known.insert(a, id.clone());
        } else if let Some(Some(id)) = known_by_compact.get(ca) {
            to_known.insert(a, (*id).clone());
        } else if ca.len() >= FUZZY_MIN_BYTES {
            let block: String = ca.chars().take(3).collect();
            let found = deletion_keys(ca)
                .filter_map(|key| known_by_deletion.get(&key))
                .flatten()
                .filter(|(name, known, id)| {
                    name.starts_with(&block)
                        && one_edit_apart(name, ca)
                        && typo_in_long_word(known, &ids[a])
                        // A typo keeps the kind: a discovered product one letter from a
                        // known company's name is another name ("Yourfone", "Youfone");
                        // organisations of any type may be one ("EU-kommisionen").
                        && knowledge.entity(id).is_none_or(|e| {
                            candidates[ids[a].as_str()].types.keys().any(|t| {
                                *t == e.etype
                                    || (t.is_organisation() && e.etype.is_organisation())
                            })
                        })
                })
                .map(|(_, _, id)| *id)
                .min();
            if let Some(id) = found {
                to_known.insert(a, id.clone());
            }
        }
    }

    // 2. Entities: known ones first (deterministic order by key), then discovered groups.
    let mut table = EntityTable::default();

    // Groups of discovered identities: canonical = most frequent surface form.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..ids.len() {
        let r = uf.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut identity_entity: HashMap<usize, usize> = HashMap::new();
    for members in groups.values() {
        let known = members.iter().find_map(|m| to_known.get(m).cloned());
        let mut surfaces: BTreeMap<&str, usize> = BTreeMap::new();
        let mut types: BTreeMap<EntityType, usize> = BTreeMap::new();
        for &m in members {
            let c = &candidates[ids[m].as_str()];
            add_counts(&mut surfaces, &c.surfaces);
            add_counts(&mut types, &c.types);
        }
        let entity = if let Some(id) = known {
            table.get_or_insert(id.clone(), || match knowledge.entity(&id) {
                Some(g) => known_entity(g),
                None => plain_entity(&id, EntityType::Company, &id),
            })
        } else {
            let canonical = surfaces
                .iter()
                .max_by_key(|(s, n)| {
                    (
                        **n,
                        !s.ends_with('s'),
                        std::cmp::Reverse(s.len()),
                        std::cmp::Reverse(*s),
                    )
                })
                .map(|(s, _)| s.to_string())
                .unwrap_or_else(|| ids[members[0]].clone());
            let etype = types
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
                .map(|(t, _)| *t)
                .unwrap_or(EntityType::Company);
            let key = identity_of
                .get(canonical.as_str())
                .cloned()
                .unwrap_or_else(|| identity(&canonical, legal));
            let key = if knowledge.entity(&key).is_some() || knowledge.place(&key).is_some() {
                format!("{key}-{}", etype.name().to_lowercase())
            } else {
                key
            };
            table.get_or_insert(key.clone(), || Entity {
                key: key.clone(),
                etype,
                label: canonical.clone(),
                alt_labels: BTreeSet::new(),
                same_as: None,
                service: false,
            })
        };
        for &m in members {
            identity_entity.insert(m, entity);
        }
    }

    // 3. Every mention to its entity; surface forms become alternative labels. A
    // discovered spelling's entity is looked up once per spelling, not per mention.
    let entity_of_name: HashMap<&str, usize> = identity_of
        .iter()
        .map(|(name, id)| (*name, identity_entity[&position[id.as_str()]]))
        .collect();
    let mut mention_entity = Vec::with_capacity(extractions.len());
    for x in extractions {
        let mut row = Vec::with_capacity(x.mentions.len());
        for m in &x.mentions {
            let e = match &m.reference {
                // References come from the knowledge files, so both are always found; the
                // fallbacks keep every mention mapped (one entity per row entry) regardless.
                Reference::Known(id) => {
                    table.get_or_insert(id.clone(), || match knowledge.entity(id) {
                        Some(g) => known_entity(g),
                        None => plain_entity(id, m.etype, &m.surface),
                    })
                }
                Reference::Place(id) => table.get_or_insert(id.clone(), || {
                    let label = knowledge
                        .place(id)
                        .map_or(m.surface.as_str(), |p| p.name.as_str());
                    plain_entity(id, EntityType::Place, label)
                }),
                Reference::Service(concept) => {
                    table.get_or_insert(format!("svc:{concept}"), || Entity {
                        key: concept.clone(),
                        etype: EntityType::Product,
                        label: concept.clone(),
                        alt_labels: BTreeSet::new(),
                        same_as: None,
                        service: true,
                    })
                }
                Reference::New(name) => entity_of_name[name.as_str()],
            };
            let entity = &mut table.entities[e];
            // Most mentions repeat a spelling already recorded: no copy for those.
            if m.is_label() && m.surface != entity.label && !entity.alt_labels.contains(&m.surface)
            {
                entity.alt_labels.insert(m.surface.clone());
                // "the US" is also how the country is named without its article ("US").
                if let Reference::Place(_) = m.reference {
                    if let Some(bare) = m
                        .surface
                        .strip_prefix("the ")
                        .or_else(|| m.surface.strip_prefix("The "))
                    {
                        if bare != entity.label {
                            entity.alt_labels.insert(bare.to_string());
                        }
                    }
                }
            }
            row.push(e);
        }
        mention_entity.push(row);
    }
    Resolution {
        entities: table.entities,
        mention_entity,
    }
}

#[derive(Default)]
struct EntityTable {
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl EntityTable {
    fn get_or_insert(&mut self, key: String, make: impl FnOnce() -> Entity) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        self.entities.push(make());
        self.by_key.insert(key, self.entities.len() - 1);
        self.entities.len() - 1
    }
}

fn plain_entity(key: &str, etype: EntityType, label: &str) -> Entity {
    Entity {
        key: key.to_string(),
        etype,
        label: label.to_string(),
        alt_labels: BTreeSet::new(),
        same_as: None,
        service: false,
    }
}

fn known_entity(g: &crate::knowledge::GazetteerEntity) -> Entity {
    Entity {
        key: g.id.clone(),
        etype: g.etype,
        label: g.name.clone(),
        alt_labels: g.former.iter().cloned().collect(),
        same_as: g.same_as.clone(),
        service: false,
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;

    /// Levenshtein distance, the slow reference.
    fn edit_distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn one_edit_apart_agrees_with_levenshtein() {
        // Short words over a small alphabet (with a two-byte letter) meet every case:
        // equal, one insertion, deletion or substitution anywhere, and more.
        let mut rng = fastrand::Rng::with_seed(11);
        let alphabet = ['a', 'b', 'ø', 'c'];
        let word = |rng: &mut fastrand::Rng| -> String {
            (0..rng.usize(0..6))
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect()
        };
        for _ in 0..20_000 {
            let (a, b) = (word(&mut rng), word(&mut rng));
            assert_eq!(
                one_edit_apart(&a, &b),
                edit_distance(&a, &b) == 1,
                "{a:?} {b:?}"
            );
        }
    }
}
