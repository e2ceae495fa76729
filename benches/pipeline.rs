//! End-to-end benchmark over a generated corpus (src/synth.rs): the real `build` (read,
//! extract, resolve, graph, Turtle + TriG + N-Quads + store, incremental cache), per
//! stage in articles/s and MB/s, peak memory per size (each size runs in a child process),
//! the same build writing only graph.ttl and the store, the scaling of time per article,
//! and the Python peer (benches/peer_spacy.py: spaCy + EntityRuler + rdflib) on the same
//! corpus when spaCy is installed, against telekg writing graph.ttl alone as it does.
//!
//!     cargo bench --bench pipeline                                 # 1 000 and 10 000
//!     TELEKG_BENCH_SIZES=1000,10000,100000 cargo bench --bench pipeline
//!     TELEKG_BENCH_PEER_MAX=0 cargo bench --bench pipeline          # without the peer
//!
//! Figures depend on the machine; the report prints the core count with them.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use telekg::ingest::IngestOptions;
use telekg::pipeline::{build, BuildOptions};

// The command line's allocator (src/main.rs), so the child builds measure what users run:
// with the system allocator the 10^5 build into graph.ttl and the store took 97-98 s
// where the command line took 72-76 s.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Writes `n` generated articles as JSON Lines (appended with `append`, from another
/// seed); returns the bytes of article text.
fn write_corpus(path: &Path, n: usize, append: bool) -> usize {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(append)
        .write(true)
        .truncate(!append)
        .open(path)
        .expect("corpus file");
    let mut file = std::io::BufWriter::new(file);
    let mut text_bytes = 0usize;
    for a in telekg::synth::generate(if append { 43 } else { 42 }, n) {
        text_bytes += a.text.len();
        serde_json::to_writer(&mut file, &a).expect("write");
        file.write_all(b"\n").expect("write");
    }
    file.flush().expect("flush");
    text_bytes
}

/// What a child build writes: every output (the command line's default), graph.ttl and
/// the store (the measure of end to end), or graph.ttl alone (what the peer
/// writes).
#[derive(Clone, Copy)]
enum Outputs {
    All,
    TurtleAndStore,
    Turtle,
}

impl Outputs {
    fn name(self) -> &'static str {
        match self {
            Outputs::All => "all",
            Outputs::TurtleAndStore => "ttl+store",
            Outputs::Turtle => "ttl",
        }
    }

    fn from_name(name: &str) -> Self {
        match name {
            "ttl+store" => Outputs::TurtleAndStore,
            "ttl" => Outputs::Turtle,
            _ => Outputs::All,
        }
    }
}

/// The child: one build of `corpus` into `out`, printed as one JSON line.
fn run_child(corpus: &str, out: &str, outputs: Outputs) {
    let only_turtle = telekg::pipeline::Exports {
        trig: false,
        nquads: false,
        dot: false,
    };
    let options = BuildOptions {
        ingest: IngestOptions::default(),
        out: out.into(),
        store: !matches!(outputs, Outputs::Turtle),
        exports: match outputs {
            Outputs::All => Default::default(),
            _ => only_turtle,
        },
        svg: false,
        progress: false,
        reuse_cache: true,
        write_cache: true,
    };
    let report = build(&[corpus.to_string()], &options).expect("build");
    let line = serde_json::json!({
        "seconds": report.seconds,
        "stages": report.timings.iter().map(|(n, s)| serde_json::json!([n, s])).collect::<Vec<_>>(),
        "articles": report.articles_read,
        "reused": report.articles_reused,
        "entities": report.entities_per_type.iter().map(|(_, n)| n).sum::<usize>(),
        "relations": report.relations_per_property.iter().map(|(_, n)| n).sum::<usize>(),
        "peak_mb": peak_rss_mb(),
        "store": report.store_write.map_or("not written".into(), |w| w.to_string()),
    });
    println!("{line}");
}

fn child_build(corpus: &Path, out: &Path, outputs: Outputs) -> serde_json::Value {
    // The previous build's gigabytes may still be in the page cache waiting to be written:
    // flush them first, so that this build is not timed while the kernel writes them back.
    // (Its own write-back is not timed either: a build ends when its files are complete.)
    let _ = Command::new("sync").status();
    let exe = std::env::current_exe().expect("bench binary");
    let output = Command::new(exe)
        .env(
            "TELEKG_BENCH_CHILD",
            format!(
                "{}\t{}\t{}",
                corpus.display(),
                out.display(),
                outputs.name()
            ),
        )
        .output()
        .expect("child build");
    assert!(
        output.status.success(),
        "child build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .expect("child report");
    serde_json::from_str(line).expect("child JSON")
}

fn size_of(path: &Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path)
            .map(|d| d.flatten().map(|e| size_of(&e.path())).sum())
            .unwrap_or(0)
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }
}

