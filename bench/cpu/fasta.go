// fasta (the Benchmarks Game program); see fasta.qz.
// Usage: fasta [n]   (default 1000)
package main

import (
	"bufio"
	"os"
	"strconv"
)

const alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"
const width = 60

var seed = 42
var out = bufio.NewWriterSize(os.Stdout, 65536)

func repeatFasta(header, s string, n int) {
	out.WriteString(header)
	pos := 0
	for left := n; left > 0; left -= width {
		line := left
		if line > width {
			line = width
		}
		for i := 0; i < line; i++ {
			out.WriteByte(s[pos])
			pos++
			if pos == len(s) {
				pos = 0
			}
		}
		out.WriteByte('\n')
	}
}

func randomFasta(header, codes string, probs []float64, n int) {
	cum := make([]float64, len(probs))
	acc := 0.0
	for i, p := range probs {
		acc += p
		cum[i] = acc
	}
	k := len(cum)
	out.WriteString(header)
	for left := n; left > 0; left -= width {
		line := left
		if line > width {
			line = width
		}
		for i := 0; i < line; i++ {
			seed = (seed*3877 + 29573) % 139968
			r := float64(seed) / 139968.0
			j := 0
			for j < k-1 && r >= cum[j] {
				j++
			}
			out.WriteByte(codes[j])
		}
		out.WriteByte('\n')
	}
}

func main() {
	n := 1000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	repeatFasta(">ONE Homo sapiens alu\n", alu, 2*n)
	iub := []float64{0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02}
	randomFasta(">TWO IUB ambiguity codes\n", "acgtBDHKMNRSVWY", iub, 3*n)
	homo := []float64{0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008}
	randomFasta(">THREE Homo sapiens frequency\n", "acgt", homo, 5*n)
	out.Flush()
}
