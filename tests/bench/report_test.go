//go:build bench

package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
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

// render is the results as Markdown.
func render(m machine, gen []genRow, levels []level) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# make bench\n\n%s, %s cores, %s memory, load average %s at the start (1, 5, 15 min).\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), m.cores, m.memory, m.load)
	b.WriteString("Timings are wall-clock on a shared machine: compare them only with the load average.\n")
	if *ctrlFlags != "" {
		fmt.Fprintf(&b, "Controller flags besides the chart's defaults: `%s`.\n", *ctrlFlags)
	}
	b.WriteString("\n")
	b.WriteString("## Generator\n\n| step | time | memory |\n|---|---|---|\n")
	for _, r := range gen {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.name, r.took.Round(time.Millisecond), r.memory)
	}
	b.WriteString("\n## Economy: a no-op resync, per object (moto's recorder, the API server's watch)\n\n")
	b.WriteString("| kind | AWS reads | minimal reads | AWS writes | object writes |\n|---|---|---|---|---|\n")
	for _, lv := range levels {
		fmt.Fprintf(&b, "| Table (%d objects) | %s | %d (DescribeTable, ListTagsOfResource) | %s | %s |\n",
			lv.n, per(lv.resync.reads, lv.n), lv.minimalReadsEach, per(lv.resyncAWSWrites, lv.n), per(lv.resync.objectWrites, lv.n))
	}
	b.WriteString("\n## Scale: DynamoDB Tables with the chart's default values\n\n")
	b.WriteString("Resync is a controller restart, which reads every object once. Object writes leave out the user's create and delete and the finalizer removal.\n\n")
	b.WriteString("| Tables | phase | time | AWS calls / object | object writes / object | controller RSS (peak) | load average after |\n|---|---|---|---|---|---|---|\n")
	for _, lv := range levels {
		rows := []struct {
			name string
			p    phase
			rss  string
		}{
			{"create to Ready", lv.create, fmt.Sprintf("%s (%s)", mib(lv.rssAfterCreate), mib(lv.peakAfterCreate))},
			{"resync", lv.resync, fmt.Sprintf("%s (%s)", mib(lv.rssAfterResync), mib(lv.peakAfterResync))},
			{"delete, objects and tables gone", lv.delete, ""},
		}
		for _, r := range rows {
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s |\n", lv.n, r.name, r.p.took.Round(time.Millisecond), per(r.p.calls, lv.n), per(r.p.objectWrites, lv.n), r.rss, lv.loadAfter)
		}
	}
	b.WriteString("\nAWS operations per phase:\n\n")
	for _, lv := range levels {
		for _, r := range []struct {
			name string
			p    phase
		}{{"create", lv.create}, {"resync", lv.resync}, {"delete", lv.delete}} {
			fmt.Fprintf(&b, "- %d Tables, %s: %s\n", lv.n, r.name, describeOps(r.p.ops))
		}
	}
	b.WriteString("\nRerun: `make bench` (100 Tables), `make bench BENCH_LEVELS=100,1000`.\n")
	return b.String()
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
