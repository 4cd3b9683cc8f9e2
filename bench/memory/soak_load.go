// Load generator for the soak: -c connections in parallel to -addr, request/response (one
// request in flight per connection), -n requests in all, each connection closed and a new one
// opened after -per requests (so the server also starts and ends many connection tasks). A
// request is "i\n" for i in 0..n-1, the answer must be "2i+1\n". Every -every completed
// requests it samples the server's VmRSS from /proc/PID/status (-pid), and prints the series
// and the final numbers: wall time, requests/s, server CPU (utime+stime from /proc/PID/stat),
// server RSS and peak RSS (VmHWM), and the number of wrong or failed answers. It stops by
// itself after n requests.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var pid = flag.Int("pid", 0, "server process to sample (0: none)")

// procStatus gives a field of /proc/PID/status in kB (-1 if unreadable).
func procStatus(field string) int64 {
	if *pid == 0 {
		return -1
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", *pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field+":") {
			f := strings.Fields(line[len(field)+1:])
			if len(f) > 0 {
				v, _ := strconv.ParseInt(f[0], 10, 64)
				return v
			}
		}
	}
	return -1
}

// cpuTicks gives utime+stime of the server in clock ticks (-1 if unreadable).
func cpuTicks() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", *pid))
	if err != nil {
		return -1
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	// after "pid (comm) ": field 3 (state) is f[0], utime is field 14 -> f[11], stime f[12]
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return u + st
}

func main() {
	addr := flag.String("addr", "127.0.0.1:7000", "server address")
	total := flag.Int64("n", 1000000, "requests in all")
	conns := flag.Int("c", 8, "connections in parallel")
	per := flag.Int64("per", 1000, "requests per connection before it is closed and reopened")
	every := flag.Int64("every", 100000, "sample the server's RSS every this many requests")
	flag.Parse()

	var next, done, failed, connections int64
	var mu sync.Mutex
	start := time.Now()
	cpu0 := cpuTicks()
	fmt.Printf("sample req=%d t=%.2fs rss_kb=%d\n", 0, 0.0, procStatus("VmRSS"))

	var wg sync.WaitGroup
	for w := 0; w < *conns; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for atomic.LoadInt64(&next) < *total {
				c, err := net.Dial("tcp", *addr)
				if err != nil {
					atomic.AddInt64(&failed, 1)
					time.Sleep(10 * time.Millisecond)
					continue
				}
				atomic.AddInt64(&connections, 1)
				r := bufio.NewReader(c)
				for k := int64(0); k < *per; k++ {
					i := atomic.AddInt64(&next, 1) - 1
					if i >= *total {
						break
					}
					ok := false
					if _, err := c.Write([]byte(strconv.FormatInt(i, 10) + "\n")); err == nil {
						if line, err := r.ReadString('\n'); err == nil {
							v, err := strconv.ParseInt(strings.TrimSuffix(line, "\n"), 10, 64)
							ok = err == nil && v == 2*i+1
						}
					}
					if !ok {
						atomic.AddInt64(&failed, 1)
						break
					}
					d := atomic.AddInt64(&done, 1)
					if d%*every == 0 {
						rss := procStatus("VmRSS")
						mu.Lock()
						fmt.Printf("sample req=%d t=%.2fs rss_kb=%d\n", d, time.Since(start).Seconds(), rss)
						mu.Unlock()
					}
				}
				c.Close()
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start).Seconds()
	cpu1 := cpuTicks()
	rssEnd := procStatus("VmRSS")
	time.Sleep(time.Second) // idle a moment: what the server keeps once the load has stopped
	fmt.Printf("final requests=%d failed=%d connections=%d wall_s=%.2f req_per_s=%.0f server_cpu_s=%.2f rss_kb=%d idle_rss_kb=%d hwm_kb=%d\n",
		done, failed, connections, wall, float64(done)/wall, float64(cpu1-cpu0)/100.0 /* USER_HZ is 100 on Linux */,
		rssEnd, procStatus("VmRSS"), procStatus("VmHWM"))
}
