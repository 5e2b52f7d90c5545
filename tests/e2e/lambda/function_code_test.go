package lambda

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestFunctionCodeFromS3Key changes a Function's code.s3Key to a second
// object the test uploads: UpdateFunctionCode gives Lambda the new code
// (its CodeSha256 is the new object's), and since GetFunction reports no
// S3 location, the record of what was sent keeps ten resyncs after it to
// one read each, with no UpdateFunctionCode resent.
func TestFunctionCodeFromS3Key(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"code"}, "Function")
	name, bucket := e.Unique("coded"), strings.ToLower(e.Unique("code"))
	v1, v2 := zipOf(t, "def handler(event, context):\n    return 1\n"), zipOf(t, "def handler(event, context):\n    return 2\n")
	upload(t, bucket, "coded/v1.zip", v1)
	upload(t, bucket, "coded/v2.zip", v2)
	fn := &v1alpha1.Function{ObjectMeta: metaIn(e.NS("code"), "coded"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"),
		Role: e.lambdaRole(name), Code: &v1alpha1.FunctionCode{S3Bucket: aws.String(bucket), S3Key: aws.String("coded/v1.zip")},
	}}
	e.Create(fn)
	fn = harness.WaitReady(e.Env, fn)
	waitCodeSHA(t, name, codeSHA256(v1))

	harness.Edit(e.Env, fn, func(f *v1alpha1.Function) { f.Spec.Code.S3Key = aws.String("coded/v2.zip") })
	waitCodeSHA(t, name, codeSHA256(v2))
	harness.WaitReady(e.Env, fn)
	harness.WaitFor(e.Env, fn, "status.codeSHA256", func(f *v1alpha1.Function) error {
		if aws.ToString(f.Status.CodeSHA256) != codeSHA256(v2) {
			return fmt.Errorf("status.codeSHA256 %q, want %q", aws.ToString(f.Status.CodeSHA256), codeSHA256(v2))
		}
		return nil
	})
	updates := opsOn(t, name)[codeUpdate(name)]
	if updates != 1 {
		t.Errorf("%d UpdateFunctionCode calls for one change of code.s3Key, want 1", updates)
	}
	harness.CheckSteadyReads(e.Env, "lambda", "Function", func() map[string]int { return opsOn(t, name) }, isRead, "GET /2015-03-31/functions/"+name)
	if n := opsOn(t, name)[codeUpdate(name)]; n != updates {
		t.Errorf("%d UpdateFunctionCode calls after ten unchanged resyncs, want still %d", n, updates)
	}
}

// codeUpdate is the recorder's name of UpdateFunctionCode on function name.
func codeUpdate(name string) string { return "PUT /2015-03-31/functions/" + name + "/code" }

// waitCodeSHA waits until Lambda reports the function's CodeSha256 as want.
func waitCodeSHA(t *testing.T, name, want string) {
	t.Helper()
	waitConfig(t, name, func(c *types.FunctionConfiguration) error {
		if got := aws.ToString(c.CodeSha256); got != want {
			return fmt.Errorf("CodeSha256 %q, want %q", got, want)
		}
		return nil
	})
}

// TestFunctionCodeSHA256 gives a Function code from an S3 object and the
// object's SHA-256 in code.sha256: Ready. New content uploaded at the same
// key with code.sha256 changed to its SHA-256 (the key unchanged) sends
// UpdateFunctionCode, and Lambda reports the new CodeSha256. A code.sha256
// that no upload matches sends it again, and then, Lambda still reporting
// the uploaded object's, the Function is Terminal with a message naming
// code.sha256.
func TestFunctionCodeSHA256(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"sha"}, "Function")
	name, bucket := e.Unique("hashed"), strings.ToLower(e.Unique("sha"))
	v1, v2 := zipOf(t, "def handler(event, context):\n    return 1\n"), zipOf(t, "def handler(event, context):\n    return 2\n")
	upload(t, bucket, "hashed.zip", v1)
	fn := &v1alpha1.Function{ObjectMeta: metaIn(e.NS("sha"), "hashed"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"), Role: e.lambdaRole(name),
		Code: &v1alpha1.FunctionCode{S3Bucket: aws.String(bucket), S3Key: aws.String("hashed.zip"), SHA256: aws.String(codeSHA256(v1))},
	}}
	e.Create(fn)
	fn = harness.WaitReady(e.Env, fn)

	upload(t, bucket, "hashed.zip", v2)
	harness.Edit(e.Env, fn, func(f *v1alpha1.Function) { f.Spec.Code.SHA256 = aws.String(codeSHA256(v2)) })
	waitCodeSHA(t, name, codeSHA256(v2))
	fn = harness.WaitReady(e.Env, fn)
	if n := opsOn(t, name)[codeUpdate(name)]; n != 1 {
		t.Errorf("%d UpdateFunctionCode calls for one change of code.sha256, want 1", n)
	}

	wrong := codeSHA256([]byte("no such package"))
	harness.Edit(e.Env, fn, func(f *v1alpha1.Function) { f.Spec.Code.SHA256 = aws.String(wrong) })
	stuck := harness.WaitFor(e.Env, fn, "Terminal over code.sha256", harness.ConditionIs[*v1alpha1.Function]("ACK.Terminal", metav1.ConditionTrue))
	msg := harness.Condition(stuck, "ACK.Terminal").Message
	if !strings.Contains(msg, "spec.code.sha256") || !strings.Contains(msg, wrong) || !strings.Contains(msg, codeSHA256(v2)) {
		t.Errorf("Terminal message %q does not name spec.code.sha256, its value and Lambda's CodeSha256", msg)
	}
	if n := opsOn(t, name)[codeUpdate(name)]; n != 2 {
		t.Errorf("%d UpdateFunctionCode calls after a second change of code.sha256, want 2", n)
	}
}

