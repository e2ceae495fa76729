//! Embeds every knowledge file under `ontology/` (`*.toml`) into the binary, so that
//! telekg runs offline as one file and a language is added by adding its folder
//! `ontology/lang/<code>/`, with no Rust edit: the list of files is read from the tree.

use std::path::Path;

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path.strip_prefix(root).expect("under the root");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    // Read at run time: a build script compiled in another checkout (a shared `target/`)
    // must still read this one.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    let ontology = root.join("ontology");
    println!("cargo:rerun-if-changed=ontology");
    let mut files = Vec::new();
    collect(&ontology, root, &mut files);
    // Folders are watched for new files; each file for its content.
    for f in &files {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut code = String::from(
        "/// Every knowledge file of `ontology/`, as (path from the crate root, contents).\n\
         pub const EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        code.push_str(&format!(
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/\", {f:?}))),\n"
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("knowledge_files.rs");
    std::fs::write(out, code).expect("writing knowledge_files.rs");
}
