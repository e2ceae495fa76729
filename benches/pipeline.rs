//! End-to-end benchmark over a generated corpus (src/synth.rs): per-stage throughput in
//! articles/s and MB/s, peak memory, and the scaling of time per article.
//!
//!     cargo bench --bench pipeline                         # 1 000 and 10 000 articles
//!     TELEKG_BENCH_SIZES=1000,10000,100000 cargo bench --bench pipeline
//!
//! Figures depend on the machine; the report prints the core count with them.

use std::io::Write;
use std::time::Instant;
use telekg::ingest::{load, IngestOptions, InputFile};

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

struct Stage {
    name: &'static str,
    seconds: f64,
}

fn main() {
    let sizes: Vec<usize> = std::env::var("TELEKG_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!("telekg pipeline benchmark, {cores} cores");
    let mut per_article = Vec::new();
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus.jsonl");
        let articles = telekg::synth::generate(42, n);
        let mut file =
            std::io::BufWriter::new(std::fs::File::create(&corpus).expect("corpus file"));
        let mut text_bytes = 0usize;
        for a in &articles {
            text_bytes += a.text.len();
            serde_json::to_writer(&mut file, a).expect("write");
            file.write_all(b"\n").expect("write");
        }
        file.flush().expect("flush");
        drop(file);
        drop(articles);
        let mb = text_bytes as f64 / 1e6;

        let mut stages = Vec::new();
        let t = Instant::now();
        let loaded: Vec<_> = load(&InputFile::Path(corpus.clone()), &IngestOptions::default())
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        stages.push(Stage {
            name: "ingest",
            seconds: t.elapsed().as_secs_f64(),
        });
        let t = Instant::now();
        use rayon::prelude::*;
        let extractions: Vec<_> = loaded
            .into_par_iter()
            .map(telekg::extract::extract)
            .collect();
        stages.push(Stage {
            name: "extract",
            seconds: t.elapsed().as_secs_f64(),
        });
        let t = Instant::now();
        let kg = telekg::pipeline::graph_of(&extractions);
        stages.push(Stage {
            name: "resolve+graph",
            seconds: t.elapsed().as_secs_f64(),
        });
        let t = Instant::now();
        let quads = telekg::export::to_quads(&kg);
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).expect("out");
        telekg::export::write_turtle(&out.join("graph.ttl"), &quads).expect("ttl");
        telekg::export::write_dataset(
            &out.join("graph.nq"),
            &quads,
            oxigraph::io::RdfFormat::NQuads,
        )
        .expect("nq");
        stages.push(Stage {
            name: "export",
            seconds: t.elapsed().as_secs_f64(),
        });
        let t = Instant::now();
        telekg::store::replace_store(&out.join("store"), &quads).expect("store");
        stages.push(Stage {
            name: "store",
            seconds: t.elapsed().as_secs_f64(),
        });

        let total: f64 = stages.iter().map(|s| s.seconds).sum();
        println!(
            "\n{n} articles, {mb:.1} MB of text, {} entities, {} relations, {} quads",
            kg.graph.node_count(),
            kg.graph.edge_count(),
            quads.len()
        );
        for s in stages.iter().chain(std::iter::once(&Stage {
            name: "end to end",
            seconds: total,
        })) {
            println!(
                "  {:<14} {:>8.3} s {:>10.0} articles/s {:>8.2} MB/s",
                s.name,
                s.seconds,
                n as f64 / s.seconds,
                mb / s.seconds
            );
        }
        println!("  peak memory so far {:.0} MB", peak_rss_mb());
        per_article.push((n, total / n as f64));
    }
    if let Some(&(n0, base)) = per_article.first() {
        println!("\ntime per article relative to {n0} articles:");
        for (n, t) in &per_article {
            println!("  {n:>8}: {:.2}x ({:.1} µs/article)", t / base, t * 1e6);
        }
    }
}
