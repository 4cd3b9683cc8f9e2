// Main row 8: a sync.Mutex contended between main and 4 goroutines, each of the five doing
// 100,000 lock/increment/unlock (the goroutine-only counterpart: mutex.go, 8 goroutines).
package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 100000
	var mu sync.Mutex
	value := 0
	work := func() {
		for i := 0; i < n; i++ {
			mu.Lock()
			value++
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work()
	wg.Wait()
	fmt.Printf("checksum %d\n", value)
}
