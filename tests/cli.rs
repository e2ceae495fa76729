//! End-to-end tests of the `telekg` binary, checked with independent tools: rapper and
//! rdflib parse the Turtle, pyshacl validates it against ontology/shapes.ttl, Graphviz
//! renders the diagram, and a separate `telekg query` process reads the store.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn telekg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_telekg"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("command runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Builds the seeds once per test into its own folder.
fn build_seeds(out: &Path) -> Output {
    let o = build_seeds_with(out, &[]);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    o
}

/// Builds the seeds into `out` with more arguments, however it ends.
fn build_seeds_with(out: &Path, args: &[&str]) -> Output {
    run(telekg()
        .arg("build")
        .arg(repo().join("seeds"))
        .arg("--out")
        .arg(out)
        .args(args))
}

/// Builds `input` into `out` writing graph.ttl alone (no store, no diagram), however it
/// ends.
fn build_ttl(input: &Path, out: &Path) -> Output {
    run(telekg()
        .arg("build")
        .arg(input)
        .args(["--formats", "ttl", "--no-store", "--no-svg", "--out"])
        .arg(out))
}

fn python(script: &str, args: &[&Path]) -> Output {
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(script);
    for a in args {
        cmd.arg(a);
    }
    run(&mut cmd)
}

#[test]
fn seeds_turtle_parses_with_rapper_and_rdflib() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let ttl = dir.path().join("graph.ttl");
    let o = run(Command::new("rapper")
        .args(["-i", "turtle", "-c"])
        .arg(&ttl));
    assert!(
        o.status.success(),
        "rapper rejected graph.ttl: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("Parsing returned"), "{}", stderr(&o));
    let o = run(Command::new("rapper")
        .args(["-i", "trig", "-c"])
        .arg(dir.path().join("graph.trig")));
    assert!(
        o.status.success(),
        "rapper rejected graph.trig: {}",
        stderr(&o)
    );
    let o = python(
        "import sys, rdflib\n\
         g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')\n\
         TM = 'https://w3id.org/telekg/ontology#'\n\
         owns = set((str(s), str(o)) for s, o in g.subject_objects(rdflib.URIRef(TM + 'owns')))\n\
         assert ('https://w3id.org/telekg/id/glocalnet', 'https://w3id.org/telekg/id/stockholm-telecom') in owns, owns\n\
         d = rdflib.Dataset(); d.parse(sys.argv[2], format='nquads')\n\
         graphs = [c for c in d.graphs() if str(c.identifier).startswith('https://w3id.org/telekg/id/article/')]\n\
         assert len(graphs) == 4, [str(c.identifier) for c in d.graphs()]\n\
         print(len(g))",
        &[&ttl, &dir.path().join("graph.nq")],
    );
    assert!(o.status.success(), "rdflib: {}", stderr(&o));
}

#[test]
fn seeds_graph_conforms_to_shapes() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let o = python(
        "import sys, rdflib, pyshacl\n\
         data = rdflib.Graph(); data.parse(sys.argv[1])\n\
         shapes = rdflib.Graph(); shapes.parse(sys.argv[2])\n\
         onto = rdflib.Graph(); onto.parse(sys.argv[3])\n\
         ok, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference='none')\n\
         print(text)\n\
         sys.exit(0 if ok else 1)",
        &[&dir.path().join("graph.ttl"), &repo().join("ontology/shapes.ttl"), &repo().join("ontology/telekg.ttl")],
    );
    assert!(
        o.status.success(),
        "SHACL violations:\n{}{}",
        stdout(&o),
        stderr(&o)
    );
}

