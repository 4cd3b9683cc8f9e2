// Row 6: 100,000 goroutines each blocked receiving on its own unbuffered channel; main then
// releases every goroutine with one send and awaits all of them.
package main

import "fmt"

func main() {
	n := 100000
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
	fmt.Printf("checksum %d tasks=%d\n", sum, n)
}
