#!/usr/bin/env bash
# Numeric benchmark suite: Quartz vs Go vs C on three Benchmarks Game programs in Floats
# (spectral-norm, n-body, mandelbrot). One table, Quartz, Go and C side by side, the output of
# all three checked on every run (bench/suite.sh). The Quartz programs are end-to-end tests
# too: org.quartz.tests/programs/float_NAME.qz.
#
#   bench/numeric/run.sh                     # from anywhere
#   RUNS=1 bench/numeric/run.sh              # one run per program
#   QUARTZ=/other/checkout/quartz bench/numeric/run.sh   # another Quartz compiler
#   SPECTRAL_N=5500 NBODY_STEPS=50000000 MANDELBROT_N=8000 bench/numeric/run.sh   # sizes
#   ONLY=nbody bench/numeric/run.sh          # one row (spectralnorm, nbody, mandelbrot)
#
# C is compiled with cc -O2 (and -lm), no -march: baseline x86-64 has no FMA, so C, Go
# and Quartz round every operation alike and print the same digits.
SUITE=Numeric
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SPECTRAL_N="${SPECTRAL_N:-5500}"
NBODY_STEPS="${NBODY_STEPS:-50000000}"
MANDELBROT_N="${MANDELBROT_N:-8000}"

# name|argument|implementations|description
BENCHES=(
  "spectralnorm|$SPECTRAL_N|qz go c|spectral-norm, n = $SPECTRAL_N"
  "nbody|$NBODY_STEPS|qz go c|n-body, $NBODY_STEPS steps"
  "mandelbrot|$MANDELBROT_N|qz go c|mandelbrot, $MANDELBROT_N x $MANDELBROT_N"
)
C_LIBS=(-lm)
quartz_source() { echo "$ROOT/org.quartz.tests/programs/float_$1.qz"; }

source "$ROOT/bench/suite.sh"
