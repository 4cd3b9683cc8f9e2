// Main row 7: actor message throughput with main as the sender: main sends 400,000 messages
// to a goroutine owning the count through a mailbox channel of 64, then a request/reply for
// the total (the goroutine counterpart: actor.go, 4 senders x 100,000).
package main

import "fmt"

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
	n := 400000
	mailbox := make(chan message, 64)
	go counter(mailbox)
	for i := 0; i < n; i++ {
		mailbox <- message{add: i % 7}
	}
	reply := make(chan int)
	mailbox <- message{reply: reply}
	fmt.Printf("checksum %d\n", <-reply)
	close(mailbox)
}
