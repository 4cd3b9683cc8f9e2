#!/usr/bin/env bash
# CPU benchmark suite: Quartz vs Go vs C on Benchmarks Game programs that are not Float
# arithmetic (fib, fannkuch-redux, fasta, k-nucleotide, thread-ring; the Float ones are in
# bench/numeric, binary-trees in bench/memory). One table, Quartz, Go and C side by side, the
# output of all three checked on every run (bench/suite.sh).
#
#   bench/cpu/run.sh                         # from anywhere
#   RUNS=1 bench/cpu/run.sh                  # one run per program
#   QUARTZ=/other/checkout/quartz bench/cpu/run.sh   # another Quartz compiler
#   FIB_N=45 FANNKUCH_N=11 FASTA_N=25000000 KNUC_N=4000000 THREADRING_N=20000000 bench/cpu/run.sh
#   ONLY=fannkuch bench/cpu/run.sh           # one row (fib, fannkuch, fasta, knucleotide, threadring)
#
# k-nucleotide reads on stdin the output of `fasta KNUC_N` (made once by the C fasta).
# thread-ring has no C version (see README.md): its C columns show "-".
SUITE=CPU
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
FIB_N="${FIB_N:-45}"
FANNKUCH_N="${FANNKUCH_N:-11}"
FASTA_N="${FASTA_N:-25000000}"
KNUC_N="${KNUC_N:-4000000}"
THREADRING_N="${THREADRING_N:-20000000}"

# name|argument (empty: none, stdin instead)|implementations|description
BENCHES=(
  "fib|$FIB_N|qz go c|fib($FIB_N), recursive"
  "fannkuch|$FANNKUCH_N|qz go c|fannkuch-redux, n = $FANNKUCH_N"
  "fasta|$FASTA_N|qz go c|fasta, n = $FASTA_N"
  "knucleotide||qz go c|k-nucleotide, fasta $KNUC_N"
  "threadring|$THREADRING_N|qz go|thread-ring, $THREADRING_N passes"
)
C_LIBS=()
quartz_source() { echo "$HERE/$1.qz"; }

# k-nucleotide's input: the C fasta's output (the same text as every fasta's, checked too)
prepare_input() {
  if [ -z "$ONLY" ] || [ "$ONLY" = knucleotide ]; then
    INPUT="$BUILD/knucleotide-input.txt"
    if "$CC" "${CFLAGS[@]}" -o "$BUILD/fasta_gen" "$HERE/fasta.c" >&2; then
      "$BUILD/fasta_gen" "$KNUC_N" >"$INPUT"
    else
      log "cannot build fasta.c: no input for k-nucleotide"
    fi
  fi
}

source "$ROOT/bench/suite.sh"
