// Row 9: a goroutine calls a small helper doing one send and one receive on its own buffered
// channel, 1,000,000 times.
package main

import "fmt"

func helper(ch chan int, v int) int {
	ch <- v
	return <-ch + 1
}

func calls(n int) int {
	ch := make(chan int, 1)
	sum := 0
	for i := 0; i < n; i++ {
		sum += helper(ch, i)
	}
	return sum
}

func main() {
	done := make(chan int)
	go func() { done <- calls(1000000) }()
	fmt.Printf("checksum %d\n", <-done)
}
