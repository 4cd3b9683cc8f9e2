// chameneos-redux (the Benchmarks Game program): creatures (goroutines) of colour blue, red
// or yellow go to one meeting place again and again; there each meets another creature or
// waits for one, and both take the complement of their two colours. After n meetings every
// creature stops. Run with 3 creatures, then with 10.
//
// The meeting place is one atomic word: the meetings still to happen (bits 8 and up) and the
// creature waiting there, if any (bits 0-7: (id+1)*4 + colour, 0 = nobody). A creature that
// finds nobody puts itself there (compare-and-swap) and waits on its own channel of capacity
// 1; one that finds somebody takes it away, counts the meeting down, and sends its id and
// colour to the waiting one's channel. The Quartz and C versions do the same.
//
// Prints what does not depend on scheduling (the complements, each run's colours, the times
// each creature met itself, spelled, and the spelled total of meetings); how many meetings
// each creature had varies from run to run and goes to stderr.
// Usage: chameneos [n]   (default 600)
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
)

const (
	blue   = 0
	red    = 1
	yellow = 2
)

var colourNames = []string{"blue", "red", "yellow"}
var digitNames = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

func complement(a, b int) int {
	if a == b {
		return a
	}
	return 3 - a - b
}

func spell(n int) string {
	s := ""
	for _, d := range strconv.Itoa(n) {
		s += " " + digitNames[d-'0']
	}
	return s
}

type result struct{ meetings, same int }

func creature(id, colour int, place *int64, inboxes []chan int, done chan<- result) {
	meetings, same := 0, 0
	me := int64((id + 1) * 4)
	for {
		s := atomic.LoadInt64(place)
		if s>>8 == 0 {
			break
		}
		w := s & 255
		if w == 0 {
			if atomic.CompareAndSwapInt64(place, s, s|(me+int64(colour))) {
				p := <-inboxes[id]
				if p/4-1 == id {
					same++
				}
				colour = complement(colour, p%4)
				meetings++
			}
		} else if atomic.CompareAndSwapInt64(place, s, ((s>>8)-1)<<8) {
			other := int(w/4 - 1)
			inboxes[other] <- int(me) + colour
			if other == id {
				same++
			}
			colour = complement(colour, int(w%4))
			meetings++
		}
	}
	done <- result{meetings, same}
}

func run(out *bufio.Writer, colours []int, n int) {
	for _, c := range colours {
		fmt.Fprint(out, " "+colourNames[c])
	}
	fmt.Fprintln(out)
	place := int64(n) << 8
	inboxes := make([]chan int, len(colours))
	dones := make([]chan result, len(colours))
	for i := range colours {
		inboxes[i] = make(chan int, 1)
		dones[i] = make(chan result, 1)
	}
	for i, c := range colours {
		go creature(i, c, &place, inboxes, dones[i])
	}
	total := 0
	for i := range colours {
		r := <-dones[i]
		total += r.meetings
		fmt.Fprintln(out, spell(r.same))
		fmt.Fprintf(os.Stderr, "%d%s\n", r.meetings, spell(r.same))
	}
	fmt.Fprintln(out, spell(total))
	fmt.Fprintln(out)
}

func main() {
	n := 600
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, x := range []int{blue, red, yellow} {
		for _, y := range []int{blue, red, yellow} {
			fmt.Fprintf(out, "%s + %s -> %s\n", colourNames[x], colourNames[y], colourNames[complement(x, y)])
		}
	}
	fmt.Fprintln(out)
	run(out, []int{blue, red, yellow}, n)
	run(out, []int{blue, red, yellow, red, yellow, blue, red, yellow, red, blue}, n)
}
