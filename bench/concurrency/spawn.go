// Row 3: spawn 1,000,000 goroutines, then await each one (a 1-slot result channel per
// goroutine plays the role of a Quartz Task handle).
package main

import "fmt"

func work(i int) int { return i * 2 }

func main() {
	n := 1000000
	tasks := make([]chan int, n)
	for i := 0; i < n; i++ {
		c := make(chan int, 1)
		tasks[i] = c
		go func(i int, c chan int) { c <- work(i) }(i, c)
	}
	sum := 0
	for _, t := range tasks {
		sum += <-t
	}
	fmt.Printf("checksum %d tasks=%d\n", sum, n)
}
