// Row 8: contended mutex: 8 goroutines x 100k lock/increment/unlock on one sync.Mutex.
package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 100000
	var mu sync.Mutex
	value := 0
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				mu.Lock()
				value++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("checksum %d\n", value)
}