#[test]
fn shapes_catch_a_broken_graph() {
    // The shapes are not vacuous: a measurement without value or evidence is rejected.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ttl");
    std::fs::write(&bad, "@prefix tm: <https://w3id.org/telekg/ontology#> .\n<urn:x> a tm:Measurement ; tm:about <urn:y> ; tm:metric tm:Revenue .\n").unwrap();
    let o = python(
        "import sys, rdflib, pyshacl\n\
         data = rdflib.Graph(); data.parse(sys.argv[1])\n\
         shapes = rdflib.Graph(); shapes.parse(sys.argv[2])\n\
         ok, _, _ = pyshacl.validate(data, shacl_graph=shapes, inference='none')\n\
         sys.exit(0 if not ok else 1)",
        &[&bad, &repo().join("ontology/shapes.ttl")],
    );
    assert!(
        o.status.success(),
        "broken graph passed the shapes: {}",
        stderr(&o)
    );
}

#[test]
fn ontology_parses_and_labels_six_languages() {
    let o = python(
        "import sys, rdflib\n\
         g = rdflib.Graph(); g.parse(sys.argv[1])\n\
         TM = rdflib.Namespace('https://w3id.org/telekg/ontology#')\n\
         for c in ['Company','Regulator','PublicBody','Person','Product','Place']:\n\
         \x20   langs = {l.language for l in g.objects(TM[c], rdflib.RDFS.label)}\n\
         \x20   assert {'en','nb','sv','da','fr','de'} <= langs, (c, langs)\n\
         for p in ['partnerOf','competitorOf']:\n\
         \x20   assert (TM[p], rdflib.RDF.type, rdflib.OWL.SymmetricProperty) in g, p",
        &[&repo().join("ontology/telekg.ttl")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn dot_renders_the_diagram() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let svg = dir.path().join("check.svg");
    let o = run(Command::new("dot")
        .arg("-Tsvg")
        .arg(dir.path().join("graph.dot"))
        .arg("-o")
        .arg(&svg));
    assert!(o.status.success(), "dot: {}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("<svg") && text.contains("Glocalnet"),
        "svg lacks the graph"
    );
    let built =
        std::fs::read_to_string(dir.path().join("graph.svg")).expect("build renders graph.svg");
    assert!(built.contains("Stockholm Telecom"));
}

#[test]
fn store_answers_after_build_exits() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let o = run(telekg().args(["query", "--store"]).arg(dir.path()).args([
        "--format",
        "csv",
        "SELECT ?owner WHERE { ?o tm:owns tmr:stockholm-telecom ; rdfs:label ?owner }",
    ]));
    assert!(o.status.success(), "query: {}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(|l| l.trim().to_string()).collect();
    assert_eq!(lines, vec!["owner".to_string(), "Glocalnet".to_string()]);
    let o = run(telekg()
        .args(["query", "--store"])
        .arg(dir.path())
        .arg("--file")
        .arg(repo().join("queries/numbers.rq")));
    assert!(stdout(&o).contains("-8700000"), "{}", stdout(&o));
}

/// Syntax errors point into the query as the user wrote it: the prefixes every query
/// may use are given to the parser, not prepended to the text.
#[test]
fn query_errors_point_into_the_users_query() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    for (query, at) in [
        ("SELEC * WHERE { ?s ?p ?o }", "error at 1:"),
        (
            "SELECT ?s WHERE {\n  ?s tm:owns ?o\n  FILTER(?o = ) }",
            "error at 3:",
        ),
    ] {
        let o = run(telekg()
            .args(["query", "--store"])
            .arg(dir.path())
            .arg(query));
        assert!(!o.status.success());
        assert!(stderr(&o).contains(at), "{query:?}: {}", stderr(&o));
    }
    // A query's own declaration of a predeclared prefix wins.
    let o = run(telekg().args(["query", "--store"]).arg(dir.path()).args([
        "--format",
        "csv",
        "PREFIX tm: <http://example.org/other#> SELECT (COUNT(*) AS ?n) WHERE { ?a tm:owns ?b }",
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().nth(1).map(str::trim), Some("0"));
}

#[test]
fn query_without_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(telekg()
        .args(["query", "--store"])
        .arg(dir.path())
        .arg("SELECT * WHERE { ?s ?p ?o }"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no store here"), "{}", stderr(&o));
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    std::fs::write(
        inputs.join("binary.txt"),
        [0u8, 1, 2, 3, 0, 255, 254, 0, 7, 8],
    )
    .unwrap();
    // UTF-8 with damaged bytes.
    let mut damaged = "Telia kjøper Get\n\nTelia Company har kjøpt selskapet for 21 milliarder kroner. Det er større enn før.".as_bytes().to_vec();
    damaged.extend_from_slice(&[0xff, 0xfe]);
    std::fs::write(inputs.join("damaged.txt"), damaged).unwrap();
    // A legacy Latin-1 article: ø and é must come out right.
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("Telenor kjøper\n\nOperatøren Telenor ASA sier at informasjonsdirektør Bjørn Sæther i Telenor ikke kommenterer saken.");
    std::fs::write(inputs.join("latin1.txt"), &latin1).unwrap();
    // 50 MB on one line.
    std::fs::write(inputs.join("huge.txt"), "a".repeat(50 * 1024 * 1024)).unwrap();
    std::fs::write(
        inputs.join("page.html"),
        "<!DOCTYPE html><html><head><title>Tele2 news</title><script>var x = 'Vodafone';</script></head><body><nav>Menu</nav><h1>Tele2 och Com Hem går samman</h1><p>Tele2 och Com Hem går samman, meddelade bolagen på tisdagen.</p></body></html>",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(telekg()
        .arg("build")
        .arg(&inputs)
        .arg(repo().join("seeds/nb_glocalnet_stockholm_energi.txt"))
        .arg(dir.path().join("missing.txt"))
        .arg("--out")
        .arg(&out));
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "some input failed, so exit 2: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    for (file, problem) in [
        ("empty.txt", "empty input"),
        ("binary.txt", "binary data"),
        ("huge.txt", "too large"),
        ("missing.txt", "no such file"),
        ("damaged.txt", "invalid UTF-8"),
        ("latin1.txt", "Windows-1252"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(problem)),
            "no message for {file} ({problem}):\n{err}"
        );
    }
    let ttl = std::fs::read_to_string(out.join("graph.ttl"))
        .expect("graph.ttl written despite bad inputs");
    assert!(
        ttl.contains("Glocalnet"),
        "the good article is in the graph"
    );
    assert!(ttl.contains("Bjørn Sæther"), "Latin-1 decoded correctly");
    assert!(
        ttl.contains("com-hem") && !ttl.contains("Vodafone") && !ttl.contains("Menu"),
        "HTML text kept, scripts and navigation dropped"
    );
    assert!(
        ttl.contains("partnerOf"),
        "the HTML article's relation is extracted"
    );
}

/// The bytes of every file a build leaves in `dir`, the store's files included.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_build_that_read_nothing_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build_seeds(&out);
    let before = snapshot(&out);
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n\n").unwrap();
    for inputs in [
        vec![dir.path().join("typo.txt")],
        vec![empty.clone(), dir.path().join("nowhere")],
    ] {
        let o = run(telekg().arg("build").args(&inputs).arg("--out").arg(&out));
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("no article could be read") && err.contains("left as it was"),
            "{err}"
        );
        for input in &inputs {
            assert!(
                err.contains(&*input.to_string_lossy()),
                "names {input:?}: {err}"
            );
        }
        assert!(before == snapshot(&out), "the earlier build is untouched");
    }
    // The store still answers.
    let o = run(telekg().args(["query", "--store"]).arg(&out).args([
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains("\n0"), "{}", stdout(&o));
    // Nor is a folder made for a build that read nothing.
    let fresh = dir.path().join("fresh");
    let o = run(telekg()
        .arg("build")
        .arg(dir.path().join("typo.txt"))
        .arg("--out")
        .arg(&fresh));
    assert_eq!(o.status.code(), Some(2));
    assert!(!fresh.exists());
}

#[test]
fn an_input_that_failed_keeps_its_articles_of_the_earlier_build() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let mut files = Vec::new();
    for name in [
        "nb_glocalnet_stockholm_energi.txt",
        "sv_open_infra_drift.txt",
    ] {
        std::fs::copy(repo().join("seeds").join(name), inputs.join(name)).unwrap();
        files.push(inputs.join(name));
    }
    // A JSON Lines archive of two articles.
    let archive = inputs.join("archive.jsonl");
    std::fs::write(
        &archive,
        concat!(
            r#"{"id":"a1","lang":"en","text":"Telia buys Get\n\nTelia Company has agreed to buy Get from TDC Group."}"#,
            "\n",
            r#"{"id":"a2","lang":"en","text":"Ofcom fines Vodafone\n\nOfcom fined Vodafone UK for mis-selling."}"#,
            "\n"
        ),
    )
    .unwrap();
    files.push(archive.clone());
    let out = dir.path().join("out");
    let build = |files: &[PathBuf], extra: &[&str]| {
        run(telekg()
            .arg("build")
            .args(files)
            .args(["--formats", "ttl,nq", "--no-svg"])
            .args(extra)
            .arg("--out")
            .arg(&out))
    };
    let o = build(&files, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ttl = std::fs::read(out.join("graph.ttl")).unwrap();
    let nq = std::fs::read(out.join("graph.nq")).unwrap();
    // A file and the archive gone: their articles stay, in their place, so the graph is
    // the very same; the build still says what failed.
    std::fs::remove_file(&files[0]).unwrap();
    std::fs::remove_file(&archive).unwrap();
    let o = build(&files, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("kept 3 article(s) of an earlier build"),
        "{err}"
    );
    assert!(err.contains("1 article(s) read"), "{err}");
    assert!(std::fs::read(out.join("graph.ttl")).unwrap() == ttl);
    assert!(std::fs::read(out.join("graph.nq")).unwrap() == nq);
    // Articles of an input that is simply no longer given are not kept.
    let o = build(&files[1..2], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let now = std::fs::read_to_string(out.join("graph.ttl")).unwrap();
    assert!(now.contains("Open Infra") && !now.contains("Glocalnet") && !now.contains("Ofcom"));
    // Without a cache nothing of an earlier build is read, so nothing is kept.
    let o = build(&files, &["--no-cache"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("kept"));
}

/// Real input in every shape the field brought (issue 16, kind K1), in several languages:
/// the article comes out decoded and normalised, its title its first line, its relations
/// read, and no trace of the damage left.
#[test]
fn real_input_is_decoded_and_normalised() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: Vec<u8>| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    // Double-encoded UTF-8: the UTF-8 bytes read as Windows-1252 and written again.
    let mojibake = |text: &str| -> Vec<u8> {
        let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
        latin.into_owned().into_bytes()
    };
    let utf16le =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let utf16be =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_be_bytes).collect() };
    // UTF-8 with one word's quotes in Windows-1252.
    let mut stray = "Telenor kjøper Phonero\n\nTelenor ASA kjøper "
        .as_bytes()
        .to_vec();
    stray.push(0x93);
    stray.extend_from_slice("Phonero".as_bytes());
    stray.push(0x94);
    stray.extend_from_slice(" for 1,1 milliarder kroner.".as_bytes());
    let cases: Vec<(std::path::PathBuf, &str, (&str, &str, &str))> = vec![
        (write("cr.txt", "Telia köper Bredband2\rTelia Company köper Bredband2 för 2 miljarder kronor.\r".into()),
         "Telia köper Bredband2", ("Telia Company", "acquires", "Bredband2")),
        (write("crlf.txt", "Tele2 kauft Kabel\r\n\r\nTele2 übernimmt die Kabelnetz GmbH.\r\n".into()),
         "Tele2 kauft Kabel", ("Tele2", "acquires", "Kabelnetz GmbH")),
        (write("shy.txt", "Tele\u{ad}nor kjøper Bredbånds\u{ad}fabrikken\n\nTele\u{ad}nor har kjøpt Bred\u{200b}båndsfabrikken.".into()),
         "Telenor kjøper Bredbåndsfabrikken", ("Telenor", "acquires", "Bredbåndsfabrikken")),
        (write("lsep.txt", "Orange rachète Jazztel\u{2028}Orange a racheté Jazztel pour 3,4 milliards d’euros.".into()),
         "Orange rachète Jazztel", ("Orange", "acquires", "Jazztel")),
        (write("nel.txt", "Vodafone buys Ono\u{85}Vodafone has agreed to buy Ono for €7.2bn.".into()),
         "Vodafone buys Ono", ("Vodafone", "acquires", "Ono")),
        (write("mojibake_nb.txt", mojibake("Lyse kjøper Altibox\n\nLyse kjøper Altibox for 2,4 milliarder kroner.")),
         "Lyse kjøper Altibox", ("Lyse", "acquires", "Altibox")),
        (write("mojibake_de.txt", mojibake("Vodafone übernimmt Kabel Deutschland\n\nVodafone übernimmt Kabel Deutschland für 7,7 Milliarden Euro.")),
         "Vodafone übernimmt Kabel Deutschland", ("Vodafone", "acquires", "Kabel Deutschland")),
        (write("stray.txt", stray), "Telenor kjøper Phonero", ("Telenor ASA", "acquires", "Phonero")),
        (write("utf16le.txt", utf16le("Telia köper Bredband2\n\nTelia Company köper Bredband2.")),
         "Telia köper Bredband2", ("Telia Company", "acquires", "Bredband2")),
        (write("utf16be.txt", utf16be("TDC køber Get\n\nTDC har købt Get.")),
         "TDC køber Get", ("TDC", "acquires", "Get")),
    ];
    for (path, title, (s, p, o)) in &cases {
        let o_ = run(telekg().arg("extract").arg(path));
        let out = stdout(&o_);
        assert!(o_.status.success(), "{path:?}: {}", stderr(&o_));
        assert!(
            out.starts_with(&format!("# {title} (")),
            "{path:?}: title\n{out}"
        );
        assert!(
            out.lines()
                .any(|l| l.trim().starts_with(&format!("{s} --{p}--> {o} "))),
            "{path:?}: missing {s} {p} {o}\n{out}"
        );
        for damage in [
            'Ã', '\u{fffd}', '\u{ad}', '\u{200b}', '\r', '\u{2028}', '\u{85}', '’',
        ] {
            assert!(!out.contains(damage), "{path:?}: {damage:?} left\n{out}");
        }
    }
    // JSON lang tags as BCP 47 (and a POSIX locale's underscore).
    let mut jsonl = String::new();
    for (tag, text) in [
        (
            "nb-NO",
            "Lyse kjøper Ice\n\nLyse kjøper Ice for 3,5 milliarder kroner.",
        ),
        (
            "nn-NO",
            "Lyse kjøper Ice\n\nLyse kjøper Ice for 3,5 milliardar kroner.",
        ),
        ("no", "Telenor kjøper Phonero\n\nTelenor kjøper Phonero."),
        ("nob", "Telenor kjøper Phonero\n\nTelenor kjøper Phonero."),
        ("sv-FI", "Telia köper DNA\n\nTelia köper DNA."),
        (
            "de-CH",
            "Sunrise übernimmt UPC\n\nSunrise übernimmt UPC Schweiz.",
        ),
        ("fr-BE", "Telenet rachète Base\n\nTelenet rachète Base."),
        ("da_DK", "TDC køber Get\n\nTDC køber Get."),
    ] {
        jsonl.push_str(&serde_json::json!({ "lang": tag, "text": text }).to_string());
        jsonl.push('\n');
    }
    let path = write("tags.jsonl", jsonl.into_bytes());
    let out = dir.path().join("out");
    let o = build_ttl(&path, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("8 article(s) read"), "{}", stderr(&o));
    let ttl = std::fs::read_to_string(out.join("graph.ttl")).unwrap();
    let count = |lang: &str| ttl.matches(&format!("dcterms:language \"{lang}\"")).count();
    for (lang, n) in [
        ("nb", 3),
        ("nn", 1),
        ("sv", 1),
        ("de", 1),
        ("fr", 1),
        ("da", 1),
    ] {
        assert_eq!(count(lang), n, "articles in {lang}");
    }
}

/// A web page gives its article, not the page: the furniture around it is dropped, and
/// what the page states about itself (date, canonical URL, language) describes the
/// article; a declared language decides between close languages only.
#[test]
fn a_web_page_gives_its_article_and_its_description() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "Telenor har kjøpt Phonero for 1,1 milliarder kroner, opplyser selskapet. ".repeat(6);
    let page = |lang: &str| {
        format!(
            "<html lang='{lang}'><head><title>Telenor kjøper | Avisa</title>\
             <meta property='article:published_time' content='2023-04-05T10:00:00+02:00'>\
             <link rel='canonical' href='https://example.no/telenor-kjoper'></head>\
             <body><nav>Forside Nyheter Sport</nav><article><h1>Telenor kjøper Phonero</h1>\
             <p>{body}</p></article><footer>Kontakt redaksjonen</footer></body></html>"
        )
    };
    for (lang, expected) in [("nn-NO", "nn"), ("en", "nb"), ("", "nb")] {
        let inputs = dir.path().join(format!("in-{expected}-{lang}"));
        std::fs::create_dir(&inputs).unwrap();
        std::fs::write(inputs.join("page.html"), page(lang)).unwrap();
        let out = dir.path().join(format!("out-{expected}-{lang}"));
        let o = build_ttl(&inputs, &out);
        assert!(o.status.success(), "{}", stderr(&o));
        let ttl = std::fs::read_to_string(out.join("graph.ttl")).unwrap();
        assert!(ttl.contains("dcterms:date \"2023-04-05\""), "{ttl}");
        assert!(ttl.contains("https://example.no/telenor-kjoper"), "{ttl}");
        assert!(
            ttl.contains(&format!("dcterms:language \"{expected}\"")),
            "{lang}: {ttl}"
        );
        assert!(ttl.contains("tm:acquires"), "{ttl}");
        let text = stdout(&run(telekg().arg("text").arg(inputs.join("page.html"))));
        assert!(text.starts_with("Telenor kjøper Phonero\n"), "{text}");
        assert!(
            !text.contains("Forside") && !text.contains("Kontakt"),
            "{text}"
        );
    }
}

#[test]
fn outputs_are_replaced_atomically() {
    // A second build over the same folder replaces every file and leaves no temporaries.
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let o = run(telekg()
        .arg("build")
        .arg(repo().join("seeds/sv_open_infra_drift.txt"))
        .arg("--out")
        .arg(dir.path()));
    assert!(o.status.success(), "{}", stderr(&o));
    let ttl = std::fs::read_to_string(dir.path().join("graph.ttl")).unwrap();
    assert!(ttl.contains("Open Infra") && !ttl.contains("Glocalnet"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".new") || n.ends_with(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Outputs are written under private temporary names, but land with the mode any new
/// file gets there (0666 less the umask), not the temporary file's 0600: others on the
/// machine (a web server, a colleague) read them as they read any file.
#[cfg(unix)]
#[test]
fn outputs_get_the_mode_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "x").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let expected = mode(&plain);
    for f in [
        "graph.ttl",
        "graph.trig",
        "graph.nq",
        "graph.dot",
        "extract-cache.bin",
    ] {
        assert_eq!(
            mode(&dir.path().join(f)),
            expected,
            "{f}: mode {:o}, a new file gets {expected:o}",
            mode(&dir.path().join(f))
        );
    }
}

#[test]
fn formats_choose_the_exports_and_stale_ones_go() {
    // A full build, then one that writes only Turtle and no store into the same folder:
    // the Turtle is the same graph, and nothing of the earlier build is left to
    // contradict it (a store or N-Quads of other articles would answer for them).
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    let full_ttl = std::fs::read(dir.path().join("graph.ttl")).unwrap();
    let full_nq = std::fs::read(dir.path().join("graph.nq")).unwrap();
    let o = build_seeds_with(dir.path(), &["--formats", "ttl", "--no-store"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("graph.ttl")).unwrap(),
        full_ttl
    );
    for gone in ["graph.trig", "graph.nq", "graph.dot", "graph.svg", "store"] {
        assert!(!dir.path().join(gone).exists(), "{gone} was left");
        assert!(
            stderr(&o).contains(gone),
            "no note on {gone}: {}",
            stderr(&o)
        );
    }
    let o = run(telekg()
        .arg("query")
        .arg("--store")
        .arg(dir.path())
        .arg("ASK { ?s ?p ?o }"));
    assert!(
        !o.status.success() && stderr(&o).contains("no store"),
        "a removed store still answered: {}",
        stderr(&o)
    );
    // N-Quads alone are the very bytes of the full build's.
    let o = build_seeds_with(dir.path(), &["--formats", "nq", "--no-store"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("graph.nq")).unwrap(), full_nq);
    assert!(!dir.path().join("graph.trig").exists());
    let o = build_seeds_with(dir.path(), &["--formats", "xml"]);
    assert_eq!(o.status.code(), Some(2), "unknown format: {}", stderr(&o));
    assert!(
        stderr(&o).contains("trig"),
        "lists the formats: {}",
        stderr(&o)
    );
}

#[test]
fn json_lines_and_stdin_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("news.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a1\", \"title\": \"Deal\", \"text\": \"Telenor has agreed to buy DNA for 1.5 billion euros.\", \"lang\": \"en\", \"date\": \"2019-04-09\"}\nnot json\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(telekg()
        .arg("build")
        .arg(&jsonl)
        .arg("--out")
        .arg(&out)
        .arg("--no-store"));
    assert_eq!(
        o.status.code(),
        Some(2),
        "the bad line fails: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("news.jsonl: line 2"), "{}", stderr(&o));
    let ttl = std::fs::read_to_string(out.join("graph.ttl")).unwrap();
    assert!(ttl.contains("tm:acquires tmr:dna"), "{ttl}");
    assert!(ttl.contains("1500000000"), "deal price in full units");
    assert!(ttl.contains("2019-04-09"));
}

#[test]
fn extract_prints_rules_and_sentences() {
    let o = run(telekg()
        .arg("extract")
        .arg(repo().join("seeds/nb_pt_telenor_forvalg.txt"))
        .args(["--format", "json"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["lang"], "nb");
    let rels = v["relations"].as_array().unwrap();
    assert!(rels.iter().any(|r| r["property"] == "investigates"
        && r["rule"].as_str().unwrap().starts_with("nb.")
        && r["sentence"].as_str().unwrap().contains("Telenor")));
}

#[test]
fn evidence_offsets_index_the_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for f in std::fs::read_dir(repo().join("seeds")).unwrap().flatten() {
        std::fs::copy(f.path(), inputs.join(f.file_name())).unwrap();
    }
    // Input whose text extraction reads differs from its bytes: a byte-order mark, CR LF,
    // soft hyphens and curly apostrophes, and a web page.
    std::fs::write(
        inputs.join("damaged.txt"),
        "\u{feff}Telenor kjøper Phonero\r\n\r\nTele\u{ad}nor ASA har kjøpt Phonero for 1,1 milliarder kroner.\r\nTelenor’s konsernsjef Sigve Brekke er fornøyd.\r\n",
    )
    .unwrap();
    std::fs::write(
        inputs.join("page.html"),
        "<html><head><title>Tele2 och Com Hem går samman</title></head><body><nav>Meny</nav><article><p>Tele2 och Com&nbsp;Hem går samman, meddelade bolagen på tisdagen.</p></article></body></html>",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(telekg().arg("build").arg(&inputs).arg("--out").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    // Every evidence sentence is the slice of `telekg text` at its character offsets.
    let o = python(
        "import sys, rdflib, subprocess\n\
         g = rdflib.Graph(); g.parse(sys.argv[1])\n\
         TM = rdflib.Namespace('https://w3id.org/telekg/ontology#')\n\
         PROV = rdflib.Namespace('http://www.w3.org/ns/prov#')\n\
         n = 0\n\
         for ev in g.subjects(rdflib.RDF.type, TM.Evidence):\n\
         \x20   art = g.value(ev, PROV.wasQuotedFrom)\n\
         \x20   text = subprocess.run([sys.argv[2], 'text', str(g.value(art, TM.sourceFile))], capture_output=True, text=True, check=True).stdout[:-1]\n\
         \x20   s, e = int(g.value(ev, TM.startOffset)), int(g.value(ev, TM.endOffset))\n\
         \x20   assert text[s:e] == str(g.value(ev, PROV.value)), (text[s:e], str(g.value(ev, PROV.value)))\n\
         \x20   n += 1\n\
         assert n >= 12, n\n\
         print(n)",
        &[&out.join("graph.ttl"), Path::new(env!("CARGO_BIN_EXE_telekg"))],
    );
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn eval_scores_against_gold_and_lists_misses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a1.txt"),
        "Kjøp\n\nTelia Company kjøper Com Hem. Post- og teletilsynet gransker Telenor.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a1.json"),
        r#"{"id": "a1", "lang": "nb", "entities": [
            {"key": "telia", "type": "Company", "names": ["Telia Company"]},
            {"key": "com-hem", "type": "Company", "names": ["Com Hem"]},
            {"key": "pt", "type": "Regulator", "names": ["Post- og teletilsynet"]},
            {"key": "telenor", "type": "Company", "names": ["Telenor"]}],
          "relations": [{"s": "telia", "p": "acquires", "o": "com-hem"},
                        {"s": "pt", "p": "investigates", "o": "telenor"},
                        {"s": "telenor", "p": "competitorOf", "o": "telia"}],
          "facts": []}"#,
    )
    .unwrap();
    let json = dir.path().join("report.json");
    let o = run(telekg()
        .arg("eval")
        .arg(dir.path())
        .arg("--details")
        .arg("--json")
        .arg(&json));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("missing  telenor competitorOf telia")
            || text.contains("missing  telia competitorOf telenor"),
        "{text}"
    );
    assert!(text.contains("language nb"), "{text}");
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(report["overall"]["rel_tp"], 2);
    assert_eq!(report["overall"]["rel_gold"], 3);
    assert_eq!(report["overall"]["rel_fp"], 0);
}

