#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: every cargo-fuzz target of fuzz/, built
# with `cargo fuzz build -O`, copied to $OUT with its seed corpus
# ($OUT/<target>_seed_corpus.zip from corpus/<target>/) and, for the
# targets that read JavaScript tokens, the language dictionary
# ($OUT/<target>.dict). ClusterFuzz picks both up by name.
#
# In the OSS-Fuzz image (base-builder-rust) $SRC, $OUT and the sanitizer
# flags are set and the default toolchain is nightly. Here it runs as
#   OUT=$(mktemp -d) .clusterfuzzlite/build.sh
# with `+nightly` chosen when the default toolchain is stable.
cd "$(dirname "$0")/.."
: "${OUT:?set OUT to the output folder}"
mkdir -p "$OUT"

toolchain=""
if ! rustc --version | grep -q nightly; then
  toolchain="+nightly"
fi
# cargo-fuzz's own release directory for the host triple.
triple=$(rustc $toolchain -vV | sed -n 's/^host: //p')

targets=$(cargo $toolchain fuzz list)
[ -n "$targets" ] || { echo "build.sh: no fuzz targets in fuzz/" >&2; exit 1; }

# -O: release with debug assertions (the harness's checks stay on).
cargo $toolchain fuzz build -O

# Targets whose input is (or drives) JavaScript source.
dict_targets=" parse source_diff "

for t in $targets; do
  bin="fuzz/target/$triple/release/$t"
  [ -x "$bin" ] || { echo "build.sh: $bin was not built" >&2; exit 1; }
  cp "$bin" "$OUT/$t"
  if [ -d "corpus/$t" ] && [ -n "$(ls -A "corpus/$t")" ]; then
    rm -f "$OUT/${t}_seed_corpus.zip"
    # -j: flat, as libFuzzer reads a corpus directory.
    (cd "corpus/$t" && zip -q -j "$OUT/${t}_seed_corpus.zip" ./*)
  fi
  if [[ "$dict_targets" == *" $t "* ]]; then
    cp .clusterfuzzlite/jolt.dict "$OUT/$t.dict"
  fi
  echo "build.sh: $t"
done
