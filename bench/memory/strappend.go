// String append: s += "x" N times; Go strings are immutable, so each append allocates and
// copies a new string one byte longer.
// Usage: strappend [n]   (default 40000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 40000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	s := ""
	for i := 0; i < n; i++ {
		s += "x"
	}
	fmt.Printf("length %d\n", len(s))
}
