//! Writes the synthetic benchmark corpus as JSON Lines, for running `telekg build` on it:
//!
//!     cargo run --release --example gen_corpus -- 100000 42 > corpus.jsonl
//!     telekg build corpus.jsonl --out out

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in telekg::synth::generate(seed, count) {
        serde_json::to_writer(&mut out, &a).expect("write");
        out.write_all(b"\n").expect("write");
    }
}
