package harness

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// MotoVersion is the moto release hack/tools.sh installs; facts in the shared moto
// notes (gaps, quirks) were checked against it.
const MotoVersion = "5.2.1"

// Test credentials: moto accepts any, but requests must be SigV4-signed.
const (
	TestAccessKeyID     = "testing"
	TestSecretAccessKey = "testing"
)

// motoServerEnv overrides the moto_server path, for machines without `make tools`.
const motoServerEnv = "KUBESMITH_MOTO_SERVER"

// Moto is a moto_server process. Its reset is global (every service, account and
// region), so use one per test package and unique names per test.
type Moto struct {
	endpoint string
	dir      string // temp dir holding the log
	child    *child
	http     *http.Client
}

// StartMoto starts moto for one test and stops it on cleanup. For a whole package,
// prefer RunWithMoto in TestMain. extraEnv is added to moto's environment (e.g.
// "MOTO_IAM_LOAD_MANAGED_POLICIES=true").
func StartMoto(t testing.TB, extraEnv ...string) *Moto {
	t.Helper()
	start := time.Now()
	m, err := NewMoto(extraEnv...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("moto ready at %s in %s", m.Endpoint(), time.Since(start).Round(time.Millisecond))
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last lines of moto log:\n%s", m.LogTail(logTailLines))
		}
		_ = m.Stop()
	})
	return m
}

// RunWithMoto is a TestMain body: it starts moto, hands it to set, runs the tests,
// prints moto's log tail if they failed, and stops moto. Use it as
//
//	func TestMain(m *testing.M) { os.Exit(harness.RunWithMoto(m, func(mo *harness.Moto) { moto = mo })) }
func RunWithMoto(m *testing.M, set func(*Moto)) int {
	mo, err := NewMoto()
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		return 1
	}
	defer mo.Stop()
	set(mo)
	code := m.Run()
	if code != 0 {
		fmt.Fprintf(os.Stderr, "last lines of moto log:\n%s\n", mo.LogTail(logTailLines))
	}
	return code
}

// NewMoto starts moto_server on a free 127.0.0.1 port and waits until it answers.
// The caller must call Stop.
func NewMoto(extraEnv ...string) (*Moto, error) {
	server, err := motoServerPath()
	if err != nil {
		return nil, err
	}
	versionErr := make(chan error, 1)
	go func() { versionErr <- checkMotoVersion(server) }()

	dir, err := os.MkdirTemp("", "kubesmith-moto-")
	if err != nil {
		return nil, err
	}
	// The free port is found by closing a listener, so another process can take it
	// before moto binds; moto then exits at once and a new port is tried.
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		m, err := startMotoOnce(server, dir, extraEnv)
		if err == nil {
			if err := <-versionErr; err != nil {
				_ = m.Stop()
				return nil, err
			}
			return m, nil
		}
		lastErr = err
	}
	_ = os.RemoveAll(dir)
	return nil, lastErr
}

func motoServerPath() (string, error) {
	if p := os.Getenv(motoServerEnv); p != "" {
		return p, nil
	}
	root, err := FindRepoRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, ".cache", "moto", "bin", "moto_server")
	return p, missingTool(p)
}

// checkMotoVersion asks the Python beside moto_server (the virtualenv's), because
// moto_server has no --version flag and its HTTP answers do not carry one.
func checkMotoVersion(server string) error {
	python := filepath.Join(filepath.Dir(server), "python")
	if _, err := os.Stat(python); err != nil {
		python = "python3"
	}
	out, err := exec.Command(python, "-c", "import moto; print(moto.__version__)").Output()
	if err != nil {
		return fmt.Errorf("cannot read moto's version with %s: %v", python, err)
	}
	if v := strings.TrimSpace(string(out)); v != MotoVersion {
		return fmt.Errorf("moto %s found beside %s, want %s: run `make tools`", v, server, MotoVersion)
	}
	return nil
}

