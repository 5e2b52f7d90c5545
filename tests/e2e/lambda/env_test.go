package lambda

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controllers' --aws-region.
const region = "us-east-1"

// env is one test's running Lambda controller and the peers beside it.
type env struct {
	*harness.Env
	iam, sqs *harness.Env
}

// start runs the Lambda, IAM and SQS controllers for this test, resyncing
// every object of the Lambda kinds named each second.
func start(t *testing.T, namespaces []string, resync ...string) env {
	t.Helper()
	o := harness.ControllerOptions{Namespaces: namespaces, Region: region}
	peer := o
	for _, kind := range resync {
		o.Flags = append(o.Flags, "--reconcile-resource-resync-seconds", kind+"=1")
	}
	e := env{Env: suite.StartController(t, o)}
	e.iam = e.StartPeer("iam", peer)
	e.sqs = e.StartPeer("sqs", peer)
	return e
}

func lambdaClient() *lambda.Client { return lambda.NewFromConfig(suite.Moto.AWSConfig(region)) }

func s3Client() *s3.Client {
	return s3.NewFromConfig(suite.Moto.AWSConfig(region), func(o *s3.Options) { o.UsePathStyle = true })
}

// zipOf is a zip archive holding index.py with body.
func zipOf(t *testing.T, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create("index.py")
	if err == nil {
		_, err = f.Write([]byte(body))
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// codeSHA256 is Lambda's CodeSha256 of data: the base64 of its SHA-256.
func codeSHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// upload makes bucket (when missing) and puts data at key through the SDK.
func upload(t *testing.T, bucket, key string, data []byte) {
	t.Helper()
	ctx := context.Background()
	if _, err := s3Client().CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		var apiErr smithy.APIError
		if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "BucketAlreadyOwnedByYou" {
			t.Fatalf("CreateBucket %s: %v", bucket, err)
		}
	}
	if _, err := s3Client().PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(data)}); err != nil {
		t.Fatalf("PutObject %s/%s: %v", bucket, key, err)
	}
}

// getFunction reads a function through the SDK; nil when Lambda has none
// of that name.
func getFunction(t *testing.T, name string) *lambda.GetFunctionOutput {
	t.Helper()
	out, err := lambdaClient().GetFunction(context.Background(), &lambda.GetFunctionInput{FunctionName: aws.String(name)})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ResourceNotFoundException" {
		return nil
	}
	if err != nil {
		t.Fatalf("GetFunction %s: %v", name, err)
	}
	return out
}

// applyManifest writes manifest to a file and applies it in one kubectl
// apply into the test's namespace ns, as a user would.
func (e env) applyManifest(ns, manifest string) {
	e.T.Helper()
	file := filepath.Join(e.T.TempDir(), "manifest.yaml")
	if err := os.WriteFile(file, []byte(manifest), 0o600); err != nil {
		e.T.Fatal(err)
	}
	e.Kubectl("apply", "--validate=strict", "-n", e.NS(ns), "-f", file)
}

// opsOn counts the recorded Lambda calls whose path names the function
// name (or an ARN holding it), by operation, since the suite started.
func opsOn(t *testing.T, name string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		if strings.Contains(c.URL.Path, "/functions/"+name+"/") || strings.HasSuffix(c.URL.Path, "/functions/"+name) ||
			strings.Contains(c.URL.Path, ":function:"+name) {
			counts[c.Operation()]++
		}
	}
	return counts
}

func isRead(op string) bool { return strings.HasPrefix(op, "GET ") }

// metaIn names an object of the test in namespace ns.
func metaIn(ns, name string) metav1.ObjectMeta { return metav1.ObjectMeta{Name: name, Namespace: ns} }
