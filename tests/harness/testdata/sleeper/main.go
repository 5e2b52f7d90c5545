// Command sleeper stands in for a controller in the harness's own tests: it prints
// its arguments and one environment variable, then waits for SIGTERM.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	fmt.Println("args:", os.Args[1:])
	fmt.Printf("HARNESS_SET=%q HARNESS_DROP=%q\n", os.Getenv("HARNESS_SET"), os.Getenv("HARNESS_DROP"))
	fmt.Fprintln(os.Stderr, "ready")
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	fmt.Println("got SIGTERM")
}
