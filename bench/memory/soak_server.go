// Soak server, the Go twin of soak_server.qz: a goroutine per connection; a request is a
// decimal number and a newline, the answer 2n+1 and a newline (one Write per answer, as the
// Quartz server does one io_write). Runs until killed.
// Usage: soak_server [port]   (default 0: the system picks; "port P" goes to stderr)
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
)

var served int64

func handle(c net.Conn) {
	defer c.Close()
	r := bufio.NewReaderSize(c, 4096)
	n := int64(0)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break
		}
		v, err := strconv.Atoi(strings.TrimSuffix(line, "\n"))
		if err != nil {
			v = -1
		}
		if _, err := c.Write([]byte(strconv.Itoa(v*2+1) + "\n")); err != nil {
			break
		}
		n++
	}
	atomic.AddInt64(&served, n)
}

func main() {
	port := "0"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	l, err := net.Listen("tcp", ":"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cannot listen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "port %d\n", l.Addr().(*net.TCPAddr).Port)
	for {
		c, err := l.Accept()
		if err != nil {
			continue
		}
		go handle(c)
	}
}
