// Load driver of the latency benchmark (bench/latency): the time a NEW client waits for its
// first response while other clients pipeline requests as fast as they can.
//
//	driver [flags] server-command [args...]
//
// Starts the server command, reads its port from the first line of its stdout, then:
//   - starts -clients pipelining clients on 127.0.0.1:port; each writes 64-byte requests
//     back-to-back (-batch requests per Write) from one goroutine and reads the responses in
//     another, so it never blocks on a full socket; the reader checks that the echoed stream
//     is exactly what was sent;
//   - after -warmup, opens a new connection every -interval (-samples of them, each in its own
//     goroutine, so a slow one does not delay the next), sends one request and measures from
//     the start of the dial to the last byte of its response (which must echo the request); a
//     probe with no response after -probe-timeout is lost and counts as that long;
//   - counts the responses the pipelining clients received between the first and the last
//     probe's start: the pipelined throughput, and that of the slowest client;
//   - stops the clients, kills the server and prints one line "RESULT p50_ms=.. p99_ms=..
//     max_ms=.. lost=.. rps=.. min_client_rps=.. rss_mb=.. cpu_s=.." (rss and cpu: the server
//     process's peak RSS and CPU time, from its rusage), and a readable summary on stderr.
//
// Bounded: everything is over after warmup + samples*interval + probe-timeout, and a watchdog
// kills the server and exits with 3 if that is exceeded by 20 s; a server whose RSS passes
// -max-rss-mb (a server without a collector keeps what it reads) is killed, exit 4. Exit 1 on
// a wrong response.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const size = 64

// line makes a 64-byte request: text padded with '.', ending in '\n'.
func line(text string) []byte {
	b := []byte(text + strings.Repeat(".", size))
	b = b[:size]
	b[size-1] = '\n'
	return b
}

type pipeliner struct {
	conn     net.Conn
	batch    []byte
	received int64 // bytes, atomic
	bad      int32 // atomic: 1 once the echoed stream differs from what was sent
}

func (p *pipeliner) write(stop *int32) {
	for atomic.LoadInt32(stop) == 0 {
		if _, err := p.conn.Write(p.batch); err != nil {
			return
		}
	}
}

func (p *pipeliner) read() {
	buf := make([]byte, 65536)
	off := 0 // position in the batch the next received byte must match
	for {
		n, err := p.conn.Read(buf)
		chunk := buf[:n]
		for len(chunk) > 0 {
			k := len(p.batch) - off
			if k > len(chunk) {
				k = len(chunk)
			}
			if !bytes.Equal(chunk[:k], p.batch[off:off+k]) {
				atomic.StoreInt32(&p.bad, 1)
			}
			chunk = chunk[k:]
			off = (off + k) % len(p.batch)
		}
		atomic.AddInt64(&p.received, int64(n))
		if err != nil {
			return
		}
	}
}

// probe dials, sends one request and waits for its response; the latency in ms, +Inf if lost.
func probe(addr string, i int, timeout time.Duration) (float64, error) {
	start := time.Now()
	c, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return math.Inf(1), err
	}
	defer c.Close()
	c.SetDeadline(start.Add(timeout))
	req := line(fmt.Sprintf("probe %d", i))
	if _, err := c.Write(req); err != nil {
		return math.Inf(1), err
	}
	resp := make([]byte, size)
	if _, err := io.ReadFull(c, resp); err != nil {
		return math.Inf(1), err
	}
	ms := float64(time.Since(start).Microseconds()) / 1000
	if !bytes.Equal(resp, req) {
		return ms, fmt.Errorf("probe %d: wrong response %q", i, resp)
	}
	return ms, nil
}

// percentile by nearest rank over sorted values.
func percentile(sorted []float64, p float64) float64 {
	k := int(math.Ceil(p*float64(len(sorted)))) - 1
	if k < 0 {
		k = 0
	}
	return sorted[k]
}

