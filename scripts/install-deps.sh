#!/usr/bin/env bash
# Installs what telekg needs on a fresh Debian machine: libclang-dev (RocksDB bindings of
# the oxigraph store), Graphviz (graph.svg), raptor2-utils (rapper, used by the tests),
# and rdflib + pyshacl (tests, ../shared/eval/score.py). With --test also the Oxigraph
# server (`oxigraph` 0.5.13, the store's version: the push test sends graphs to it), as the
# prebuilt PyPI package: `cargo install oxigraph-cli` would compile RocksDB a second time
# (~15 minutes on two cores). Skips what is already there.
set -euo pipefail

need_apt=()
dpkg -s libclang-dev >/dev/null 2>&1 || need_apt+=(libclang-dev)
# C and C++ compilers: RocksDB (C++) and mimalloc (C) are compiled from source.
{ command -v cc && command -v c++; } >/dev/null 2>&1 || need_apt+=(build-essential)
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
command -v rapper >/dev/null 2>&1 || need_apt+=(raptor2-utils)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import rdflib, pyshacl' >/dev/null 2>&1; then
  echo "installing: rdflib pyshacl (pip)"
  python3 -m pip install -q rdflib pyshacl 2>/dev/null \
    || python3 -m pip install -q --break-system-packages rdflib pyshacl
fi

if [ "${1:-}" = "--test" ]; then
  # pip's scripts folder may not be on PATH (a user install, a pyenv without rehash).
  scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  if ! command -v oxigraph >/dev/null 2>&1 && [ ! -x "$scripts/oxigraph" ]; then
    echo "installing: oxigraph 0.5.13 (PyPI, prebuilt server)"
    python3 -m pip install -q oxigraph==0.5.13 2>/dev/null \
      || python3 -m pip install -q --break-system-packages oxigraph==0.5.13
  fi
fi
