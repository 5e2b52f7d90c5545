package lambda

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	sqsv1alpha1 "github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// opsOnPath counts the recorded calls whose path holds part, by operation.
func opsOnPath(t *testing.T, part string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		if strings.Contains(c.URL.Path, part) {
			counts[c.Operation()]++
		}
	}
	return counts
}

// TestEventSourceMapping maps an SQS Queue, made by the SQS controller and
// named by eventSourceRef, to a Function: Lambda has the mapping with the
// queue's ARN and batch size; a changed batchSize reaches Lambda, one
// changed out of band is put back, ten unchanged resyncs read only the
// mapping, and deleting the object deletes it.
func TestEventSourceMapping(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"esm"}, "EventSourceMapping")
	e.newFunction("esm", e.Unique("consumer"))
	queue := &sqsv1alpha1.Queue{ObjectMeta: metaIn(e.NS("esm"), "jobs"), Spec: sqsv1alpha1.QueueSpec{QueueName: aws.String(e.Unique("jobs"))}}
	e.Create(queue)
	esm := &v1alpha1.EventSourceMapping{ObjectMeta: metaIn(e.NS("esm"), "jobs"), Spec: v1alpha1.EventSourceMappingSpec{
		FunctionRef: ref("fn"), EventSourceRef: ref("jobs"), BatchSize: aws.Int64(5),
	}}
	e.Create(esm)
	queue = harness.WaitReady(e.sqs, queue)
	esm = harness.WaitReady(e.Env, esm)
	uuid := aws.ToString(esm.Status.UUID)
	read := func() *lambda.GetEventSourceMappingOutput {
		out, err := lambdaClient().GetEventSourceMapping(context.Background(), &lambda.GetEventSourceMappingInput{UUID: aws.String(uuid)})
		if apiCode(t, "GetEventSourceMapping "+uuid, err) == "ResourceNotFoundException" {
			return nil
		}
		return out
	}
	queueARN := string(*queue.Status.ACKResourceMetadata.ARN)
	if got := read(); got == nil || aws.ToString(got.EventSourceArn) != queueARN || aws.ToInt32(got.BatchSize) != 5 {
		t.Fatalf("mapping %s in Lambda: %+v, want source %s and batch size 5", uuid, got, queueARN)
	}
	waitBatch := func(want int32) {
		t.Helper()
		waitFor(t, func() error {
			if got := read(); got == nil || aws.ToInt32(got.BatchSize) != want {
				return fmt.Errorf("mapping %s: %+v, want batch size %d", uuid, got, want)
			}
			return nil
		})
	}

	harness.CheckSteadyReads(e.Env, "lambda", "EventSourceMapping", func() map[string]int { return opsOnPath(t, uuid) }, isRead,
		"GET /2015-03-31/event-source-mappings/"+uuid)

	harness.Edit(e.Env, esm, func(m *v1alpha1.EventSourceMapping) { m.Spec.BatchSize = aws.Int64(8) })
	waitBatch(8)
	if _, err := lambdaClient().UpdateEventSourceMapping(context.Background(), &lambda.UpdateEventSourceMappingInput{UUID: aws.String(uuid), BatchSize: aws.Int32(3)}); err != nil {
		t.Fatal(err)
	}
	waitBatch(8)

	e.Delete(esm)
	e.WaitGone(esm)
	if got := read(); got != nil {
		t.Errorf("mapping %s is still in Lambda after its object is gone", uuid)
	}
}

