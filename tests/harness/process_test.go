package harness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProcess(t *testing.T) {
	t.Setenv("HARNESS_DROP", "inherited")
	bin := BuildBinary(t, "./tests/harness/testdata/sleeper")
	p := StartProcess(t, "sleeper", bin, []string{"--flag=1"}, []string{"HARNESS_SET=yes", "HARNESS_DROP"})
	Eventually(t, 10*time.Second, 20*time.Millisecond, func() error {
		if !strings.Contains(p.Log(), "ready") {
			return fmt.Errorf("log so far: %q", p.Log())
		}
		return nil
	})
	if exited, err := p.Exited(); exited {
		t.Fatalf("exited early: %v", err)
	}
	if err := p.Stop(); err != nil {
		t.Fatalf("Stop: %v, want a clean exit on SIGTERM", err)
	}
	log := p.Log()
	for _, want := range []string{"args: [--flag=1]", `HARNESS_SET="yes" HARNESS_DROP=""`, "got SIGTERM"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if err := p.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
}

func TestProcessKill(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip(err)
	}
	p := StartProcess(t, "sleep", sleep, []string{"600"}, nil)
	start := time.Now()
	err = p.Kill()
	if err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("Kill: %v, want signal: killed", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Kill took %s", d)
	}
}

func TestEventuallyReportsLastError(t *testing.T) {
	n := 0
	err := poll(100*time.Millisecond, 10*time.Millisecond, func() error {
		n++
		return fmt.Errorf("attempt %d", n)
	})
	if err == nil || !strings.Contains(err.Error(), fmt.Errorf("attempt %d", n).Error()) {
		t.Fatalf("poll error %v, want the last attempt's", err)
	}
	calls := 0
	Eventually(t, time.Second, time.Millisecond, func() error {
		if calls++; calls < 3 {
			return fmt.Errorf("not yet")
		}
		return nil
	})
}

func TestRepoRoot(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(RepoRoot(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if got := moduleOf(data); got != modulePath {
		t.Fatalf("go.mod at the root is module %q", got)
	}
}
