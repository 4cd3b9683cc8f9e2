// Tasks row 6: 100,000 goroutines each blocked receiving on its own unbuffered channel; a
// releaser goroutine sends once to each and awaits all; main only waits for the releaser
// (main's counterpart: idle.go).
package main

import "fmt"

func releaser(n int) int {
	chans := make([]chan int, n)
	results := make([]chan int, n)
	for i := 0; i < n; i++ {
		ch := make(chan int)
		r := make(chan int, 1)
		chans[i] = ch
		results[i] = r
		go func() {
			v := <-ch
			r <- v + 1
		}()
	}
	for i := 0; i < n; i++ {
		chans[i] <- i
	}
	sum := 0
	for _, r := range results {
		sum += <-r
	}
	return sum
}

func main() {
	n := 100000
	done := make(chan int)
	go func() { done <- releaser(n) }()
	sum := <-done
	fmt.Printf("checksum %d tasks=%d\n", sum, n)
}
