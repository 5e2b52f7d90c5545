package infer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

func TestErrorClass(t *testing.T) {
	shape := func(name, kind string, status int, traits ...string) *smithy.Shape {
		s := &smithy.Shape{ID: smithy.ShapeID("example#" + name)}
		s.Traits.Error, s.Traits.HTTPError = kind, status
		for _, tr := range traits {
			if s.Traits.Raw == nil {
				s.Traits.Raw = map[string]json.RawMessage{}
			}
			s.Traits.Raw[tr] = json.RawMessage("{}")
		}
		return s
	}
	cases := []struct {
		reason string
		e      *smithy.Shape
		want   errClass
	}{
		{"a client error no retry fixes", shape("InvalidParameterValueException", "client", 400), classTerminal},
		{"an illegal location constraint", shape("IllegalLocationConstraintException", "client", 400), classTerminal},
		{"a server error", shape("InternalServerError", "server", 500), classRecoverable},
		{"@retryable, though a client error", shape("ConcurrentModification", "client", 400, "smithy.api#retryable"), classRecoverable},
		{"a client error the SDK takes for throttling", shape("LimitExceededException", "client", 400), classRecoverable},
		{"an HTTP 429", shape("SlowDownPlease", "client", 429), classRecoverable},
		{"an endpoint to discover again (421)", shape("InvalidEndpointException", "client", 421), classRecoverable},
		{"a resource busy for now", shape("TableInUseException", "client", 400), classRecoverable},
		{"a state that passes", shape("InvalidDBInstanceStateFault", "client", 400), classRecoverable},
		{"permissions are fixed outside the spec", shape("AccessDeniedException", "client", 403), classRecoverable},
		{"not found is read in context", shape("ResourceNotFoundException", "client", 400), classUndecided},
		{"already exists is read in context", shape("EntityAlreadyExistsException", "client", 409), classUndecided},
	}
	for _, c := range cases {
		if got := errorClass(c.e); got != c.want {
			t.Errorf("%s: %s is class %d, want %d", c.reason, c.e.ID.Name(), got, c.want)
		}
	}
}

func TestClassifyErrors(t *testing.T) {
	cases := []struct {
		reason      string
		yaml        string
		terminal    string
		recoverable string
		err         string
	}{
		{reason: "the create's client error is terminal; not-found is neither",
			terminal: "ValidationException"},
		{reason: "generator.yaml makes a model error recoverable",
			yaml:        "resources:\n  Table:\n    recoverableCodes: [ValidationException]\n",
			recoverable: "ValidationException"},
		{reason: "generator.yaml adds a terminal code",
			yaml:     "resources:\n  Table:\n    terminalCodes: [TableArchived]\n",
			terminal: "TableArchived ValidationException"},
		{reason: "a code cannot be both",
			yaml: "resources:\n  Table:\n    terminalCodes: [ValidationException]\n    recoverableCodes: [ValidationException]\n",
			err:  "in both terminalCodes and recoverableCodes"},
		{reason: "a typo is caught",
			yaml: "resources:\n  Table:\n    recoverableCodes: [ValidationExeption]\n",
			err:  `did you mean "ValidationException"`},
	}
	for _, c := range cases {
		yaml := c.yaml
		if yaml == "" {
			yaml = "resources:\n  Table: {}\n"
		}
		res, err := run(t, "names.json", yaml, Options{})
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.reason, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, "Table")
		if got := strings.Join(r.TerminalCodes, " "); got != c.terminal {
			t.Errorf("%s: terminal codes %q, want %q", c.reason, got, c.terminal)
		}
		if got := strings.Join(r.RecoverableCodes, " "); got != c.recoverable {
			t.Errorf("%s: recoverable codes %q, want %q", c.reason, got, c.recoverable)
		}
	}
}
