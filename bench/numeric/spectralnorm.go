// spectral-norm (the Benchmarks Game program, the plain single-threaded form): the
// spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), by 10
// rounds of the power method on A^T A, printed to 9 places.
// Usage: spectralnorm [n]   (default 100, which prints 1.274219991)
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
)

func evalA(i, j int) float64 {
	return 1.0 / float64((i+j)*(i+j+1)/2+i+1)
}

func mulAv(n int, v, av []float64) {
	for i := 0; i < n; i++ {
		sum := 0.0
		for j := 0; j < n; j++ {
			sum = sum + evalA(i, j)*v[j]
		}
		av[i] = sum
	}
}

func mulAtv(n int, v, atv []float64) {
	for i := 0; i < n; i++ {
		sum := 0.0
		for j := 0; j < n; j++ {
			sum = sum + evalA(j, i)*v[j]
		}
		atv[i] = sum
	}
}

func mulAtAv(n int, v, atav, tmp []float64) {
	mulAv(n, v, tmp)
	mulAtv(n, tmp, atav)
}

func main() {
	n := 100
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1.0
	}
	for k := 0; k < 10; k++ {
		mulAtAv(n, u, v, tmp)
		mulAtAv(n, v, u, tmp)
	}
	vBv, vv := 0.0, 0.0
	for i := 0; i < n; i++ {
		vBv = vBv + u[i]*v[i]
		vv = vv + v[i]*v[i]
	}
	fmt.Printf("%.9f\n", math.Sqrt(vBv/vv))
}
