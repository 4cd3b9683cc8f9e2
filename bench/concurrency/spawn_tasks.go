// Tasks row 3: a goroutine spawns 1,000,000 goroutines (a 1-slot result channel per goroutine
// plays the role of a Quartz Task handle), then awaits each; main only waits for that
// goroutine (main's counterpart: spawn.go).
package main

import "fmt"

func work(i int) int { return i * 2 }

func spawner(n int) int {
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
	return sum
}

func main() {
	n := 1000000
	done := make(chan int)
	go func() { done <- spawner(n) }()
	sum := <-done
	fmt.Printf("checksum %d tasks=%d\n", sum, n)
}
