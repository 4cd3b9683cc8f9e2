// fib: the naive doubly recursive Fibonacci, a test of call overhead.
// Usage: fib [n]   (default 25)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	n := 25
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	fmt.Printf("fib(%d) = %d\n", n, fib(n))
}
