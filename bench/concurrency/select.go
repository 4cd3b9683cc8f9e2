// Row 5: one consumer goroutine selecting over two channels fed by two producer goroutines.
package main

import "fmt"

func produce(ch chan int, from, count int, done chan int) {
	for i := 0; i < count; i++ {
		ch <- from + i
	}
	done <- count
}

func main() {
	total := 1000000
	per := total / 2
	a := make(chan int, 1024)
	b := make(chan int, 1024)
	res := make(chan int, 1)
	done := make(chan int, 2)
	go func() {
		sum := 0
		for i := 0; i < total; i++ {
			select {
			case x := <-a:
				sum += x
			case y := <-b:
				sum += y
			}
		}
		res <- sum
	}()
	go produce(a, 0, per, done)
	go produce(b, per, per, done)
	sum := <-res
	produced := <-done + <-done
	fmt.Printf("checksum %d produced=%d\n", sum, produced)
}
