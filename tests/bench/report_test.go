//go:build bench

package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// genRow is one generator figure.
type genRow struct {
	name   string
	took   time.Duration
	memory string // bytes allocated per run, or peak RSS
}

var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(-\d+)?\s+\d+\s+(\d+) ns/op\s+(?:[\d.]+ MB/s\s+)?(\d+) B/op`)

// generatorRows reads the generator's benchmarks (-bench.generator) and
// times generating one service with the CLI.
func generatorRows(t *testing.T) []genRow {
	var rows []genRow
	if *generator != "" {
		data, err := os.ReadFile(*generator)
		if err != nil {
			t.Fatalf("-bench.generator: %v", err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			m := benchLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			ns, _ := strconv.ParseInt(m[3], 10, 64)
			b, _ := strconv.ParseInt(m[4], 10, 64)
			rows = append(rows, genRow{name: m[1], took: time.Duration(ns), memory: mib(b) + " allocated"})
		}
	}
	return append(rows, generateOne(t, "dynamodb"))
}

// generateOne runs `kubesmith generate <service>`: load, infer, emit and
// compile-check one service. The output is byte-identical to what is
// committed, so the run changes no file.
func generateOne(t *testing.T, service string) genRow {
	root, err := harness.FindRepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "kubesmith")
	build := exec.Command("go", "build", "-o", bin, "./cmd/kubesmith")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building kubesmith: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "generate", service)
	cmd.Dir = root
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("kubesmith generate %s: %v\n%s", service, err, out)
	}
	row := genRow{name: "generate " + service + " (CLI, compile check included)", took: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		row.memory = mib(ru.Maxrss*1024) + " peak RSS"
	}
	return row
}

type machine struct{ cores, memory, load string }

func machineInfo() machine {
	m := machine{cores: strconv.Itoa(runtime.NumCPU()), load: loadAverage()}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "MemTotal:") {
				var kb int64
				fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "MemTotal:")), "%d kB", &kb)
				m.memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
	return m
}

// loadAverage is the 1, 5 and 15 minute load average.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

func per(x, n int) string {
	if x < 0 {
		return "unknown"
	}
	return strconv.FormatFloat(float64(x)/float64(n), 'f', 2, 64)
}

// report is every section of the results; a new measurement adds a
// section here, with a row type of its own and its part of render.
type report struct {
	machine   machine
	generator []genRow
	economy   []economyRow
	scale     []level
}

// economyRow is a no-op resync of a few objects of one kind.
type economyRow struct {
	sample
	n      int
	level  level
	failed bool
}

// accountReads are calls a controller makes once per start and worker
// (the account it runs as), not per object.
var accountReads = map[string]bool{"GetCallerIdentity": true}

// objectReads are the resync's reads of the kind's own API.
func objectReads(p phase) int {
	n := p.reads
	for op := range accountReads {
		n -= p.ops[op]
	}
	return n
}

// beyondMinimal lists the reads a resync made beyond the minimal set
// (+) and those of the set it did not make (-), per object.
func (r economyRow) beyondMinimal() string {
	extra := map[string]int{}
	for op, c := range r.level.resync.ops {
		if isRead(op) && !accountReads[op] {
			extra[op] = c
		}
	}
	for _, op := range r.minimal {
		extra[op] -= r.n
	}
	var parts []string
	for op, c := range extra {
		switch {
		case c > 0:
			parts = append(parts, fmt.Sprintf("+%s %s", per(c, r.n), op))
		case c < 0:
			parts = append(parts, fmt.Sprintf("-%s %s", per(-c, r.n), op))
		}
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// render is the results as Markdown.
func (rep report) render() string {
	var b strings.Builder
	m := rep.machine
	fmt.Fprintf(&b, "# make bench\n\n%s, %s cores, %s memory, load average %s at the start (1, 5, 15 min).\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), m.cores, m.memory, m.load)
	b.WriteString("Timings are wall-clock on a shared machine: compare them only with the load average.\n")
	if *ctrlFlags != "" {
		fmt.Fprintf(&b, "Controller flags besides the chart's defaults: `%s`.\n", *ctrlFlags)
	}
	b.WriteString("\n## Generator\n\n| step | time | memory |\n|---|---|---|\n")
	for _, r := range rep.generator {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.name, r.took.Round(time.Millisecond), r.memory)
	}
	rep.renderEconomy(&b)
	rep.renderScale(&b)
	b.WriteString("\nRerun: `make bench` (100, 300 and 1,000 objects of each scale kind), `make bench BENCH_LEVELS=100` for a quick look.\n")
	return b.String()
}

func (rep report) renderEconomy(b *strings.Builder) {
	if len(rep.economy) == 0 {
		return
	}
	b.WriteString("\n## Economy: a no-op resync of every committed kind, per object\n\n")
	b.WriteString("A few objects of each kind from `tests/bench/testdata`, Ready, then a controller restart, which reads every object once. AWS calls from moto's recorder, object writes from the API server's watch. ")
	b.WriteString("Reads leave out GetCallerIdentity, made once per controller start and worker, not per object. Minimal: what one unchanged object cannot be checked without.\n\n")
	b.WriteString("| kind | objects | AWS reads | minimal reads | reads beyond (+) or short of (-) minimal | AWS writes | object writes | object writes per create |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range rep.economy {
		if r.failed {
			fmt.Fprintf(b, "| %s | %d | not measured: the run failed (see the test log) | %d (%s) | | | | |\n", r.kind, r.n, len(r.minimal), strings.Join(r.minimal, ", "))
			continue
		}
		rs := r.level.resync
		fmt.Fprintf(b, "| %s | %d | %s | %d (%s) | %s | %s | %s | %s |\n", r.kind, r.n, per(objectReads(rs), r.n), len(r.minimal), strings.Join(r.minimal, ", "),
			r.beyondMinimal(), per(rs.calls-rs.reads, r.n), per(rs.objectWrites, r.n), per(r.level.create.objectWrites, r.n))
	}
	b.WriteString("\nWhy those reads are the minimum:\n\n")
	for _, r := range rep.economy {
		fmt.Fprintf(b, "- %s: %s.\n", r.kind, r.why)
	}
}

func (rep report) renderScale(b *strings.Builder) {
	if len(rep.scale) == 0 {
		return
	}
	b.WriteString("\n## Scale: the largest committed kinds with the chart's default values\n\n")
	b.WriteString("Resync is a controller restart, which reads every object once. Object writes leave out the user's create and delete and the finalizer removal. Delete ends when every object is gone, which is once AWS reports its resource gone.\n\n")
	b.WriteString("| kind | objects | phase | time | AWS calls / object | object writes / object | controller RSS (peak) | load average after |\n|---|---|---|---|---|---|---|---|\n")
	for _, lv := range rep.scale {
		rows := []struct {
			name string
			p    phase
			rss  string
		}{
			{"create to Ready", lv.create, fmt.Sprintf("%s (%s)", mib(lv.rssAfterCreate), mib(lv.peakAfterCreate))},
			{"resync", lv.resync, fmt.Sprintf("%s (%s)", mib(lv.rssAfterResync), mib(lv.peakAfterResync))},
			{"delete, objects gone", lv.delete, ""},
		}
		for _, r := range rows {
			fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s | %s | %s |\n", lv.kind, lv.n, r.name, r.p.took.Round(time.Millisecond), per(r.p.calls, lv.n), per(r.p.objectWrites, lv.n), r.rss, lv.loadAfter)
		}
	}
	rep.renderLinearity(b)
	b.WriteString("\nAWS operations per phase:\n\n")
	for _, lv := range rep.scale {
		for _, r := range []struct {
			name string
			p    phase
		}{{"create", lv.create}, {"resync", lv.resync}, {"delete", lv.delete}} {
			fmt.Fprintf(b, "- %d %s, %s: %s\n", lv.n, lv.kind, r.name, describeOps(r.p.ops))
		}
	}
}

// renderLinearity compares each kind's levels: the cost is linear when
// time, calls and writes per object stay flat from level to level (each
// ratio to the smallest level near 1) and RSS grows by a steady amount
// per object.
func (rep report) renderLinearity(b *strings.Builder) {
	byKind := map[string][]level{}
	var kinds []string
	for _, lv := range rep.scale {
		if _, ok := byKind[lv.kind]; !ok {
			kinds = append(kinds, lv.kind)
		}
		byKind[lv.kind] = append(byKind[lv.kind], lv)
	}
	b.WriteString("\n### Linearity\n\nPer object over create, resync and delete; RSS after the resync. The ratio is each level's cost per object over the smallest level's: linear is near 1.00 (time is wall-clock on a shared machine, so it moves with the load).\n\n")
	b.WriteString("| kind | objects | time / object | AWS calls / object | object writes / object | RSS | RSS growth per 100 objects | ratio to the smallest level (time, calls, writes) |\n|---|---|---|---|---|---|---|---|\n")
	for _, kind := range kinds {
		for _, r := range linearity(byKind[kind]) {
			fmt.Fprintf(b, "| %s | %d | %s | %.2f | %.2f | %s | %s | %s |\n", kind, r.n, r.time.Round(time.Microsecond), r.calls, r.writes, mib(r.rss), r.growth, r.ratio)
		}
	}
}

// linearityRow is one level's cost per object, and how it compares with
// the smallest level of its kind.
type linearityRow struct {
	n             int
	time          time.Duration
	calls, writes float64
	rss           int64
	growth, ratio string
}

// linearity computes the rows of one kind's levels, smallest first.
func linearity(lvs []level) []linearityRow {
	lvs = slices.SortedFunc(slices.Values(lvs), func(a, b level) int { return a.n - b.n })
	rows := make([]linearityRow, len(lvs))
	for i, lv := range lvs {
		n := lv.n
		r := linearityRow{
			n:      n,
			time:   (lv.create.took + lv.resync.took + lv.delete.took) / time.Duration(n),
			calls:  float64(lv.create.calls+lv.resync.calls+lv.delete.calls) / float64(n),
			writes: float64(lv.create.objectWrites+lv.resync.objectWrites+lv.delete.objectWrites) / float64(n),
			rss:    lv.rssAfterResync,
			growth: "",
			ratio:  "1.00, 1.00, 1.00",
		}
		if min(lv.create.objectWrites, lv.resync.objectWrites, lv.delete.objectWrites) < 0 {
			r.writes = -1 // the watch lost some: unknown
		}
		if i > 0 {
			prev, first := lvs[i-1], rows[0]
			r.growth = mib((lv.rssAfterResync - prev.rssAfterResync) * 100 / int64(n-prev.n))
			r.ratio = fmt.Sprintf("%s, %s, %s", ratio(float64(r.time), float64(first.time)), ratio(r.calls, first.calls), ratio(r.writes, first.writes))
		}
		rows[i] = r
	}
	return rows
}

// ratio is x/base, or "unknown" when either is not measured.
func ratio(x, base float64) string {
	if x < 0 || base <= 0 {
		return "unknown"
	}
	return strconv.FormatFloat(x/base, 'f', 2, 64)
}

func describeOps(ops map[string]int) string {
	names := make([]string, 0, len(ops))
	for op := range ops {
		names = append(names, op)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, op := range names {
		parts = append(parts, fmt.Sprintf("%s %d", op, ops[op]))
	}
	return strings.Join(parts, ", ")
}
