// n-body (the Benchmarks Game program, the plain form): the Jovian planets and the
// Sun orbiting for n steps of 0.01 (a simple symplectic integrator); prints the
// system's energy before and after, to 9 places.
// Usage: nbody [steps]   (default 1000, which prints -0.169075164 and -0.169087605)
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
)

type body struct {
	x, y, z, vx, vy, vz, mass float64
}

func advance(b []*body, dt float64) {
	for i := 0; i < len(b); i++ {
		bi := b[i]
		for j := i + 1; j < len(b); j++ {
			bj := b[j]
			dx := bi.x - bj.x
			dy := bi.y - bj.y
			dz := bi.z - bj.z
			d2 := dx*dx + dy*dy + dz*dz
			distance := math.Sqrt(d2)
			mag := dt / (d2 * distance)
			mi := bi.mass * mag
			mj := bj.mass * mag
			bi.vx = bi.vx - dx*mj
			bi.vy = bi.vy - dy*mj
			bi.vz = bi.vz - dz*mj
			bj.vx = bj.vx + dx*mi
			bj.vy = bj.vy + dy*mi
			bj.vz = bj.vz + dz*mi
		}
	}
	for _, p := range b {
		p.x = p.x + dt*p.vx
		p.y = p.y + dt*p.vy
		p.z = p.z + dt*p.vz
	}
}

func energy(b []*body) float64 {
	e := 0.0
	for i := 0; i < len(b); i++ {
		e = e + 0.5*b[i].mass*(b[i].vx*b[i].vx+b[i].vy*b[i].vy+b[i].vz*b[i].vz)
		for j := i + 1; j < len(b); j++ {
			dx := b[i].x - b[j].x
			dy := b[i].y - b[j].y
			dz := b[i].z - b[j].z
			e = e - b[i].mass*b[j].mass/math.Sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

// The Sun's velocity cancels the planets' momentum.
func offsetMomentum(b []*body, solarMass float64) {
	px, py, pz := 0.0, 0.0, 0.0
	for _, p := range b {
		px = px + p.vx*p.mass
		py = py + p.vy*p.mass
		pz = pz + p.vz*p.mass
	}
	b[0].vx = -px / solarMass
	b[0].vy = -py / solarMass
	b[0].vz = -pz / solarMass
}

func main() {
	n := 1000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	// Computed at run time: Go folds constant expressions exactly, in more than
	// double precision, and the result could differ from C's and Quartz's.
	pi, dpy := math.Pi, 365.24
	sm := 4.0 * pi * pi
	bodies := []*body{
		{0, 0, 0, 0, 0, 0, sm}, // Sun
		{4.84143144246472090, -1.16032004402742839, -0.103622044471123109, // Jupiter
			1.66007664274403694e-3 * dpy, 7.69901118419740425e-3 * dpy,
			-6.90460016972063023e-5 * dpy, 9.54791938424326609e-4 * sm},
		{8.34336671824457987, 4.12479856412430479, -0.403523417114321381, // Saturn
			-2.76742510726862411e-3 * dpy, 4.99852801234917238e-3 * dpy,
			2.30417297573763929e-5 * dpy, 2.85885980666130812e-4 * sm},
		{12.8943695621391310, -15.1111514016986312, -0.223307578892655734, // Uranus
			2.96460137564761618e-3 * dpy, 2.37847173959480950e-3 * dpy,
			-2.96589568540237556e-5 * dpy, 4.36624404335156298e-5 * sm},
		{15.3796971148509165, -25.9193146099879641, 0.179258772950371181, // Neptune
			2.68067772490389322e-3 * dpy, 1.62824170038242295e-3 * dpy,
			-9.51592254519715870e-5 * dpy, 5.15138902046611451e-5 * sm},
	}
	offsetMomentum(bodies, sm)
	fmt.Printf("%.9f\n", energy(bodies))
	for i := 0; i < n; i++ {
		advance(bodies, 0.01)
	}
	fmt.Printf("%.9f\n", energy(bodies))
}
