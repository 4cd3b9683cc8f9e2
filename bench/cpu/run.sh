#!/usr/bin/env bash
# CPU benchmark suite: Quartz vs Go vs C on the Benchmarks Game programs that are not Float
# arithmetic (fib, fannkuch-redux, fasta, k-nucleotide, thread-ring, chameneos-redux, and
# binary-trees, whose sources are bench/memory's; the Float ones are in bench/numeric). One
# table, Quartz, Go and C side by side: wall time, CPU time (user+sys) and peak RSS, the output
# of all three checked on every run (bench/suite.sh).
#
#   bench/cpu/run.sh                         # from anywhere
#   RUNS=1 bench/cpu/run.sh                  # one run per program
#   QUARTZ=/other/checkout/quartz bench/cpu/run.sh   # another Quartz compiler
#   FIB_N=45 FANNKUCH_N=11 FASTA_N=25000000 KNUC_N=4000000 THREADRING_N=20000000 \
#     CHAMENEOS_N=6000000 BT_DEPTH=21 bench/cpu/run.sh   # the sizes (these are the defaults)
#   ONLY=fannkuch bench/cpu/run.sh           # one row (fib, fannkuch, fasta, knucleotide,
#                                            # threadring, chameneos, binarytrees)
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
CHAMENEOS_N="${CHAMENEOS_N:-6000000}"
BT_DEPTH="${BT_DEPTH:-21}"

# name|argument (empty: none, stdin instead)|implementations|description
BENCHES=(
  "fib|$FIB_N|qz go c|fib($FIB_N), recursive"
  "fannkuch|$FANNKUCH_N|qz go c|fannkuch-redux, n = $FANNKUCH_N"
  "fasta|$FASTA_N|qz go c|fasta, n = $FASTA_N"
  "knucleotide||qz go c|k-nucleotide, fasta $KNUC_N"
  "threadring|$THREADRING_N|qz go|thread-ring, $THREADRING_N passes"
  "chameneos|$CHAMENEOS_N|qz go c|chameneos-redux, $CHAMENEOS_N meetings"
  "binarytrees|$BT_DEPTH|qz go c|binary-trees, depth $BT_DEPTH"
)
C_LIBS=(-lpthread)
# binary-trees is bench/memory's program (the memory suite runs it at depth 18)
source_dir() { if [ "$1" = binarytrees ]; then echo "$ROOT/bench/memory"; else echo "$HERE"; fi; }
quartz_source() { echo "$(source_dir "$1")/$1.qz"; }

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
