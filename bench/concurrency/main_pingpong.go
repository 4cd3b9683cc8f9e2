// Main row 2: unbuffered ping-pong between main and one goroutine, 200,000 round trips (the
// goroutine-to-goroutine counterpart: pingpong.go).
package main

import "fmt"

func main() {
	rounds := 200000
	ping := make(chan int)
	pong := make(chan int)
	doneB := make(chan int, 1)
	go func() {
		for i := 0; i < rounds; i++ {
			b := <-ping
			pong <- b + 1
		}
		doneB <- rounds
	}()
	ball := 0
	for i := 0; i < rounds; i++ {
		ping <- ball
		ball = <-pong
	}
	done := <-doneB
	fmt.Printf("checksum %d rounds=%d\n", ball, done)
}
