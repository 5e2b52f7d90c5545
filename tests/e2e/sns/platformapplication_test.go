package sns

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// applicationManifest is a PlatformApplication written for the
// incumbent's CRD.
const applicationManifest = `
apiVersion: sns.services.k8s.aws/v1alpha1
kind: PlatformApplication
metadata:
  name: mobile
spec:
  name: NAME
  platform: GCM
  platformCredential: server-key
  successFeedbackSampleRate: "50"
`

// TestPlatformApplication applies a PlatformApplication: it becomes Ready
// and SNS has it with its credential and sample rate; ten unchanged
// resyncs cost one GetPlatformApplicationAttributes each and no write; a
// changed successFeedbackSampleRate reaches SNS, and one changed out of
// band is put back; deleting the object deletes the application.
func TestPlatformApplication(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"app"}, "PlatformApplication")
	var app v1alpha1.PlatformApplication
	if err := yaml.UnmarshalStrict([]byte(applicationManifest), &app); err != nil {
		t.Fatalf("the manifest: %v", err)
	}
	app.Namespace, app.Spec.Name = e.NS("app"), aws.String(e.Unique("mobile"))
	e.Create(&app)
	ready := harness.WaitReady(e.Env, &app)
	arn := aws.ToString(ready.Status.PlatformApplicationARN)
	read := func() map[string]string { return applicationAttributes(t, arn) }
	if attrs := read(); attrs == nil || attrs["PlatformCredential"] != "server-key" || attrs["SuccessFeedbackSampleRate"] != "50" {
		t.Fatalf("platform application %s in SNS: %v, want PlatformCredential server-key, SuccessFeedbackSampleRate 50", arn, attrs)
	}

	e.checkEconomy("PlatformApplication", arn, "GetPlatformApplicationAttributes")

	harness.Edit(e.Env, ready, func(a *v1alpha1.PlatformApplication) { a.Spec.SuccessFeedbackSampleRate = aws.String("75") })
	waitAttribute(t, "platform application "+arn, read, "SuccessFeedbackSampleRate", "75")

	if _, err := snsClient().SetPlatformApplicationAttributes(context.Background(), &sns.SetPlatformApplicationAttributesInput{
		PlatformApplicationArn: aws.String(arn), Attributes: map[string]string{"SuccessFeedbackSampleRate": "10"},
	}); err != nil {
		t.Fatal(err)
	}
	waitAttribute(t, "platform application "+arn, read, "SuccessFeedbackSampleRate", "75")

	e.Delete(ready)
	waitGoneInAWS(t, "platform application "+arn, read)
	e.WaitGone(ready)
}
