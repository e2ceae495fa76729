#!/usr/bin/env python3
"""Sentence-level accuracy of telekg's language identification.

Every sentence of at least eight words in the annotated corpora (default:
../shared/corpus/{seeds,dev,dev2}) is labelled with its article's language and given to
`telekg lang`; prints accuracy per language and the confusions.

    python3 scripts/langid_eval.py [--bin target/release/telekg] [CORPUS_DIR ...]
"""
import argparse, collections, json, pathlib, re, subprocess, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/telekg")
ap.add_argument("dirs", nargs="*", default=[f"../shared/corpus/{d}" for d in ("seeds", "dev", "dev2")])
args = ap.parse_args()
gold = []
for d in args.dirs:
    for t in sorted(pathlib.Path(d).glob("*.txt")):
        lang = json.load(open(t.with_suffix(".json")))["lang"]
        for s in re.split(r"(?<=[.!?])\s+|\n+", t.read_text()):
            s = s.strip()
            if len(re.findall(r"\w+", s)) >= 8:
                gold.append((lang, s))
with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
    f.write("\n".join(s for _, s in gold) + "\n")
    f.flush()
    out = subprocess.run([args.bin, "lang", f.name], capture_output=True, text=True, check=True).stdout
pred = [line.split("\t", 1)[0] for line in out.splitlines()]
assert len(pred) == len(gold), (len(pred), len(gold))
n, ok, conf = collections.Counter(), collections.Counter(), collections.Counter()
for (g, _), p in zip(gold, pred):
    n[g] += 1
    ok[g] += g == p
    if g != p:
        conf[(g, p)] += 1
for lang in sorted(n):
    print(f"{lang}  {ok[lang]:4}/{n[lang]:<4} {ok[lang] / n[lang]:.3f}")
for (g, p), k in conf.most_common():
    print(f"  {g} read as {p}: {k}")
