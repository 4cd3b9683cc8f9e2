// Channel: one producer goroutine sends 0..N-1 into a channel of capacity 1024 and closes
// it; main receives them with `for v := range ch` and sums.
// Usage: chan [n]   (default 10000000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 10000000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	ch := make(chan int, 1024)
	done := make(chan int, 1)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
		close(ch)
		done <- n
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	sent := <-done
	fmt.Printf("sum=%d sent=%d\n", sum, sent)
}
