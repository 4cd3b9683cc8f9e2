// Latency benchmark server (bench/latency), the Go version of server.qz with raw net: a
// goroutine per connection. Requests are fixed 64-byte lines; each goroutine reads whatever is
// available (up to 64 KiB) and answers every complete request in it with its response (the
// request echoed, 64 bytes): one Write per request, or with the argument `batch` one Write of
// all of them; a partial request waits for the rest. Listens on 127.0.0.1, port 0; prints the
// port on stdout, then serves until it is killed.
package main

import (
	"fmt"
	"net"
	"os"
)

const size = 64

func handle(c net.Conn, batch bool) {
	defer c.Close()
	buf := make([]byte, 65536+size)
	pending := 0
	for {
		n, err := c.Read(buf[pending : pending+65536])
		total := pending + n
		off := 0
		if batch {
			off = total / size * size
			if off > 0 {
				if _, err := c.Write(buf[:off]); err != nil {
					return
				}
			}
		} else {
			for off+size <= total {
				if _, err := c.Write(buf[off : off+size]); err != nil {
					return
				}
				off += size
			}
		}
		pending = copy(buf, buf[off:total])
		if err != nil {
			return
		}
	}
}

func main() {
	batch := len(os.Args) > 1 && os.Args[1] == "batch"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	fmt.Fprintln(os.Stderr, "go latency server: listening on", ln.Addr(), "batch:", batch)
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go handle(c, batch)
	}
}
