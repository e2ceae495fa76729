//! Incremental builds and pushing to a real Graph Store Protocol server.
//!
//! The push test starts `oxigraph serve` (the Oxigraph server, installed by
//! scripts/install-deps.sh from the PyPI package `oxigraph`; `OXIGRAPH_BIN` may name it)
//! on a loopback port and reads back what it holds.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn telekg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_telekg"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn build(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let o = telekg()
        .arg("build")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .arg("--no-svg")
        .args(extra)
        .output()
        .expect("telekg runs");
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    o
}

/// A corpus folder: the seeds plus generated articles in several languages.
fn corpus(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for entry in std::fs::read_dir(repo().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    for a in telekg::synth::generate(7, 30) {
        std::fs::write(input.join(format!("{}.txt", a.id)), &a.text).unwrap();
    }
    input
}

/// `count` generated articles from `seed` as JSON lines in `dir/archive.jsonl`, with the
/// lines.
fn synth_archive(dir: &Path, seed: u64, count: usize) -> (PathBuf, Vec<String>) {
    let lines: Vec<String> = telekg::synth::generate(seed, count)
        .iter()
        .map(|a| serde_json::to_string(a).unwrap())
        .collect();
    let archive = dir.join("archive.jsonl");
    std::fs::write(&archive, lines.join("\n")).unwrap();
    (archive, lines)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (articles read, extracted, unchanged) from the build summary.
fn counts(o: &Output) -> (usize, usize, usize) {
    let text = stderr(o);
    let line = text
        .lines()
        .find(|l| l.contains("article(s) read"))
        .expect("summary line");
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    (numbers[0], numbers[1], numbers[2])
}

fn assert_same_outputs(a: &Path, b: &Path) {
    for f in ["graph.ttl", "graph.trig", "graph.nq", "graph.dot"] {
        assert!(
            read(&a.join(f)) == read(&b.join(f)),
            "{f} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// Every quad of a store (default graph and named graphs) and its named graphs.
fn store_content(out: &Path) -> (HashSet<Quad>, HashSet<String>) {
    let store = oxigraph::store::Store::open_read_only(out.join("store")).unwrap();
    let quads = store.iter().map(|q| q.unwrap()).collect();
    let graphs = store
        .named_graphs()
        .map(|g| g.unwrap().to_string())
        .collect();
    (quads, graphs)
}

fn assert_same_store(a: &Path, b: &Path) {
    let (qa, ga) = store_content(a);
    let (qb, gb) = store_content(b);
    assert!(!qa.is_empty());
    assert_eq!(
        ga,
        gb,
        "named graphs of {} and {}",
        a.display(),
        b.display()
    );
    assert!(
        qa == qb,
        "stores differ: {} quads only in {}, {} only in {}",
        qa.difference(&qb).count(),
        a.display(),
        qb.difference(&qa).count(),
        b.display()
    );
}

/// Extraction, resolution and graph building all run on every core: the outputs must
/// not depend on how many there are. 9 000 articles span several extraction batches and
/// more than one round of the graph's claim merging.
#[test]
fn outputs_do_not_depend_on_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = synth_archive(dir.path(), 11, 9000);
    let mut outs = Vec::new();
    for threads in ["1", "3"] {
        let out = dir.path().join(format!("out-{threads}"));
        let o = telekg()
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .arg(&archive)
            .arg("--out")
            .arg(&out)
            .args(["--no-svg", "--no-store", "--no-cache"])
            .output()
            .expect("telekg runs");
        assert!(o.status.success(), "build failed: {}", stderr(&o));
        assert_eq!(counts(&o).0, 9000);
        outs.push(out);
    }
    assert_same_outputs(&outs[0], &outs[1]);
}

#[test]
fn incremental_build_equals_full_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let inc = dir.path().join("inc");
    let first = build(&[&input], &inc, &[]);
    assert_eq!(counts(&first), (34, 34, 0));
    assert!(inc.join("extract-cache.bin").is_file());

    // Nothing changed: nothing is extracted, the outputs are the same bytes.
    let before = read(&inc.join("graph.nq"));
    let again = build(&[&input], &inc, &[]);
    assert_eq!(counts(&again), (34, 0, 34));
    assert!(
        stderr(&again).contains("nothing changed"),
        "{}",
        stderr(&again)
    );
    assert_eq!(before, read(&inc.join("graph.nq")));

    // One article changed, one removed, one added.
    let seed = input.join("nb_glocalnet_stockholm_energi.txt");
    let mut text = std::fs::read_to_string(&seed).unwrap();
    text.push_str("\n\nTelia eier 40 prosent av Glocalnet.\n");
    std::fs::write(&seed, text).unwrap();
    std::fs::remove_file(input.join("synth-7-3.txt")).unwrap();
    std::fs::write(
        input.join("new.txt"),
        "Fjordnet kjøper Vestlink\n\nFjordnet AS har kjøpt Vestlink AS for 2,5 milliarder kroner. Nkom gransker Fjordnet.\n",
    )
    .unwrap();
    let changed = build(&[&input], &inc, &[]);
    assert_eq!(counts(&changed), (34, 2, 32));
    assert!(
        stderr(&changed).contains("store updated in place"),
        "{}",
        stderr(&changed)
    );

    // The same inputs from nothing give byte-identical files and the same store.
    let full = dir.path().join("full");
    let fresh = build(&[&input], &full, &["--no-cache"]);
    assert_eq!(counts(&fresh), (34, 34, 0));
    assert!(!full.join("extract-cache.bin").exists());
    assert_same_outputs(&inc, &full);
    let nq = String::from_utf8(read(&full.join("graph.nq"))).unwrap();
    assert!(nq.contains("tmr:fjordnet") || nq.contains("/id/fjordnet>"));
    assert!(!nq.contains("synth-7-3>"), "a removed article stays out");
    assert_same_store(&inc, &full);

    // A build without the cache replaces the outputs and drops the cache that
    // described the old ones: the next build cannot take them for up to date.
    build(&[&repo().join("seeds")], &inc, &["--no-cache"]);
    assert!(!inc.join("extract-cache.bin").exists());
    let after = build(&[&input], &inc, &[]);
    assert_eq!(counts(&after), (34, 34, 0));
    assert!(!stderr(&after).contains("nothing changed"));
    assert_same_outputs(&inc, &full);
    // Thirty articles more than the store held: still updated in place, still equal.
    assert!(stderr(&after).contains("store updated in place"));
    assert_same_store(&inc, &full);

    // A damaged cache is reported and ignored, never trusted.
    std::fs::write(inc.join("extract-cache.bin"), b"not a cache").unwrap();
    let damaged = build(&[&input], &inc, &[]);
    assert_eq!(counts(&damaged), (34, 34, 0));
    assert!(
        stderr(&damaged).contains("extract-cache.bin: unreadable"),
        "{}",
        stderr(&damaged)
    );
    assert_same_outputs(&inc, &full);
    assert_same_store(&inc, &full);

    // A store whose record of units is damaged is rebuilt, never patched blindly.
    std::fs::write(inc.join("store/telekg-units.bin"), b"not a record").unwrap();
    std::fs::write(
        input.join("new.txt"),
        "Fjordnet kjøper Vestlink\n\nFjordnet AS har kjøpt Vestlink AS for 2,6 milliarder kroner.\n",
    )
    .unwrap();
    let unrecorded = build(&[&input], &inc, &[]);
    assert!(!stderr(&unrecorded).contains("store updated in place"));
    let full_again = dir.path().join("full-again");
    build(&[&input], &full_again, &["--no-cache"]);
    assert_same_store(&inc, &full_again);
}

#[test]
fn a_store_whose_articles_mostly_changed_is_rebuilt_and_equal() {
    // Past 1000 units and a tenth of the store, a rebuild replaces the in-place update.
    let dir = tempfile::tempdir().unwrap();
    let (archive, lines) = synth_archive(dir.path(), 11, 1200);
    let inc = dir.path().join("inc");
    build(&[&archive], &inc, &[]);
    // The same articles in reverse order: each one's source line, so its description
    // and graph, changes.
    let reversed: Vec<&str> = lines.iter().rev().map(String::as_str).collect();
    std::fs::write(&archive, reversed.join("\n")).unwrap();
    let again = build(&[&archive], &inc, &[]);
    assert_eq!(counts(&again).0, 1200);
    assert!(
        !stderr(&again).contains("store updated in place"),
        "{}",
        stderr(&again)
    );
    let full = dir.path().join("full");
    build(&[&archive], &full, &["--no-cache"]);
    assert_same_outputs(&inc, &full);
    assert_same_store(&inc, &full);
    assert!(inc.join("store/telekg-units.bin").is_file());
}

/// The table files of a store.
fn table_files(store: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(store)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sst"))
        .collect()
}

/// Whether a table file was written by a bulk loader (RocksDB's `SstFileWriter` records
/// it among the file's properties) rather than by a compaction.
fn written_by_loader(table: &Path) -> bool {
    let bytes = std::fs::read(table).unwrap();
    let marker = b"external_sst_file.global_seqno";
    bytes.windows(marker.len()).any(|w| w == marker)
}

#[test]
fn a_new_store_is_loaded_as_one_table_per_family_without_compaction() {
    // The vendored Oxigraph's loader merges its batches itself into table files that do
    // not overlap, and RocksDB takes them as they are: one table file per column family
    // that holds data (Oxigraph has twelve), each still as the loader wrote it. Upstream
    // Oxigraph writes one file per family and batch (45 here), which RocksDB must then
    // compact, rewriting them all, or every read merges them.
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = synth_archive(dir.path(), 5, 2000);
    let out = dir.path().join("out");
    build(&[&archive], &out, &["--formats", "ttl"]);
    let store = out.join("store");
    let tables = table_files(&store);
    assert!(
        tables.len() <= 12,
        "{} table files in the new store",
        tables.len()
    );
    let loaded = tables.iter().filter(|t| written_by_loader(t)).count();
    // Only Oxigraph's record of its storage version, written when the store is created,
    // goes through RocksDB's own writes.
    assert!(
        loaded + 1 >= tables.len() && loaded >= 10,
        "{loaded} of {} table files as the loader wrote them",
        tables.len()
    );
    let (quads, _) = store_content(&out);
    assert!(
        quads.len() > 100_000,
        "{} quads: several batches",
        quads.len()
    );
}

#[test]
fn runs_merged_in_groups_give_the_same_store() {
    // Past 64 runs per index (some 36 000 articles) the loader merges its runs in groups
    // first, so that it never holds more files open than that. A fan-in of 2 takes this
    // corpus's 4 batches through it: the store must hold the same quads, and no run
    // file may stay behind.
    let dir = tempfile::tempdir().unwrap();
    let (archive, _) = synth_archive(dir.path(), 5, 2000);
    let direct = dir.path().join("direct");
    build(&[&archive], &direct, &["--formats", "ttl", "--no-cache"]);
    let grouped = dir.path().join("grouped");
    let o = telekg()
        .env("TELEKG_STORE_MERGE_FAN_IN", "2")
        .args(["build", "--formats", "ttl", "--no-cache", "--out"])
        .arg(&grouped)
        .arg(&archive)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_same_store(&direct, &grouped);
    let leftovers: Vec<_> = std::fs::read_dir(grouped.join("store"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("bulk-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn the_store_compacts_on_every_core() {
    // Stores updated in place, and stores of upstream Oxigraph's loader, are compacted
    // by RocksDB. Upstream Oxigraph leaves one compaction slot on two cores and one
    // thread per compaction; the vendored copy (vendor/oxigraph) splits it over every
    // core. RocksDB records the options it opened the store with, so this fails if the
    // patch is dropped.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&[&corpus(dir.path())], &out, &["--formats", "ttl"]);
    let options = std::fs::read_dir(out.join("store"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("OPTIONS-")
        })
        .expect("RocksDB writes an OPTIONS file");
    let options = std::fs::read_to_string(options).unwrap();
    let setting = |name: &str| -> usize {
        options
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} in the store's options"))
            .parse()
            .unwrap()
    };
    let cores = std::thread::available_parallelism().unwrap().get();
    assert_eq!(setting("max_subcompactions"), cores);
    assert_eq!(setting("max_background_jobs"), cores + 1);
}

/// Every quad of an N-Quads document.
fn quads(bytes: &[u8]) -> HashSet<Quad> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(bytes)
        .map(|q| q.expect("valid N-Quads"))
        .collect()
}

struct Server {
    child: std::process::Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn oxigraph_server() -> Server {
    let bin = std::env::var("OXIGRAPH_BIN").unwrap_or_else(|_| "oxigraph".into());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let child = Command::new(&bin)
        .arg("serve")
        .arg("--location")
        .arg(dir.path())
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start `{bin} serve` ({e}); install it with scripts/install-deps.sh")
        });
    let server = Server {
        child,
        url: format!("http://127.0.0.1:{port}"),
        _dir: dir,
    };
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("oxigraph server did not listen on port {port}");
}

/// Everything the server holds, as N-Quads.
fn dump(server: &Server) -> HashSet<Quad> {
    let mut response = ureq::get(format!("{}/store", server.url))
        .header("Accept", "application/n-quads")
        .call()
        .expect("GET /store");
    quads(&response.body_mut().read_to_vec().unwrap())
}

fn push(out: &Path, server: &Server) -> Output {
    let o = telekg()
        .arg("push")
        .arg(out)
        .arg("--endpoint")
        .arg(format!("{}/store", server.url))
        .output()
        .unwrap();
    assert!(o.status.success(), "push failed: {}", stderr(&o));
    o
}

#[test]
fn shards_pushed_to_a_graph_store_add_up_to_the_full_build() {
    let server = oxigraph_server();
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    // Two shards, as two machines would build them, and the whole corpus in one build.
    let (a, b) = (dir.path().join("shard-a"), dir.path().join("shard-b"));
    let (shard_a, shard_b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let to = if i % 2 == 0 { &a } else { &b };
        std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
    }
    build(&[&a], &shard_a, &[]);
    build(&[&b], &shard_b, &[]);
    let whole = dir.path().join("whole");
    build(&[&input], &whole, &[]);

    let pushed = push(&shard_a, &server);
    assert!(
        stderr(&pushed).contains("article graph(s)"),
        "{}",
        stderr(&pushed)
    );
    push(&shard_b, &server);
    // Pushing a shard again replaces its article graphs: nothing doubles.
    push(&shard_a, &server);
    let held = dump(&server);

    let full = quads(&read(&whole.join("graph.nq")));
    let named = |set: &HashSet<Quad>| -> HashSet<Quad> {
        set.iter()
            .filter(|q| !q.graph_name.is_default_graph())
            .cloned()
            .collect()
    };
    // Article graphs: exactly those of the full build (stable IRIs make shards agree).
    let (held_named, full_named) = (named(&held), named(&full));
    let extra: Vec<_> = held_named.difference(&full_named).take(3).collect();
    let lacking: Vec<_> = full_named.difference(&held_named).take(3).collect();
    assert!(
        extra.is_empty() && lacking.is_empty(),
        "server {} vs full build {} article-graph quads; extra {extra:?}; missing {lacking:?}",
        held_named.len(),
        full_named.len()
    );
    let graphs = |set: &HashSet<Quad>| -> HashSet<GraphName> {
        set.iter().map(|q| q.graph_name.clone()).collect()
    };
    assert_eq!(graphs(&held), graphs(&full));
    assert!(
        graphs(&held).len() > files.len() / 2,
        "most articles have a graph"
    );
    // The default graph holds every entity and article description of the full build.
    let default_full: HashSet<_> = full
        .iter()
        .filter(|q| q.graph_name.is_default_graph() && q.predicate.as_str().ends_with("#type"))
        .cloned()
        .collect();
    let default_held: HashSet<_> = held
        .iter()
        .filter(|q| q.graph_name.is_default_graph())
        .cloned()
        .collect();
    let missing: Vec<_> = default_full.difference(&default_held).take(5).collect();
    assert!(
        missing.is_empty(),
        "types missing on the server: {missing:?}"
    );

    // A server that refuses is a clear error naming it.
    let o = telekg()
        .arg("push")
        .arg(&shard_a)
        .arg("--endpoint")
        .arg(format!("{}/no-such-endpoint", server.url))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no-such-endpoint"), "{}", stderr(&o));
    let _ = std::io::stderr().flush();
}
