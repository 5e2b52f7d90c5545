//go:build bench

package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The batched kind, EC2 SecurityGroup, is a scale kind of TestBench: its
// rows there (create, a restart's resync, delete, at every level, chart
// defaults, whose batchRead reads a resync in batches) are also rendered
// here as results/batched.md, with how the resync read. It used to be a
// test of its own that created the groups again at every level and kept
// them, so moto held 1,400 more groups (and scanned all of them on every
// DescribeSecurityGroups) while TestBench created its own.
const (
	batchedKind = "SecurityGroup"
	batchedRead = "DescribeSecurityGroups"
)

// renderBatched is the batched kind's table, "" when it was not measured.
func renderBatched(levels []level) string {
	var rows []level
	for _, lv := range levels {
		if lv.kind == batchedKind {
			rows = append(rows, lv)
		}
	}
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## Scale: EC2 SecurityGroups, resync read in batches (batchRead size 200)\n\n")
	fmt.Fprintf(&b, "Measured by TestBench's %s rows. Load average after: %s. Reading alone costs 1 %s per group and resync.\n\n", batchedKind, loadAverage(), batchedRead)
	b.WriteString("| groups | create (all Ready) | resync after a restart | " + batchedRead + " per group | of reading alone | all calls | AWS writes | object writes | RSS after resync (peak) |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		describes := r.resync.ops[batchedRead]
		fmt.Fprintf(&b, "| %d | %s | %s | %s (%d calls, %d of them batches) | 1/%.0f | %s | %d | %d | %s (%s) |\n",
			r.n, r.create.took.Round(100*time.Millisecond), r.resync.took.Round(100*time.Millisecond),
			per(describes, r.n), describes, r.resync.batches, float64(r.n)/float64(max(describes, 1)), describeOps(r.resync.ops),
			r.resync.calls-r.resync.reads, r.resync.objectWrites, mib(r.rssAfterResync), mib(r.peakAfterResync))
	}
	return b.String()
}

// saveBatched writes results/batched.md beside the report.
func saveBatched(levels []level) error {
	text := renderBatched(levels)
	if text == "" {
		return nil
	}
	return os.WriteFile(filepath.Join(filepath.Dir(*out), "batched.md"), []byte(text), 0o644)
}
