#!/usr/bin/env bash
# Fresh machine to a full test run: install dependencies, format and lint checks, tests.
# Tests run in the release profile: one RocksDB compile serves the binary and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
if [ -z "${OXIGRAPH_BIN:-}" ]; then
  # pip's scripts folder may not be on PATH (a user install, a pyenv without rehash).
  OXIGRAPH_BIN="$(command -v oxigraph \
    || echo "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/oxigraph")"
fi
export OXIGRAPH_BIN
cargo fmt --check
cargo clippy --release --all-targets -- -D warnings
cargo test --release
