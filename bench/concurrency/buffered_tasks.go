// Tasks row 1: buffered channel throughput between two goroutines, capacity 1024: a consumer
// goroutine sums with range; main only waits for both (main's counterpart: buffered.go).
package main

import "fmt"

func main() {
	n := 2000000
	ch := make(chan int, 1024)
	done := make(chan int, 1)
	res := make(chan int, 1)
	go func() {
		sum := 0
		for v := range ch {
			sum += v
		}
		res <- sum
	}()
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
		close(ch)
		done <- n
	}()
	sum := <-res
	sent := <-done
	fmt.Printf("checksum %d sent=%d\n", sum, sent)
}
