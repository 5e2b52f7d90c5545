// Command report condenses `go test -json` for people reading CI logs: a
// line per package, the whole output of every failed or skipped test, and
// the figures passing tests log. A figure is a log line of the form
// "label: <number>…", such as "sweep: 402 services, …". It ends with the
// messages of each failed test again (a failure's own lines sit above
// thousands of controller log lines, and CI shows the tail), then the
// plain "N passed, N failed, N skipped" line, and exits non-zero when any
// test or package failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

// figure matches "file_test.go:12: label: 3…" as go test prints t.Log lines.
var figure = regexp.MustCompile(`^\s+\S+\.go:\d+: ([a-z][A-Za-z0-9 -]*: [0-9].*)$`)

// message matches the first line of a t.Log or t.Error call.
var message = regexp.MustCompile(`^\s+\S+\.go:\d+: `)

// A failed test's summary keeps this many messages of this many bytes.
const (
	summaryLines = 12
	summaryWidth = 400
)

func main() {
	failed, err := report(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

func report(in io.Reader, out io.Writer) (failed bool, err error) {
	outputs := map[string][]string{} // by package and test
	var passed, failures, skipped int
	var summary []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if json.Unmarshal(line, &e) != nil {
			// Build errors and other non-JSON lines are printed as they are.
			fmt.Fprintln(out, string(line))
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "build-output":
			fmt.Fprint(out, e.Output)
		case "output":
			outputs[key] = append(outputs[key], e.Output)
		case "pass", "fail", "skip":
			lines := outputs[key]
			delete(outputs, key)
			if e.Test == "" {
				word := map[string]string{"pass": "ok  ", "fail": "FAIL", "skip": "?   "}[e.Action]
				if e.Action == "fail" {
					failed = true
					printAll(out, lines, func(l string) bool { return !strings.HasPrefix(l, "=== ") })
				}
				fmt.Fprintf(out, "%s\t%s\t%.1fs\n", word, e.Package, e.Elapsed)
				continue
			}
			switch e.Action {
			case "pass":
				passed++
				printAll(out, lines, func(l string) bool { return figure.MatchString(strings.TrimRight(l, "\n")) })
			case "fail":
				failures++
				failed = true
				printAll(out, lines, func(string) bool { return true })
				summary = append(summary, summarize(e.Package, e.Test, lines)...)
			case "skip":
				skipped++
				printAll(out, lines, func(l string) bool { return !strings.HasPrefix(l, "=== ") })
			}
		}
	}
	if err := sc.Err(); err != nil {
		return true, err
	}
	for _, l := range summary {
		fmt.Fprintln(out, l)
	}
	fmt.Fprintf(out, "%d passed, %d failed, %d skipped\n", passed, failures, skipped)
	return failed, nil
}

// summarize is a failed test's heading and its last messages, without the
// figures, each cut to one screen line's worth.
func summarize(pkg, test string, lines []string) []string {
	var msgs []string
	for _, l := range lines {
		l = strings.TrimRight(l, "\n")
		if message.MatchString(l) && !figure.MatchString(l) {
			if len(l) > summaryWidth {
				l = l[:summaryWidth] + "…"
			}
			msgs = append(msgs, l)
		}
	}
	if len(msgs) > summaryLines {
		msgs = msgs[len(msgs)-summaryLines:]
	}
	return append([]string{"--- FAILED " + test + " (" + pkg + "):"}, msgs...)
}

func printAll(out io.Writer, lines []string, keep func(string) bool) {
	for _, l := range lines {
		if keep(l) {
			fmt.Fprint(out, l)
		}
	}
}
