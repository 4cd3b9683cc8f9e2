// Row 4: 4-to-1 fan-in: 4 producer goroutines, one consumer (main), buffered channel of 1024.
package main

import "fmt"

func main() {
	total := 2000000
	per := total / 4
	ch := make(chan int, 1024)
	done := make(chan int, 4)
	for p := 0; p < 4; p++ {
		go func(from, count int) {
			for i := 0; i < count; i++ {
				ch <- from + i
			}
			done <- count
		}(p*per, per)
	}
	sum := 0
	for i := 0; i < total; i++ {
		sum += <-ch
	}
	produced := 0
	for p := 0; p < 4; p++ {
		produced += <-done
	}
	fmt.Printf("checksum %d produced=%d\n", sum, produced)
}
