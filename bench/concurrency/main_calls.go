// Main row 9: main calls a small helper doing one send and one receive on its own buffered
// channel (capacity 1), 1,000,000 times (the goroutine counterpart: calls.go).
package main

import "fmt"

func helper(ch chan int, v int) int {
	ch <- v
	return <-ch + 1
}

func main() {
	n := 1000000
	ch := make(chan int, 1)
	sum := 0
	for i := 0; i < n; i++ {
		sum += helper(ch, i)
	}
	fmt.Printf("checksum %d\n", sum)
}