func main() {
	clients := flag.Int("clients", 4, "pipelining clients")
	batch := flag.Int("batch", 256, "requests per Write of a pipelining client")
	samples := flag.Int("samples", 100, "new connections to time")
	interval := flag.Duration("interval", 50*time.Millisecond, "time between two new connections")
	warmup := flag.Duration("warmup", 500*time.Millisecond, "pipelining before the first new connection")
	probeTimeout := flag.Duration("probe-timeout", 10*time.Second, "a new connection without a response after this is lost")
	maxRSS := flag.Int64("max-rss-mb", 8192, "kill the server when its resident memory passes this")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: driver [flags] server-command [args...]")
		os.Exit(2)
	}

	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} // the server dies with the driver
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(2)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "driver: cannot start the server:", err)
		os.Exit(2)
	}
	limit := *warmup + time.Duration(*samples)*(*interval) + *probeTimeout + 20*time.Second
	watchdog := time.AfterFunc(limit, func() {
		fmt.Fprintf(os.Stderr, "driver: watchdog: still running after %v, killing the server\n", limit)
		cmd.Process.Kill()
		os.Exit(3)
	})
	portc := make(chan string, 1)
	go func() {
		r := bufio.NewReader(out)
		l, _ := r.ReadString('\n')
		portc <- strings.TrimSpace(l)
		io.Copy(io.Discard, r)
	}()
	var port string
	select {
	case port = <-portc:
	case <-time.After(10 * time.Second):
	}
	if port == "" {
		fmt.Fprintln(os.Stderr, "driver: the server printed no port")
		cmd.Process.Kill()
		cmd.Wait()
		os.Exit(2)
	}
	addr := "127.0.0.1:" + port
	var rssKilled int32
	go func() { // the memory bound
		statm := fmt.Sprintf("/proc/%d/statm", cmd.Process.Pid)
		for range time.Tick(100 * time.Millisecond) {
			var pages, resident int64
			f, err := os.Open(statm)
			if err != nil {
				return
			}
			_, err = fmt.Fscan(f, &pages, &resident)
			f.Close()
			if err == nil && resident*int64(os.Getpagesize()) > *maxRSS<<20 {
				fmt.Fprintf(os.Stderr, "driver: the server's RSS passed %d MB: killing it\n", *maxRSS)
				atomic.StoreInt32(&rssKilled, 1)
				cmd.Process.Kill()
				return
			}
		}
	}()

	var stop int32
	pipes := make([]*pipeliner, *clients)
	for i := range pipes {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "driver: pipelining client:", err)
			cmd.Process.Kill()
			cmd.Wait()
			os.Exit(2)
		}
		var b []byte
		for j := 0; j < *batch; j++ {
			b = append(b, line(fmt.Sprintf("client %d request %d", i, j))...)
		}
		pipes[i] = &pipeliner{conn: c, batch: b}
		go pipes[i].write(&stop)
		go pipes[i].read()
	}
	// received: the bytes each pipelining client has received so far, and their sum
	received := func() ([]int64, int64) {
		each := make([]int64, len(pipes))
		var sum int64
		for i, p := range pipes {
			each[i] = atomic.LoadInt64(&p.received)
			sum += each[i]
		}
		return each, sum
	}

	time.Sleep(*warmup)
	lat := make([]float64, *samples)
	errs := make([]error, *samples)
	var wg sync.WaitGroup
	each0, r0 := received()
	t0 := time.Now()
	for i := 0; i < *samples; i++ {
		if d := time.Until(t0.Add(time.Duration(i) * *interval)); d > 0 {
			time.Sleep(d)
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			lat[i], errs[i] = probe(addr, i, *probeTimeout)
		}(i)
	}
	each1, r1 := received()
	t1 := time.Now()
	wg.Wait()

	atomic.StoreInt32(&stop, 1)
	for _, p := range pipes {
		p.conn.Close()
	}
	cmd.Process.Kill()
	cmd.Wait()
	watchdog.Stop()

	rssMB, cpuS := math.NaN(), math.NaN()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rssMB = float64(ru.Maxrss) / 1024
		cpuS = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	}
	status := 0
	lost := 0
	for i, e := range errs {
		if e != nil && math.IsInf(lat[i], 1) {
			lost++
			if lost <= 3 {
				fmt.Fprintf(os.Stderr, "driver: probe %d lost: %v\n", i, e)
			}
			lat[i] = float64(probeTimeout.Microseconds()) / 1000
		} else if e != nil {
			fmt.Fprintln(os.Stderr, "driver:", e)
			status = 1
		}
	}
	if atomic.LoadInt32(&rssKilled) != 0 {
		status = 4
	}
	for i, p := range pipes {
		if atomic.LoadInt32(&p.bad) != 0 {
			fmt.Fprintf(os.Stderr, "driver: pipelining client %d: the echoed stream differs from the requests\n", i)
			status = 1
		}
	}
	sorted := append([]float64(nil), lat...)
	sort.Float64s(sorted)
	secs := t1.Sub(t0).Seconds()
	rps := float64(r1-r0) / size / secs
	minRps := math.Inf(1) // the slowest pipelining client: is any of them starved?
	var perClient []string
	for i := range pipes {
		r := float64(each1[i]-each0[i]) / size / secs
		minRps = math.Min(minRps, r)
		perClient = append(perClient, fmt.Sprintf("%.0f", r))
	}
	fmt.Fprintf(os.Stderr, "driver: %d new connections, one every %v, beside %d pipelining clients: p50 %.2f ms, p99 %.2f ms, max %.2f ms, lost %d; pipelined %.0f req/s (per client: %s); server peak RSS %.1f MB, CPU %.2f s\n",
		*samples, *interval, *clients, percentile(sorted, 0.5), percentile(sorted, 0.99), sorted[len(sorted)-1], lost, rps, strings.Join(perClient, " "), rssMB, cpuS)
	fmt.Printf("RESULT p50_ms=%.2f p99_ms=%.2f max_ms=%.2f lost=%d rps=%.0f min_client_rps=%.0f rss_mb=%.1f cpu_s=%.2f\n",
		percentile(sorted, 0.5), percentile(sorted, 0.99), sorted[len(sorted)-1], lost, rps, minRps, rssMB, cpuS)
	os.Exit(status)
}
