// Row 7: actor message throughput: 4 sender goroutines x 100k messages to one goroutine owning
// the state through a mailbox channel of 64, then a request/reply for the total.
package main

import (
	"fmt"
	"sync"
)

type message struct {
	add   int
	reply chan int // nil for add, else the request for the total
}

func counter(mailbox chan message) {
	count := 0
	for m := range mailbox {
		if m.reply != nil {
			m.reply <- count
		} else {
			count += m.add
		}
	}
}

func main() {
	n := 100000
	mailbox := make(chan message, 64)
	go counter(mailbox)
	var wg sync.WaitGroup
	for s := 0; s < 4; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				mailbox <- message{add: i % 7}
			}
		}()
	}
	wg.Wait()
	reply := make(chan int)
	mailbox <- message{reply: reply}
	fmt.Printf("checksum %d\n", <-reply)
	close(mailbox)
}
