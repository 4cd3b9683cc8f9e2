// Row 1: buffered channel throughput, 1 producer goroutine, 1 consumer (main), capacity 1024.
package main

import "fmt"

func main() {
	n := 2000000
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
	fmt.Printf("checksum %d sent=%d\n", sum, sent)
}