// TestFunctionCodeFromConfigMap gives a Function its zip from a ConfigMap
// key (code.zipFileFrom): Ready, with Lambda's CodeSha256 the SHA-256 of
// the key's bytes. Ten resyncs send nothing, though the controller reads
// the ConfigMap at each, since the bytes still hash as Lambda reports.
// Editing the ConfigMap gives Lambda the new zip through one
// UpdateFunctionCode, reported as a SourceChanged event naming the
// ConfigMap, not as drift.
func TestFunctionCodeFromConfigMap(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"cm"}, "Function")
	name := e.Unique("mapped")
	v1, v2 := zipOf(t, "def handler(event, context):\n    return 1\n"), zipOf(t, "def handler(event, context):\n    return 2\n")
	cm := &corev1.ConfigMap{ObjectMeta: metaIn(e.NS("cm"), "code"), BinaryData: map[string][]byte{"function.zip": v1}}
	if err := e.K.Create(context.Background(), cm); err != nil {
		t.Fatal(err)
	}
	fn := &v1alpha1.Function{ObjectMeta: metaIn(e.NS("cm"), "mapped"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"), Role: e.lambdaRole(name),
		Code: &v1alpha1.FunctionCode{ZipFileFrom: &ackv1alpha1.BytesSource{ConfigMapKeyRef: &ackv1alpha1.KeyReference{Name: "code", Key: "function.zip"}}},
	}}
	e.Create(fn)
	harness.WaitReady(e.Env, fn)
	waitCodeSHA(t, name, codeSHA256(v1))
	harness.CheckSteadyReads(e.Env, "lambda", "Function", func() map[string]int { return opsOn(t, name) }, isRead, "GET /2015-03-31/functions/"+name)

	cm.BinaryData["function.zip"] = v2
	if err := e.K.Update(context.Background(), cm); err != nil {
		t.Fatal(err)
	}
	waitCodeSHA(t, name, codeSHA256(v2))
	harness.WaitFor(e.Env, fn, "status.codeSHA256 of the edited ConfigMap", func(f *v1alpha1.Function) error {
		if got := aws.ToString(f.Status.CodeSHA256); got != codeSHA256(v2) {
			return fmt.Errorf("status.codeSHA256 %q, want %q", got, codeSHA256(v2))
		}
		return nil
	})
	if n := opsOn(t, name)[codeUpdate(name)]; n != 1 {
		t.Errorf("%d UpdateFunctionCode calls for one edit of the ConfigMap, want 1", n)
	}
	// The source changed, not AWS: the event says so and names it.
	e.WaitEvent(fn, "SourceChanged", "ConfigMap "+e.NS("cm")+"/code key function.zip changed")
	for _, ev := range e.Events(fn) {
		if strings.Contains(ev, " DriftCorrected: ") {
			t.Errorf("event %q: an edited ConfigMap is no drift in AWS", ev)
		}
	}
}

// TestFunctionCodeConfigMapWatched: with the default resync period (ten
// hours), an edit of the ConfigMap a Function's code.zipFileFrom names
// reaches Lambda at once: the controller watches ConfigMaps and
// reconciles the objects that name the edited one.
func TestFunctionCodeConfigMapWatched(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"watched"})
	name := e.Unique("watched")
	v1, v2 := zipOf(t, "def handler(event, context):\n    return 1\n"), zipOf(t, "def handler(event, context):\n    return 2\n")
	cm := &corev1.ConfigMap{ObjectMeta: metaIn(e.NS("watched"), "code"), Data: map[string]string{"other": "x"}, BinaryData: map[string][]byte{"function.zip": v1}}
	if err := e.K.Create(context.Background(), cm); err != nil {
		t.Fatal(err)
	}
	fn := &v1alpha1.Function{ObjectMeta: metaIn(e.NS("watched"), "watched"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"), Role: e.lambdaRole(name),
		Code: &v1alpha1.FunctionCode{ZipFileFrom: &ackv1alpha1.BytesSource{ConfigMapKeyRef: &ackv1alpha1.KeyReference{Name: "code", Key: "function.zip"}}},
	}}
	e.Create(fn)
	harness.WaitReady(e.Env, fn)
	waitCodeSHA(t, name, codeSHA256(v1))

	cm.BinaryData["function.zip"] = v2
	if err := e.K.Update(context.Background(), cm); err != nil {
		t.Fatal(err)
	}
	waitCodeSHA(t, name, codeSHA256(v2))
}
