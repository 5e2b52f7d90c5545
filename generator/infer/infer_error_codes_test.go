package infer

import (
	"github.com/kubesmith/kubesmith/generator/smithy"
	"strings"
	"testing"
)

func TestInferErrorCodes(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	cases := []struct {
		reason    string
		yaml      string
		kind      string
		notFound  string
		exists    string
		fromNames bool
	}{
		{reason: "an error named NotFound", kind: "Table", notFound: "ResourceNotFoundException"},
		{reason: "an error with HTTP status 404", kind: "Repository", notFound: "RepositoryNotFoundException"},
		{reason: "the awsQueryError code of a NonExistent error", kind: "Queue", notFound: "AWS.SimpleQueueService.NonExistentQueue"},
		{reason: "a read without such errors", kind: "Topic", notFound: ""},
		{reason: "generator.yaml replaces the inferred codes",
			yaml: "resources:\n  Table:\n    notFoundCodes: [Gone]\n", kind: "Table",
			notFound: "Gone"},
		{reason: "generator.yaml names the codes that mean the name is taken",
			yaml: "resources:\n  Table:\n    alreadyExistsCodes: [NameTaken]\n", kind: "Table",
			notFound: "ResourceNotFoundException", exists: "NameTaken"},
	}
	for _, c := range cases {
		res := names
		if c.yaml != "" {
			res = mustRun(t, "names.json", c.yaml, Options{})
		}
		r := resource(t, res, c.kind)
		if got := strings.Join(r.NotFoundCodes, " "); got != c.notFound {
			t.Errorf("%s: not-found codes %q, want %q", c.reason, got, c.notFound)
		}
		if got := strings.Join(r.AlreadyExistsCodes, " "); got != c.exists {
			t.Errorf("%s: already-exists codes %q, want %q", c.reason, got, c.exists)
		}
	}
}

func TestAlreadyExists(t *testing.T) {
	cases := []struct {
		reason string
		name   string
		doc    string
		want   bool
	}{
		{"the name says so", "EntityAlreadyExistsException", "", true},
		{"S3's bucket you already own", "BucketAlreadyOwnedByYou", "", true},
		{"in use, documented as an existing resource", "ResourceInUseException", "You attempted to recreate an existing table.", true},
		{"a conflict that says it exists", "ResourceConflictException", "The resource already exists, or another operation is in progress.", true},
		{"in use for another reason", "TableInUseException", "A target table with the specified name is either being created or deleted.", false},
		{"in use, but not ResourceInUse", "BackupInUseException", "There is another ongoing conflicting backup operation on an existing table.", false},
		{"a conflict about a missing resource", "ConflictException", "The existing resource does not exist.", false},
		{"unrelated", "LimitExceededException", "Too many existing tables.", false},
	}
	for _, c := range cases {
		e := &smithy.Shape{ID: smithy.ShapeID("x#" + c.name)}
		e.Traits.Documentation = c.doc
		if got := alreadyExists(e); got != c.want {
			t.Errorf("%s: alreadyExists(%s) = %v, want %v", c.reason, c.name, got, c.want)
		}
	}
}
