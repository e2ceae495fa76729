//! The `telekg` command line: a thin layer over the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use telekg::ingest::{IngestOptions, InputFile, DEFAULT_MAX_ARTICLE_BYTES};
use telekg::pipeline::{build, BuildOptions, Exports};
use telekg::store::{run_query, OutputFormat};

// Extraction and export allocate many small strings on every core; mimalloc's
// per-thread heaps make a build about a tenth faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "telekg",
    version,
    about = "Telecom-market news -> knowledge graph (RDF, SPARQL, Graphviz)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, extract, merge into one graph and write DIR/graph.ttl, graph.trig,
    /// graph.nq, graph.dot, graph.svg and the SPARQL store DIR/store. Outputs of an
    /// earlier build that this one does not write are removed.
    Build {
        /// Files, folders (recursive) or - for standard input. Text/Markdown, HTML, JSON Lines.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Language of every article (nb, nn, sv, da, fr, en, de) instead of detecting it.
        #[arg(long)]
        lang: Option<String>,
        /// Do not fill the Oxigraph store.
        #[arg(long)]
        no_store: bool,
        /// Do not render graph.svg.
        #[arg(long)]
        no_svg: bool,
        /// Files to write: graph.ttl always, and any of trig, nq, dot (graph.svg needs
        /// dot). E.g. `--formats ttl` for an archive that only needs Turtle and the store.
        #[arg(
            long,
            value_enum,
            value_delimiter = ',',
            default_values_t = [Format::Ttl, Format::Trig, Format::Nq, Format::Dot]
        )]
        formats: Vec<Format>,
        /// Largest article accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: u64,
        /// Extract every article again, ignoring what an earlier build into DIR cached.
        #[arg(long)]
        full: bool,
        /// Neither use nor write DIR/extract-cache.bin (no incremental builds).
        #[arg(long)]
        no_cache: bool,
        /// Print seconds per stage.
        #[arg(long)]
        timings: bool,
    },
    /// Run a SPARQL 1.1 query against the store of a build (prefixes tm:, tmr:, rdfs:,
    /// skos:, prov:, xsd: ... are predeclared).
    Query {
        /// The query text (or use --file).
        #[arg(required_unless_present = "file")]
        query: Option<String>,
        /// Read the query from a file (e.g. queries/owners.rq).
        #[arg(long, conflicts_with = "query")]
        file: Option<PathBuf>,
        /// Output folder of the build, or the store folder itself.
        #[arg(long, default_value = "out")]
        store: PathBuf,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Score extraction against gold annotations (<id>.txt + <id>.json): per article, per
    /// language and overall, with missing and wrong triples.
    Eval {
        gold_dir: PathBuf,
        /// List missing and wrong triples under each article.
        #[arg(long)]
        details: bool,
        /// Write the full report as JSON.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Send a build's graph to a SPARQL 1.1 Graph Store Protocol server: every article's
    /// named graph is replaced, the default graph (entities, article descriptions) merged,
    /// so shards pushed to one server add up to their union.
    Push {
        /// Output folder of a build (its graph.nq is sent), or an N-Quads file.
        #[arg(default_value = "out")]
        dir: PathBuf,
        /// Graph Store endpoint, e.g. http://localhost:7878/store (oxigraph serve) or
        /// http://localhost:3030/ds/data (Fuseki).
        #[arg(long)]
        endpoint: String,
    },
    /// Print each article of FILE as extraction reads it: decoded, markup removed and
    /// normalised. Evidence offsets (tm:startOffset, tm:endOffset) count characters of
    /// this text, and prov:value is its slice. Articles of a JSON Lines file are
    /// separated by a line with a form feed.
    Text {
        file: String,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print the language telekg detects for each line of FILE (or standard input with
    /// `-`): its code, a tab and the line. For checking the detector on short texts.
    Lang { file: String },
    /// Print what one article yields (entities, relations, facts with sentence and rule).
    Extract {
        file: String,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        #[arg(long)]
        lang: Option<String>,
        /// Also show every sentence as the patterns see it, before and after reductions.
        #[arg(long)]
        trace: bool,
    },
    /// Check the example sentences of the lexicons (ontology/lang/<code>/*.toml): what
    /// each must yield and must not, and which constructions no example exercises. With
    /// TELEKG_KNOWLEDGE=ontology it reads edited lexicons without a rebuild. Exits 1 when
    /// an example fails.
    Examples {
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
        /// Also list constructions a language instantiates that no example exercises.
        #[arg(long)]
        coverage: bool,
    },
}

/// Files `telekg build` can write.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// graph.ttl, the merged graph (always written).
    Ttl,
    /// graph.trig, one named graph per article.
    Trig,
    /// graph.nq, the same dataset as N-Quads (what `telekg push` sends).
    Nq,
    /// graph.dot (and graph.svg).
    Dot,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("telekg: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// The input a command names: a path, or standard input for `-`.
fn input_file(file: &str) -> InputFile {
    if file == "-" {
        InputFile::Stdin
    } else {
        InputFile::Path(PathBuf::from(file))
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            inputs,
            out,
            lang,
            no_store,
            no_svg,
            formats,
            max_article_bytes,
            full,
            no_cache,
            timings,
        } => {
            let options = BuildOptions {
                ingest: IngestOptions {
                    lang,
                    max_article_bytes,
                },
                out: out.clone(),
                store: !no_store,
                exports: Exports {
                    trig: formats.contains(&Format::Trig),
                    nquads: formats.contains(&Format::Nq),
                    dot: formats.contains(&Format::Dot),
                },
                svg: !no_svg,
                progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
                reuse_cache: !full && !no_cache,
                write_cache: !no_cache,
            };
            let report = match build(&inputs, &options) {
                Ok(report) => report,
                Err(telekg::Error::NothingRead { failures }) => {
                    for failure in &failures {
                        eprintln!("telekg: skipped: {failure}");
                    }
                    eprintln!(
                        "telekg: error: no article could be read from the {} input(s); {} was left as it was",
                        inputs.len(),
                        out.display()
                    );
                    return Ok(ExitCode::from(2));
                }
                Err(e) => {
                    return Err(e).with_context(|| format!("building into {}", out.display()))
                }
            };
            for note in &report.notes {
                eprintln!("telekg: note: {note}");
            }
            for failure in &report.failures {
                eprintln!("telekg: skipped: {failure}");
            }
            eprintln!(
                "telekg: {} article(s) read ({} extracted, {} unchanged since the last build), {} skipped{}; {} measurement(s)",
                report.articles_read,
                report.articles_read - report.articles_reused,
                report.articles_reused,
                report.failures.len(),
                if report.articles_kept > 0 {
                    format!(
                        ", {} kept from the earlier build",
                        report.articles_kept
                    )
                } else {
                    String::new()
                },
                report.measurements
            );
            if timings {
                let laps: Vec<String> = report
                    .timings
                    .iter()
                    .map(|(stage, s)| format!("{stage} {s:.2}s"))
                    .collect();
                eprintln!(
                    "telekg: timings: {}; total {:.2}s",
                    laps.join(", "),
                    report.seconds
                );
            }
            let types: Vec<String> = report
                .entities_per_type
                .iter()
                .map(|(t, n)| format!("{} {n}", t.name()))
                .collect();
            eprintln!("telekg: entities: {}", types.join(", "));
            let rels: Vec<String> = report
                .relations_per_property
                .iter()
                .map(|(p, n)| format!("{p} {n}"))
                .collect();
            eprintln!(
                "telekg: relations: {}",
                if rels.is_empty() {
                    "none".into()
                } else {
                    rels.join(", ")
                }
            );
            if report.up_to_date {
                eprintln!(
                    "telekg: nothing changed since the last build into {}: outputs left as they are",
                    out.display()
                );
            }
            if let Some(update @ telekg::export::StoreWrite::Updated { .. }) = report.store_write {
                eprintln!("telekg: store {update}");
            }
            if let Some(why) = &report.svg_skipped {
                eprintln!("telekg: note: graph.svg not rendered: {why} (graph.dot is there)");
            }
            eprintln!(
                "telekg: wrote {}",
                report
                    .files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Ok(if report.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        Command::Push { dir, endpoint } => {
            let nquads = if dir.is_dir() {
                dir.join("graph.nq")
            } else {
                dir.clone()
            };
            if !nquads.is_file() {
                anyhow::bail!(
                    "{}: no such file; run `telekg build ... --out {}` first",
                    nquads.display(),
                    dir.display()
                );
            }
            let report = telekg::push::push_dataset(&nquads, &endpoint)?;
            eprintln!(
                "telekg: pushed {} article graph(s) and the default graph, {} triples in {} request(s), to {endpoint}",
                report.named_graphs, report.triples, report.requests
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Query {
            query,
            file,
            store,
            format,
        } => {
            let text = match (query, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("{}: cannot read query", f.display()))?,
                (None, None) => unreachable!("clap requires one"),
            };
            let store = if store.join("store").is_dir() {
                store.join("store")
            } else {
                store
            };
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            run_query(&store, &text, format, &mut lock)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            gold_dir,
            details,
            json,
        } => {
            let report = telekg::eval::evaluate(&gold_dir)?;
            print!("{}", telekg::eval::render(&report, details));
            if let Some(path) = json {
                let text = serde_json::to_string_pretty(&report)?;
                telekg::atomic::write_atomic(&path, |w| w.write_all(text.as_bytes()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Examples { lang, coverage } => {
            let report = telekg::manifest::run(lang.as_deref());
            for f in &report.failures {
                println!("FAIL [{}] {}\n     {}", f.lang, f.text, f.problem);
            }
            for f in &report.pending {
                println!("PENDING [{}] {}\n     {}", f.lang, f.text, f.problem);
            }
            if coverage {
                for (lang, id) in &report.uncovered {
                    println!("UNCOVERED [{lang}] {id}");
                }
                // Trigger phrases and construction instances per language and relation.
                println!("language relation trigger-phrases constructions");
                for lexicon in &telekg::knowledge::Knowledge::global().lexicons {
                    if lang.as_deref().is_some_and(|l| l != lexicon.code) {
                        continue;
                    }
                    for (relation, phrases, instances) in
                        telekg::extract::constructions::coverage(&lexicon.code)
                    {
                        println!("{} {relation} {phrases} {instances}", lexicon.code);
                    }
                }
            }
            println!(
                "examples: {} run, {} failures, {} pending, {} constructions without an example",
                report.examples,
                report.failures.len(),
                report.pending.len(),
                report.uncovered.len()
            );
            Ok(if report.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Lang { file } => {
            // Bytes decoded as every input is (UTF-16, legacy Windows-1252, stray bytes).
            let bytes = if file == "-" {
                let mut b = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
                b
            } else {
                std::fs::read(&file).with_context(|| format!("{file}: cannot read"))?
            };
            let (text, notes) = telekg::ingest::decode(&file, &bytes)?;
            for note in &notes {
                eprintln!("telekg: note: {note}");
            }
            let knowledge = telekg::knowledge::Knowledge::global();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let (line, _) = telekg::ingest::normalise(&file, line);
                writeln!(
                    out,
                    "{}\t{line}",
                    telekg::ingest::detect_language(&line, knowledge)
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Text { file, lang } => {
            let input = input_file(&file);
            let options = IngestOptions {
                lang,
                ..Default::default()
            };
            let mut status = ExitCode::SUCCESS;
            let mut first = true;
            for article in telekg::ingest::load(&input, &options) {
                match article {
                    Ok(a) => {
                        if !first {
                            println!("\u{c}");
                        }
                        first = false;
                        println!("{}", a.text);
                    }
                    Err(e) => {
                        eprintln!("telekg: skipped: {e}");
                        status = ExitCode::from(2);
                    }
                }
            }
            Ok(status)
        }
        Command::Extract {
            file,
            format,
            lang,
            trace,
        } => {
            let input = input_file(&file);
            if let InputFile::Path(p) = &input {
                if !p.exists() {
                    anyhow::bail!("{file}: no such file or directory");
                }
            }
            let options = IngestOptions {
                lang,
                ..Default::default()
            };
            let mut status = ExitCode::SUCCESS;
            for article in telekg::ingest::load(&input, &options) {
                match article {
                    Ok(a) => {
                        let x = telekg::extract::extract(a);
                        match format {
                            ExtractFormat::Json => println!(
                                "{}",
                                serde_json::to_string_pretty(&telekg::extract::report::to_json(
                                    &x
                                ))?
                            ),
                            ExtractFormat::Text => {
                                print!("{}", telekg::extract::report::to_text(&x))
                            }
                        }
                        if trace {
                            print!("{}", telekg::extract::report::trace_text(&x));
                        }
                    }
                    Err(e) => {
                        eprintln!("telekg: skipped: {e}");
                        status = ExitCode::from(2);
                    }
                }
            }
            Ok(status)
        }
    }
}
