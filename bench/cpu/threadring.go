// thread-ring (the Benchmarks Game program); see threadring.qz.
// Usage: threadring [n]   (default 1000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

const ring = 503

func worker(id int, inbox <-chan int, next chan<- int, done chan<- int) {
	for {
		t := <-inbox
		if t == 0 {
			done <- id
			return
		}
		next <- t - 1
	}
}

func main() {
	n := 1000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	chans := make([]chan int, ring)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int, 1)
	for i := 0; i < ring; i++ {
		go worker(i+1, chans[i], chans[(i+1)%ring], done)
	}
	chans[0] <- n
	fmt.Println(<-done)
}
