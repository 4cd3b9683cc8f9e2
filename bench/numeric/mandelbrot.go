// mandelbrot (the Benchmarks Game program, in floating point, single-threaded): the
// n x n bitmap of the Mandelbrot set over [-1.5, 0.5] x [-1, 1], at most 50
// iterations per point. Instead of the PBM bytes it prints the number of points in
// the set and a checksum of the bitmap's bytes (8 points a byte, first point in the
// high bit, each row padded to whole bytes, as PBM packs them), so the output is
// text and the same in every language: sum = (sum * 31 + byte) mod 1000000007.
// Usage: mandelbrot [n]   (default 200)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 200
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	size := float64(n)
	inSet, sum := 0, 0
	for y := 0; y < n; y++ {
		ci := 2.0*float64(y)/size - 1.0
		b, bits := 0, 0
		for x := 0; x < n; x++ {
			cr := 2.0*float64(x)/size - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			for i := 0; i < 50 && tr+ti <= 4.0; i++ {
				zi = 2.0*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			b = b * 2
			if tr+ti <= 4.0 {
				b = b + 1
				inSet++
			}
			bits++
			if bits == 8 || x == n-1 {
				for ; bits < 8; bits++ {
					b = b * 2
				}
				sum = (sum*31 + b) % 1000000007
				b = 0
				bits = 0
			}
		}
	}
	fmt.Printf("%d points in the set\n", inSet)
	fmt.Printf("checksum %d\n", sum)
}
