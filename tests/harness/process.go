package harness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// stopGrace is how long a child gets between SIGTERM and SIGKILL. A controller's
// manager may wait for its runnables; more than this is a bug worth seeing.
const stopGrace = 15 * time.Second

// logTailLines is how much of a child's log a failed test prints.
const logTailLines = 200

// Process is a binary (the generated controller) running beside the test.
type Process struct {
	t     testing.TB
	name  string
	child *child
}

// StartProcess runs path with args. env is added to the test's environment; an
// entry without "=" removes that variable (e.g. "AWS_CA_BUNDLE"). Output goes to a
// log file; when the test has failed, cleanup prints the log's last lines. Cleanup
// stops the process with SIGTERM, then SIGKILL.
func StartProcess(t testing.TB, name, path string, args, env []string) *Process {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), name+".log")
	c, err := startChild(path, args, mergeEnv(os.Environ(), env), logPath)
	if err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	p := &Process{t: t, name: name, child: c}
	t.Cleanup(func() {
		exited, err := c.exited()
		switch {
		case !exited:
			if err := c.stop(stopGrace); err != nil {
				t.Logf("%s stopped: %v", name, err)
			}
		case !c.stopped.Load():
			// Worth knowing when a test fails: the controller may have crashed.
			t.Logf("%s exited by itself: %v", name, errText(err))
		}
		if t.Failed() {
			t.Logf("last lines of %s log:\n%s", name, tail(logPath, logTailLines))
		}
	})
	return p
}

// Stop sends SIGTERM to the process group, then SIGKILL after a grace period, and
// returns how the process ended (nil for exit code 0). Calling it again is harmless.
func (p *Process) Stop() error { return p.child.stop(stopGrace) }

// Kill ends the process group with SIGKILL at once, like a crash or an OOM kill.
func (p *Process) Kill() error { return p.child.stop(0) }

// Exited reports whether the process has ended, and how.
func (p *Process) Exited() (bool, error) { return p.child.exited() }

// Log returns everything the process wrote to stdout and stderr so far.
func (p *Process) Log() string {
	data, err := os.ReadFile(p.child.logPath)
	if err != nil {
		p.t.Fatalf("read %s log: %v", p.name, err)
	}
	return string(data)
}

// LogPath is the file holding the process's output.
func (p *Process) LogPath() string { return p.child.logPath }

// child is a started command in its own process group, with output in a file.
type child struct {
	cmd     *exec.Cmd
	logPath string
	done    chan struct{} // closed once Wait returned; err is set before
	err     error
	stopped atomic.Bool // stop was called, so an exit is expected
}

func startChild(bin string, args, env []string, logPath string) (*child, error) {
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer logFile.Close() // the child holds its own copy of the descriptor
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	// Run beside the log: moto's recorder writes a moto_recording file into
	// its working directory, which must not be the source tree.
	cmd.Dir = filepath.Dir(logPath)
	// One *os.File for both streams: exec hands the fd over directly, so lines
	// interleave in the order written and no copying goroutine can lose a tail.
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{
		// Own group: stopping also reaches children (a venv shim, a wrapper script).
		Setpgid: true,
		// If the test binary dies (go test -timeout), do not leave servers behind.
		Pdeathsig: syscall.SIGKILL,
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, logPath: logPath, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

func (c *child) exited() (bool, error) {
	select {
	case <-c.done:
		return true, c.err
	default:
		return false, nil
	}
}

// signal sends sig to the whole group while it runs.
func (c *child) signal(sig syscall.Signal) error {
	if exited, _ := c.exited(); exited {
		return fmt.Errorf("the process has exited")
	}
	return syscall.Kill(-c.cmd.Process.Pid, sig)
}

// stop signals the whole group: SIGTERM, then SIGKILL after grace (at once when
// grace is 0). It returns the process's exit error.
func (c *child) stop(grace time.Duration) error {
	c.stopped.Store(true)
	if exited, err := c.exited(); exited {
		return err // never signal a group id that may since have been reused
	}
	pgid := c.cmd.Process.Pid
	if grace > 0 {
		_ = syscall.Kill(-pgid, syscall.SIGTERM)
		select {
		case <-c.done:
		case <-time.After(grace):
		}
	}
	// Also after a clean exit of the leader, so no grandchild lingers.
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	<-c.done
	return c.err
}

// mergeEnv applies changes to base: "K=V" sets K, a bare "K" removes it.
func mergeEnv(base, changes []string) []string {
	drop := map[string]bool{}
	for _, kv := range changes {
		k, _, _ := strings.Cut(kv, "=")
		drop[k] = true
	}
	var out []string
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			out = append(out, kv)
		}
	}
	for _, kv := range changes {
		if strings.Contains(kv, "=") {
			out = append(out, kv)
		}
	}
	return out
}

func errText(err error) string {
	if err == nil {
		return "exit code 0"
	}
	return fmt.Sprint(err)
}

// RSS returns the resident memory of the process now and its peak, in
// bytes, from /proc (Linux).
func (p *Process) RSS() (now, peak int64, err error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.child.cmd.Process.Pid))
	if err != nil {
		return 0, 0, fmt.Errorf("reading the memory of %s: %w", p.name, err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, _ := strings.Cut(line, ":")
		var kb int64
		if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb); err != nil {
			continue
		}
		switch k {
		case "VmRSS":
			now = kb * 1024
		case "VmHWM":
			peak = kb * 1024
		}
	}
	return now, peak, nil
}
