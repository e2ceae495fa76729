#!/usr/bin/env bash
# Fresh machine to a full test run: install dependencies, format and lint checks, tests.
# Tests run in the release profile: one RocksDB compile serves the binary and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
tools="${TELEKG_TOOLS:-${HOME}/.cache/telekg/tools}"
if [ -z "${OXIGRAPH_BIN:-}" ]; then
  OXIGRAPH_BIN="$(command -v oxigraph || echo "$tools/bin/oxigraph")"
fi
export OXIGRAPH_BIN
cargo fmt --check
cargo clippy --release --all-targets -- -D warnings
cargo test --release