/// Punctuation wider than a byte before a definite noun ("Malmö, 3 mars 2020 – X meddelar
/// att bolaget ...") once cut a clause inside the dash and panicked the whole build (a
/// press release in the held-out articles): every such mark, in every language, reads.
#[test]
fn a_dash_before_an_anaphor_reads() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("sv", "Malmö, 3 mars 2020 – Nordnät AB meddelar i dag att bolaget har köpt Fjordlink."),
        ("nb", "Bergen, 4. mai 2021 — Fjordnett AS opplyser at selskapet har kjøpt Sognenett."),
        ("nn", "Førde, 4. mai 2021 – Fjordnett AS opplyser at selskapet har kjøpt Sognenett."),
        ("da", "Aarhus, 5. juni 2022 – Nordlink A/S oplyser, at selskabet har købt Fynnet."),
        ("de", "Köln, 6. Juli 2023 – Die Rheinnetz GmbH teilte mit, dass das Unternehmen die E-Plus übernimmt."),
        ("fr", "Lyon, 7 août 2024 – Rhônenet SA indique que la société a racheté Alpfibre."),
        ("en", "Leeds, 8 September 2025 – Northwave Ltd said the company had bought Dalesnet."),
    ];
    for (lang, body) in cases {
        let input = dir.path().join(format!("{lang}.txt"));
        std::fs::write(&input, format!("Nyheter\n\n{body}\n")).unwrap();
        let o = run(telekg().arg("extract").arg(&input).args(["--lang", lang]));
        assert!(o.status.success(), "{lang}: {}", stderr(&o));
        assert!(
            stdout(&o).contains("--acquires-->"),
            "{lang}: the deal is read: {}",
            stdout(&o)
        );
        // The dateline's place is where the release was written.
        assert!(
            !stdout(&o).contains("--operatesIn-->"),
            "{lang}: no business placed by the dateline: {}",
            stdout(&o)
        );
    }
}
