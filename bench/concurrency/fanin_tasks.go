// Tasks row 4: 4-to-1 fan-in between goroutines: 4 producers, one consumer goroutine that
// sums, buffered channel of 1024; main only waits (main's counterpart: fanin.go).
package main

import "fmt"

func main() {
	total := 2000000
	per := total / 4
	ch := make(chan int, 1024)
	done := make(chan int, 4)
	res := make(chan int, 1)
	go func() {
		sum := 0
		for i := 0; i < total; i++ {
			sum += <-ch
		}
		res <- sum
	}()
	for p := 0; p < 4; p++ {
		go func(from, count int) {
			for i := 0; i < count; i++ {
				ch <- from + i
			}
			done <- count
		}(p*per, per)
	}
	sum := <-res
	produced := 0
	for p := 0; p < 4; p++ {
		produced += <-done
	}
	fmt.Printf("checksum %d produced=%d\n", sum, produced)
}
