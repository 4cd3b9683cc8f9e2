// Row 2: unbuffered ping-pong between two goroutines.
package main

import "fmt"

func main() {
	rounds := 200000
	ping := make(chan int)
	pong := make(chan int)
	doneA := make(chan int, 1)
	doneB := make(chan int, 1)
	go func() {
		for i := 0; i < rounds; i++ {
			b := <-ping
			pong <- b + 1
		}
		doneB <- rounds
	}()
	go func() {
		ball := 0
		for i := 0; i < rounds; i++ {
			ping <- ball
			ball = <-pong
		}
		doneA <- ball
	}()
	last := <-doneA
	done := <-doneB
	fmt.Printf("checksum %d rounds=%d\n", last, done)
}
