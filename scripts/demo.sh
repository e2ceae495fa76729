#!/usr/bin/env bash
# Fresh machine to a queried graph: install dependencies, build, run on seeds/, query.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release
bin="${CARGO_TARGET_DIR:-target}/release/telekg"
"$bin" build seeds --out out
echo
echo "== who owns whom (queries/owners.rq)"
"$bin" query --store out --file queries/owners.rq
echo
echo "== every number with its source (queries/numbers.rq)"
"$bin" query --store out --file queries/numbers.rq
echo
echo "Outputs in out/: graph.ttl graph.trig graph.nq graph.dot graph.svg store/ extract-cache.bin"
