// CSV: builds N lines "id,name,qty,price" by string concatenation (strconv.Itoa, Go's
// equivalent of interpolation), parses each one (strings.Split, strconv.Atoi) into a Row
// struct and keeps only running totals.
// Usage: csv [lines]   (default 2000000)
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Row struct {
	id    int
	name  string
	qty   int
	price int
}

func atoi(s string) int {
	v, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return v
}

func parse(line string) Row {
	f := strings.Split(line, ",")
	return Row{id: atoi(f[0]), name: f[1], qty: atoi(f[2]), price: atoi(f[3])}
}

func main() {
	n := 2000000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	rows, ids, qty, value, nameBytes := 0, 0, 0, 0, 0
	for i := 0; i < n; i++ {
		line := strconv.Itoa(i) + ",item" + strconv.Itoa(i%1000) + "," + strconv.Itoa(i%17+1) + "," +
			strconv.Itoa((i*7919)%10000)
		r := parse(line)
		rows++
		ids += r.id
		qty += r.qty
		value += r.qty * r.price
		nameBytes += len(r.name)
	}
	fmt.Printf("rows=%d ids=%d qty=%d value=%d name_bytes=%d\n", rows, ids, qty, value, nameBytes)
}
