package infer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestInferIdentifiers(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		r      *model.Resource
		want   string // member<-field, with "status " or "arn " for where
	}{
		{"a spec field of the same name", resource(t, names, "Table"), "TableName<-TableName"},
		{"a status field the create output fills", resource(t, names, "Queue"), "QueueUrl<-status QueueUrl"},
		{"the ARN, of the same name", resource(t, names, "Topic"), "TopicArn<-arn TopicArn"},
		{"a status field the identifier's name suggests", resource(t, shapes, "Network"), "networkIdentifier<-status id"},
		{"a parent's identifier in spec, then its own in status", resource(t, shapes, "Listener"), "networkIdentifier<-networkIdentifier listenerIdentifier<-status id"},
	}
	for _, c := range cases {
		var got []string
		for _, id := range c.r.Identifiers {
			where := ""
			switch {
			case id.ARN:
				where = "arn "
			case id.Status:
				where = "status "
			}
			got = append(got, fmt.Sprintf("%s<-%s%s", id.Member, where, id.Field))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: %s identifiers are %q, want %q", c.reason, c.r.Kind, strings.Join(got, " "), c.want)
		}
	}
}

func TestPrimaryKey(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		r      *model.Resource
		want   string
	}{
		{"the identifier in spec", resource(t, names, "Table"), "TableName"},
		{"<R>Name when the identifier is in status", resource(t, names, "Queue"), "QueueName"},
		{"Name when the identifier is the ARN", resource(t, names, "Topic"), "Name"},
		{"a child's own name, not its parent's identifier", resource(t, shapes, "Listener"), "name"},
	}
	for _, c := range cases {
		var keys []string
		for _, f := range c.r.Spec {
			if f.PrimaryKey {
				keys = append(keys, f.Member)
			}
		}
		if strings.Join(keys, " ") != c.want {
			t.Errorf("%s: %s primary key is %v, want %s", c.reason, c.r.Kind, keys, c.want)
		}
	}
}

func TestInferIdentifiersProblems(t *testing.T) {
	// Without the create output's QueueUrl, nothing can name the queue.
	res := mustRun(t, "names.json", "resources:\n  Queue:\n    operations: {create: CreateTopic}\n", Options{Only: "Queue"})
	r := resource(t, res, "Queue")
	want := "identifier QueueUrl has no spec or status field to come from"
	if !strings.Contains(strings.Join(r.Problems, "\n"), want) {
		t.Errorf("a problem is recorded when not generating: %v", r.Problems)
	}
	_, err := run(t, "names.json", "resources:\n  Queue:\n    operations: {create: CreateTopic}\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "generator.yaml:2: Queue: "+want) {
		t.Errorf("the same problem fails generation: %v", err)
	}
}