func startMotoOnce(server, dir string, extraEnv []string) (*Moto, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	// Any non-empty MOTO_ENABLE_RECORDING turns recording on from the first request.
	env := mergeEnv(os.Environ(), append([]string{"MOTO_ENABLE_RECORDING"}, extraEnv...))
	logPath := filepath.Join(dir, fmt.Sprintf("moto-%d.log", port))
	c, err := startChild(server, []string{"-H", "127.0.0.1", "-p", strconv.Itoa(port)}, env, logPath)
	if err != nil {
		return nil, err
	}
	m := &Moto{
		endpoint: "http://127.0.0.1:" + strconv.Itoa(port),
		dir:      dir,
		child:    c,
		http:     &http.Client{Timeout: 30 * time.Second},
	}
	err = poll(60*time.Second, 50*time.Millisecond, func() error {
		if exited, werr := c.exited(); exited {
			return fmt.Errorf("moto_server exited (%v):\n%s", errText(werr), tail(logPath, 30))
		}
		return m.reset()
	})
	if err != nil {
		_ = c.stop(0)
		return nil, fmt.Errorf("moto did not come up: %w", err)
	}
	return m, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Stop kills moto's process group and removes its log.
func (m *Moto) Stop() error {
	err := m.child.stop(5 * time.Second)
	_ = os.RemoveAll(m.dir)
	return err
}

// Freeze suspends moto (SIGSTOP) and Thaw resumes it (SIGCONT). While
// frozen, the kernel still accepts connections on moto's port and nothing
// answers: an AWS endpoint that hangs, which a stopped proxy (connection
// refused) does not show. Cleanup thaws a moto left frozen.
func (m *Moto) Freeze(t testing.TB) {
	t.Helper()
	if err := m.child.signal(syscall.SIGSTOP); err != nil {
		t.Fatalf("freezing moto: %v", err)
	}
	t.Cleanup(func() { _ = m.child.signal(syscall.SIGCONT) })
}

// Thaw resumes a frozen moto.
func (m *Moto) Thaw(t testing.TB) {
	t.Helper()
	if err := m.child.signal(syscall.SIGCONT); err != nil {
		t.Fatalf("thawing moto: %v", err)
	}
}

// Endpoint is moto's base URL, http://127.0.0.1:PORT.
func (m *Moto) Endpoint() string { return m.endpoint }

// LogTail returns the last n lines of moto's output (one access-log line per request).
func (m *Moto) LogTail(n int) string { return tail(m.child.logPath, n) }

// Reset wipes all moto state: every service, account and region.
func (m *Moto) Reset(t testing.TB) {
	t.Helper()
	if err := m.reset(); err != nil {
		t.Fatal(err)
	}
}

func (m *Moto) reset() error {
	body, err := m.call(http.MethodPost, "/moto-api/reset")
	if err != nil {
		return err
	}
	var status struct {
		Status string `json:"status"`
	}
	if err := json.Unmarshal(body, &status); err != nil || status.Status != "ok" {
		return fmt.Errorf("moto reset answered %q", body)
	}
	return nil
}

func (m *Moto) call(method, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(context.Background(), method, m.endpoint+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := m.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, bytes.TrimSpace(body))
	}
	return body, nil
}

// AWSConfig is an SDK config for moto: static test credentials, the region, moto as
// BaseEndpoint, few and quick retries. It reads nothing from the environment or
// ~/.aws, so tests do not depend on the machine.
func (m *Moto) AWSConfig(region string) aws.Config {
	return AWSConfig(m.endpoint, region)
}

// AWSConfig is Moto.AWSConfig for another endpoint, such as a Proxy's URL.
func AWSConfig(endpoint, region string) aws.Config {
	return aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider(TestAccessKeyID, TestSecretAccessKey, ""),
		BaseEndpoint: aws.String(endpoint),
		// The SDK's own buildable client: a custom http.Client wrapper breaks as soon
		// as anything installs AWS_CA_BUNDLE (see the shared moto notes).
		HTTPClient: awshttp.NewBuildableClient(),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = 2
				o.MaxBackoff = 200 * time.Millisecond
				// The default token bucket runs dry during outage tests and then
				// fails calls with "retry quota exceeded" long after the outage.
				o.RateLimiter = ratelimit.None
			})
		},
	}
}

// AWSEnv is the environment that points an SDK-based process (the controller) at
// endpoint with the test credentials. It removes variables that could send it to a
// real account. Pass it to StartProcess.
func AWSEnv(endpoint, region string) []string {
	return []string{
		"AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_ACCESS_KEY_ID=" + TestAccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + TestSecretAccessKey,
		"AWS_REGION=" + region,
		"AWS_ENDPOINT_URL=" + endpoint,
		// No instance metadata here; looking for it only adds timeouts.
		"AWS_EC2_METADATA_DISABLED=true",
	}
}
