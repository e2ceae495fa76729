//! The knowledge's manifest: every example sentence of every language folder
//! (`ontology/lang/<code>/*.toml`) yields what it says and nothing it forbids, every
//! construction an example names in `covers` reads one of its expected relations, and a
//! language can be added with data files alone.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_example_of_every_language_holds() {
    let report = telekg::manifest::run(None);
    assert!(report.examples > 500, "only {} examples", report.examples);
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("[{}] {}\n    {}", f.lang, f.text, f.problem))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A pending example that passes must lose its mark.
    let promoted: Vec<String> = report
        .pending
        .iter()
        .filter(|f| f.problem.starts_with("passes now"))
        .map(|f| format!("[{}] {}", f.lang, f.text))
        .collect();
    assert!(
        promoted.is_empty(),
        "pending examples now pass: {promoted:?}"
    );
}

#[test]
fn every_language_has_examples_for_every_relation_it_has_triggers_for() {
    let knowledge = telekg::knowledge::Knowledge::global();
    for lexicon in &knowledge.lexicons {
        for trigger in &lexicon.trigger {
            let needle = format!(" {} ", trigger.relation);
            let examples = lexicon
                .example
                .iter()
                .filter(|e| e.expect.iter().any(|c| c.contains(&needle)))
                .count();
            assert!(
                examples >= 5,
                "{}: {} has triggers but {examples} examples",
                lexicon.code,
                trigger.relation
            );
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Dutch is no built-in language: a folder of three files adds it, the binary unchanged.
#[test]
fn a_language_is_added_with_data_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("ontology");
    copy_dir(&repo().join("ontology"), &knowledge);
    let nl = knowledge.join("lang/nl");
    std::fs::create_dir_all(&nl).unwrap();
    std::fs::write(
        nl.join("lexicon.toml"),
        r#"code = "nl"
country = "NL"
markers = ["het", "een", "van", "niet", "wordt", "door", "zijn"]
stopwords = ["de", "het", "een", "en", "van", "in", "op", "door"]
titles = ["directeur", "topman", "woordvoerder"]
employer_prepositions = ["bij", "van"]
coordinators = ["en"]
negations = ["niet", "geen", "nooit"]
"#,
    )
    .unwrap();
    std::fs::write(
        nl.join("grammar.toml"),
        r#"[grammar]
features = ["v2"]
passive_auxiliaries = ["wordt", "werd", "is", "was"]
agent = ["door"]
relative = ["dat", "die"]
prepositions = ["van", "in", "op", "door", "met", "voor", "bij", "aan"]
"#,
    )
    .unwrap();
    std::fs::write(
        nl.join("triggers.toml"),
        r#"[[trigger]]
relation = "acquires"
verbs = ["koopt", "kocht", "gekocht", "kopen", "neemt over", "nam over", "overgenomen"]
passives = ["gekocht", "overgenomen"]
"#,
    )
    .unwrap();
    let article = dir.path().join("nl.txt");
    std::fs::write(
        &article,
        "Overname\n\nKPN koopt Telenor. Gisteren kocht Vodafone Tele2. Telia wordt gekocht door Elisa.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_telekg"))
        .args([
            "extract",
            article.to_str().unwrap(),
            "--lang",
            "nl",
            "--format",
            "json",
        ])
        .env("TELEKG_KNOWLEDGE", &knowledge)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let relations: Vec<(String, String, String)> = json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["subject"].as_str().unwrap().to_string(),
                r["property"].as_str().unwrap().to_string(),
                r["object"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (s, o) in [
        ("KPN", "Telenor"),
        ("Vodafone", "Tele2"),
        ("Elisa", "Telia"),
    ] {
        assert!(
            relations.contains(&(s.into(), "acquires".into(), o.into())),
            "{s} acquires {o} missing from {relations:?}"
        );
    }
    let rules: Vec<&str> = json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"nl.acquires.inversion"), "{rules:?}");
    assert!(rules.contains(&"nl.acquires.passive"), "{rules:?}");
    // Without the folder the language is unknown.
    let out = Command::new(env!("CARGO_BIN_EXE_telekg"))
        .args(["extract", article.to_str().unwrap(), "--lang", "nl"])
        .env_remove("TELEKG_KNOWLEDGE")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// A fault in a knowledge folder names the file; nothing panics.
#[test]
fn a_broken_knowledge_folder_is_reported_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("ontology");
    copy_dir(&repo().join("ontology"), &knowledge);
    std::fs::write(
        knowledge.join("lang/nb/triggers.toml"),
        "[[trigger]]\nrelation = \"buys\"\n",
    )
    .unwrap();
    let out = extract_with(
        &knowledge,
        dir.path(),
        "nb",
        "Tittel\n\nTelenor kjøper Telia.\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ontology/lang/nb/"), "{stderr}");
    assert!(stderr.contains("buys"), "{stderr}");
}

/// A trigger set that names a construction constructions.toml lacks is a knowledge error
/// naming the file, not a set silently read with no construction.
#[test]
fn a_trigger_set_naming_an_unknown_construction_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("ontology");
    copy_dir(&repo().join("ontology"), &knowledge);
    let triggers = knowledge.join("lang/en/triggers.toml");
    let mut text = std::fs::read_to_string(&triggers).unwrap();
    text.push_str(
        "\n[[trigger]]\nrelation = \"acquires\"\nconstructions = [\"activ\"]\nverbs = [\"snaps up\"]\n",
    );
    std::fs::write(&triggers, text).unwrap();
    let out = extract_with(&knowledge, dir.path(), "en", "Deal\n\nBT snaps up EE.\n");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ontology/lang/en/triggers.toml") && stderr.contains("\"activ\""),
        "{stderr}"
    );
}

/// A capitalised word the gazetteer does not know, written only after a preposition of
/// place and with no cue, names a place ("i Olden", twice), no company; the same word in a
/// subject's place is still found by its recurrence.
#[test]
fn a_word_only_after_a_preposition_of_place_is_no_company() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = repo().join("ontology");
    let companies = |text: &str| {
        let out = extract_with(&knowledge, dir.path(), "nn", text);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.trim_start().starts_with("Company"))
            .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let placed = companies(
        "Nyheiter\n\nLinjene i Fjellvik vart øydelagde av stormen. Folk i Fjellvik ventar framleis på telefonen.\n",
    );
    assert!(!placed.iter().any(|c| c == "Fjellvik"), "{placed:?}");
    let named = companies(
        "Nyheiter\n\nKundane likar at Fjellvik sel breiband. No vil Fjellvik byggje meir fiber.\n",
    );
    assert!(named.iter().any(|c| c == "Fjellvik"), "{named:?}");
}

/// `telekg extract` of `text` (written to a file in `dir`) in `lang`, with the knowledge
/// read from the folder `knowledge`.
fn extract_with(
    knowledge: &std::path::Path,
    dir: &std::path::Path,
    lang: &str,
    text: &str,
) -> std::process::Output {
    let article = dir.join(format!("{lang}.txt"));
    std::fs::write(&article, text).unwrap();
    Command::new(env!("CARGO_BIN_EXE_telekg"))
        .args(["extract", article.to_str().unwrap(), "--lang", lang])
        .env("TELEKG_KNOWLEDGE", knowledge)
        .output()
        .unwrap()
}