fn main() {
    if let Ok(job) = std::env::var("TELEKG_BENCH_CHILD") {
        let mut parts = job.split('\t');
        let (corpus, out) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        run_child(
            corpus,
            out,
            Outputs::from_name(parts.next().unwrap_or("all")),
        );
        return;
    }
    // `cargo bench` passes --bench; nothing else is expected.
    let sizes: Vec<usize> = std::env::var("TELEKG_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let peer_max: usize = std::env::var("TELEKG_BENCH_PEER_MAX")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!("telekg pipeline benchmark, {cores} cores");
    let peer_script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peer_spacy.py");
    let mut per_article = Vec::new();
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus.jsonl");
        let text_bytes = write_corpus(&corpus, n, false);
        let mb = text_bytes as f64 / 1e6;
        let out = dir.path().join("out");
        let full = child_build(&corpus, &out, Outputs::All);
        let seconds = full["seconds"].as_f64().unwrap_or(f64::NAN);
        println!(
            "\n{n} articles, {mb:.1} MB of text -> {} entities, {} relations; graph.ttl {:.1} MB, graph.nq {:.1} MB, store {:.1} MB",
            full["entities"],
            full["relations"],
            size_of(&out.join("graph.ttl")) as f64 / 1e6,
            size_of(&out.join("graph.nq")) as f64 / 1e6,
            size_of(&out.join("store")) as f64 / 1e6,
        );
        let stages = full["stages"].as_array().cloned().unwrap_or_default();
        for stage in stages
            .iter()
            .chain(std::iter::once(&serde_json::json!(["end to end", seconds])))
        {
            let (name, s) = (
                stage[0].as_str().unwrap_or("?"),
                stage[1].as_f64().unwrap_or(f64::NAN),
            );
            println!(
                "  {name:<14} {s:>8.3} s {:>10.0} articles/s {:>8.2} MB/s",
                n as f64 / s,
                mb / s
            );
        }
        println!(
            "  peak memory {:.0} MB",
            full["peak_mb"].as_f64().unwrap_or(0.0)
        );
        // The measure of end to end: text into graph.ttl and the store, without
        // the TriG, N-Quads and diagram the command line also writes by default.
        let lean = child_build(
            &corpus,
            &dir.path().join("out-ttl-store"),
            Outputs::TurtleAndStore,
        );
        let lean_seconds = lean["seconds"].as_f64().unwrap_or(f64::NAN);
        println!(
            "  graph.ttl + store only (--formats ttl): {lean_seconds:.3} s = {:.0} articles/s, {:.2} MB/s, peak memory {:.0} MB",
            n as f64 / lean_seconds,
            mb / lean_seconds,
            lean["peak_mb"].as_f64().unwrap_or(0.0)
        );
        // Again into the same folder: nothing changed, so nothing is extracted.
        let again = child_build(&corpus, &out, Outputs::All);
        println!(
            "  rebuild, unchanged: {:.3} s ({} of {} articles reused)",
            again["seconds"].as_f64().unwrap_or(f64::NAN),
            again["reused"],
            again["articles"]
        );
        per_article.push((n, seconds / n as f64));
        if n <= peer_max {
            let peer_out = dir.path().join("peer.ttl");
            let peer = Command::new("python3")
                .arg(&peer_script)
                .arg(&corpus)
                .arg(&peer_out)
                .output();
            match peer {
                Ok(o) if o.status.success() => {
                    let text = String::from_utf8_lossy(&o.stdout);
                    let peer_seconds = text
                        .lines()
                        .find_map(|l| l.strip_prefix("seconds "))
                        .and_then(|s| s.trim().parse::<f64>().ok());
                    print!(
                        "  peer (spaCy + EntityRuler + rdflib): {}",
                        text.lines()
                            .filter(|l| !l.starts_with("seconds "))
                            .collect::<Vec<_>>()
                            .join("; ")
                    );
                    let peer_triples = text
                        .lines()
                        .find_map(|l| l.split(", ").find_map(|p| p.strip_suffix(" triples")))
                        .and_then(|s| s.parse::<f64>().ok());
                    let ours = std::fs::read(out.join("graph.nq"))
                        .map(|b| b.iter().filter(|&&c| c == b'\n').count() as f64)
                        .unwrap_or(f64::NAN);
                    if let Some(ps) = peer_seconds {
                        println!(
                            "\n  peer {ps:.2} s = {:.2} MB/s; telekg is {:.1}x faster end to end (with its store, which the peer lacks)",
                            mb / ps,
                            ps / seconds
                        );
                        // Like for like: telekg writing only graph.ttl, as the peer does.
                        let alone =
                            child_build(&corpus, &dir.path().join("out-ttl"), Outputs::Turtle);
                        let alone_seconds = alone["seconds"].as_f64().unwrap_or(f64::NAN);
                        println!(
                            "  graph.ttl alone, as the peer writes: telekg {alone_seconds:.2} s = {:.2} MB/s, {:.1}x the peer",
                            mb / alone_seconds,
                            ps / alone_seconds
                        );
                        if let Some(pt) = peer_triples {
                            println!(
                                "  output: telekg {ours:.0} quads, peer {pt:.0} triples; telekg writes {:.0}x the peer's triples per second",
                                (ours / seconds) / (pt / ps)
                            );
                        }
                    } else {
                        println!();
                    }
                }
                Ok(o) => println!(
                    "  peer skipped: {}",
                    String::from_utf8_lossy(&o.stderr)
                        .lines()
                        .last()
                        .unwrap_or("failed")
                ),
                Err(e) => println!("  peer skipped: python3: {e}"),
            }
        }
        // A day's news on top of the archive: 1% more articles, extracted alone, and the
        // store updated in place rather than rebuilt.
        write_corpus(&corpus, (n / 100).max(1), true);
        let grown = child_build(&corpus, &out, Outputs::All);
        println!(
            "  rebuild, 1% new articles: {:.3} s ({} of {} articles reused; store {})",
            grown["seconds"].as_f64().unwrap_or(f64::NAN),
            grown["reused"],
            grown["articles"],
            grown["store"].as_str().unwrap_or("?"),
        );
    }
    if let Some(&(n0, base)) = per_article.first() {
        println!("\ntime per article relative to {n0} articles:");
        for (n, t) in &per_article {
            println!("  {n:>8}: {:.2}x ({:.1} µs/article)", t / base, t * 1e6);
        }
    }
}
