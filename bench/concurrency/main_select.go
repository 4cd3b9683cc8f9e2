// Main row 5: main does 1,000,000 selects over two channels of capacity 1024, each fed by its
// own producer goroutine (the goroutine-to-goroutine counterpart: select.go).
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
	done := make(chan int, 2)
	go produce(a, 0, per, done)
	go produce(b, per, per, done)
	sum := 0
	for i := 0; i < total; i++ {
		select {
		case x := <-a:
			sum += x
		case y := <-b:
			sum += y
		}
	}
	produced := <-done + <-done
	fmt.Printf("checksum %d produced=%d\n", sum, produced)
}