// TestFunctionURLConfig gives a Function a URL: Lambda has it with the
// auth type and CORS origins; a changed authType reaches Lambda, one
// changed out of band is put back, ten unchanged resyncs read only the
// URL configuration, and deleting the object deletes it.
func TestFunctionURLConfig(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"url"}, "FunctionURLConfig")
	name := e.Unique("web")
	e.newFunction("url", name)
	url := &v1alpha1.FunctionURLConfig{ObjectMeta: metaIn(e.NS("url"), "web"), Spec: v1alpha1.FunctionURLConfigSpec{
		FunctionRef: ref("fn"), AuthType: aws.String("NONE"), CORS: &v1alpha1.Cors{AllowOrigins: []string{"https://example.com"}},
	}}
	e.Create(url)
	url = harness.WaitReady(e.Env, url)
	read := func() *lambda.GetFunctionUrlConfigOutput {
		out, err := lambdaClient().GetFunctionUrlConfig(context.Background(), &lambda.GetFunctionUrlConfigInput{FunctionName: aws.String(name)})
		if apiCode(t, "GetFunctionUrlConfig "+name, err) == "ResourceNotFoundException" {
			return nil
		}
		return out
	}
	if got := read(); got == nil || got.AuthType != "NONE" || got.Cors == nil || len(got.Cors.AllowOrigins) != 1 || aws.ToString(url.Status.FunctionURL) == "" {
		t.Fatalf("URL of %s in Lambda: %+v, status.functionURL %q; want NONE with one CORS origin", name, got, aws.ToString(url.Status.FunctionURL))
	}
	waitAuth := func(want string) {
		t.Helper()
		waitFor(t, func() error {
			if got := read(); got == nil || string(got.AuthType) != want {
				return fmt.Errorf("URL of %s: %+v, want auth type %s", name, got, want)
			}
			return nil
		})
	}

	harness.CheckSteadyReads(e.Env, "lambda", "FunctionURLConfig", func() map[string]int { return opsOnPath(t, "/functions/"+name+"/url") }, isRead,
		"GET /2021-10-31/functions/"+name+"/url")

	harness.Edit(e.Env, url, func(u *v1alpha1.FunctionURLConfig) { u.Spec.AuthType = aws.String("AWS_IAM") })
	waitAuth("AWS_IAM")
	if _, err := lambdaClient().UpdateFunctionUrlConfig(context.Background(), &lambda.UpdateFunctionUrlConfigInput{FunctionName: aws.String(name), AuthType: "NONE"}); err != nil {
		t.Fatal(err)
	}
	waitAuth("AWS_IAM")

	e.Delete(url)
	e.WaitGone(url)
	if got := read(); got != nil {
		t.Errorf("URL of %s is still in Lambda after its object is gone", name)
	}
}

// TestLayerVersion publishes a layer version from a zip: Lambda has it
// with its description and runtimes; ten unchanged resyncs read only it;
// deleting the object deletes the version.
func TestLayerVersion(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"layer"}, "LayerVersion")
	name := e.Unique("helpers")
	layer := &v1alpha1.LayerVersion{ObjectMeta: metaIn(e.NS("layer"), "helpers"), Spec: v1alpha1.LayerVersionSpec{
		LayerName: aws.String(name), Description: aws.String("helpers"), CompatibleRuntimes: []string{"python3.12"},
		Content: &v1alpha1.LayerVersionContentInput{ZipFile: zipOf(t, "HELP = 1\n")},
	}}
	e.Create(layer)
	layer = harness.WaitReady(e.Env, layer)
	number := aws.ToInt64(layer.Status.Version)
	read := func() *lambda.GetLayerVersionOutput {
		out, err := lambdaClient().GetLayerVersion(context.Background(), &lambda.GetLayerVersionInput{LayerName: aws.String(name), VersionNumber: aws.Int64(number)})
		if apiCode(t, "GetLayerVersion "+name, err) == "ResourceNotFoundException" {
			return nil
		}
		return out
	}
	if got := read(); got == nil || aws.ToString(got.Description) != "helpers" || len(got.CompatibleRuntimes) != 1 {
		t.Fatalf("layer %s version %d in Lambda: %+v, want description helpers and one runtime", name, number, got)
	}

	harness.CheckSteadyReads(e.Env, "lambda", "LayerVersion", func() map[string]int { return opsOnPath(t, "/layers/"+name+"/") }, isRead,
		fmt.Sprintf("GET /2018-10-31/layers/%s/versions/%d", name, number))

	e.Delete(layer)
	e.WaitGone(layer)
	if got := read(); got != nil {
		t.Errorf("layer %s version %d is still in Lambda after its object is gone", name, number)
	}
}
