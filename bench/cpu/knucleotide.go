// k-nucleotide (the Benchmarks Game program, one thread); see knucleotide.qz.
// Usage: fasta 1000 | knucleotide
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func codeOf(c byte) int {
	switch c {
	case 'a', 'A':
		return 0
	case 'c', 'C':
		return 1
	case 'g', 'G':
		return 2
	case 't', 'T':
		return 3
	}
	return -1
}

func countFrames(codes []int, k int) map[int]int {
	m := make(map[int]int)
	mask := (1 << (2 * k)) - 1
	key := 0
	for i, c := range codes {
		key = ((key << 2) | c) & mask
		if i >= k-1 {
			m[key]++
		}
	}
	return m
}

func decode(key, k int) string {
	b := make([]byte, k)
	for i := 0; i < k; i++ {
		b[i] = "ACGT"[(key>>(2*(k-1-i)))&3]
	}
	return string(b)
}

func encode(s string) int {
	key := 0
	for i := 0; i < len(s); i++ {
		key = (key << 2) | codeOf(s[i])
	}
	return key
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<30)
	var codes []int
	inside := false
	for in.Scan() {
		line := in.Bytes()
		if inside {
			if len(line) > 0 && line[0] == '>' {
				break
			}
			for _, c := range line {
				codes = append(codes, codeOf(c))
			}
		} else if len(line) >= 6 && string(line[:6]) == ">THREE" {
			inside = true
		}
	}
	for k := 1; k <= 2; k++ {
		m := countFrames(codes, k)
		keys := make([]int, 0, len(m))
		for key := range m {
			keys = append(keys, key)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		total := float64(len(codes) - k + 1)
		for _, key := range keys {
			fmt.Fprintf(out, "%s %.3f\n", decode(key, k), 100.0*float64(m[key])/total)
		}
		fmt.Fprintln(out)
	}
	for _, s := range []string{"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"} {
		m := countFrames(codes, len(s))
		fmt.Fprintf(out, "%d\t%s\n", m[encode(s)], s)
	}
}
