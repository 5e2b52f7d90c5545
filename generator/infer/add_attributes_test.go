package infer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// attributeShape summarises what inference made of a kind's attribute map:
// how the read asks for names, how the set takes values, each field's
// class and JSON name, and the kind's update and tag operations.
func attributeShape(r *model.Resource) string {
	a := r.Attributes
	if a == nil {
		return "no attributes"
	}
	set := "map " + a.SetMap
	if a.SetMap == "" {
		set = "one " + a.SetName + "=" + a.SetValue
	}
	var fields []string
	for _, f := range append(append([]*model.Field{}, a.Spec...), a.Status...) {
		fields = append(fields, fmt.Sprintf("%s:%s:%s", f.Member, f.Class, f.JSONName))
	}
	update := "none"
	if r.Update != nil {
		update = r.Update.Name
	}
	tags := "no tag API"
	if r.Tags != nil && r.Tags.API != nil {
		tags = r.Tags.API.Tag.Name + "(" + r.Tags.API.TagARN + ")"
	}
	return fmt.Sprintf("read %s names=%q; set %s by %s; arn=%s; update=%s; %s; %s",
		r.Read.Name, a.Names, a.Set.Name, set, a.ARN, update, tags, strings.Join(fields, " "))
}

func TestAttributeMaps(t *testing.T) {
	cases := []struct {
		reason, service, kind, yaml, want string
		noSpec                            string // a spec field that must be gone
	}{
		{
			reason:  "SQS: the read takes the names, the set a whole map; a create-only and a read-only attribute; SetQueueAttributes stops being the update, and tags go by the queue URL",
			service: "sqs", kind: "Queue", noSpec: "Attributes",
			yaml: `resources:
  Queue:
    attributes:
      fields: {DelaySeconds: {}, KmsMasterKeyId: {}, FifoQueue: {createOnly: true}, QueueArn: {readOnly: true}}
`,
			want: `read GetQueueAttributes names="AttributeNames"; set SetQueueAttributes by map Attributes; arn=QueueArn; update=none; TagQueue(QueueUrl); ` +
				`DelaySeconds:spec:delaySeconds FifoQueue:create-only:fifoQueue KmsMasterKeyId:spec:kmsMasterKeyID QueueArn:status:queueARN`,
		},
		{
			reason:  "SNS Topic: the read returns every attribute, the set takes one name and value per call; TopicArn, already a status field from the create, is filled from the map too, and tags go by ARN",
			service: "sns", kind: "Topic", noSpec: "Attributes",
			yaml: `resources:
  Topic:
    attributes:
      fields: {DisplayName: {}, Policy: {}, TopicArn: {readOnly: true}}
`,
			want: `read GetTopicAttributes names=""; set SetTopicAttributes by one AttributeName=AttributeValue; arn=TopicArn; update=none; TagResource(ResourceArn); ` +
				`DisplayName:spec:displayName Policy:spec:policy TopicArn:status:topicARN`,
		},
		{
			reason:  "SNS Subscription, whose operations are named otherwise: the set is named, and takes one attribute per call",
			service: "sns", kind: "Subscription", noSpec: "Attributes",
			yaml: `resources:
  Subscription:
    operations: {create: Subscribe, read: GetSubscriptionAttributes, delete: Unsubscribe}
    attributes:
      set: SetSubscriptionAttributes
      fields: {RawMessageDelivery: {}, FilterPolicy: {}}
`,
			want: `read GetSubscriptionAttributes names=""; set SetSubscriptionAttributes by one AttributeName=AttributeValue; arn=; update=none; no tag API; ` +
				`FilterPolicy:spec:filterPolicy RawMessageDelivery:spec:rawMessageDelivery`,
		},
	}
	for _, c := range cases {
		res, err := inferReal(t, c.service, c.yaml, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, c.kind)
		if got := attributeShape(r); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.reason, got, c.want)
		}
		for _, f := range r.Spec {
			if f.Member == c.noSpec {
				t.Errorf("%s: the map %s is still a spec field", c.reason, c.noSpec)
			}
		}
	}
}

func TestAttributeMapErrors(t *testing.T) {
	cases := []struct {
		reason, service, yaml, want string
	}{
		{
			reason:  "an attribute the read's names cannot ask for is a mistake, with the likely name",
			service: "sqs",
			yaml: `resources:
  Queue:
    attributes:
      fields: {DelaySecond: {}}
`,
			want: `DelaySecond is not an attribute GetQueueAttributes can read (did you mean "DelaySeconds"?)`,
		},
		{
			reason:  "readOnly and createOnly contradict each other",
			service: "sns",
			yaml: `resources:
  Topic:
    attributes:
      fields: {DisplayName: {readOnly: true, createOnly: true}}
`,
			want: "readOnly or createOnly, not both",
		},
		{
			reason:  "a set taking neither a map nor a name and a value",
			service: "sqs",
			yaml: `resources:
  Queue:
    attributes:
      set: TagQueue
      fields: {DelaySeconds: {}}
`,
			want: "TagQueue takes neither a map of strings Attributes nor a string …Name and a string …Value",
		},
	}
	for _, c := range cases {
		_, err := inferReal(t, c.service, c.yaml, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got error %v, want one saying %q", c.reason, err, c.want)
		}
	}
}
