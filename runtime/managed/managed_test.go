package managed

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"slices"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func awsErr(code, msg string, status int) error {
	return &smithy.OperationError{ServiceID: "DynamoDB", OperationName: "CreateTable", Err: &awshttp.ResponseError{
		RequestID: "f00",
		ResponseError: &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
			Err:      &smithy.GenericAPIError{Code: code, Message: msg},
		},
	}}
}

func TestClassify(t *testing.T) {
	network := &smithy.OperationError{ServiceID: "DynamoDB", OperationName: "CreateTable", Err: &smithyhttp.RequestSendError{Err: errors.New("connection refused")}}
	cases := map[string]struct {
		reason   string
		err      error
		terminal bool
		exists   bool
		unknown  bool
		describe string
	}{
		"Validation": {
			reason: "A validation error is Terminal, and AWS certainly changed nothing.",
			err:    awsErr("ValidationException", "bad key", 400), terminal: true,
			describe: "DynamoDB CreateTable: ValidationException: bad key",
		},
		"KindCode": {
			reason: "A client error the kind lists as Terminal is Terminal.",
			err:    awsErr("InvalidRestoreTimeException", "too early", 400), terminal: true,
			describe: "DynamoDB CreateTable: InvalidRestoreTimeException: too early",
		},
		"ThrottleListedTerminal": {
			reason:   "A code the SDK takes for throttling stays Recoverable even when a kind lists it as Terminal.",
			err:      awsErr("LimitExceededException", "too many", 400),
			describe: "DynamoDB CreateTable: LimitExceededException: too many",
		},
		"ServerListedTerminal": {
			reason: "A 5xx stays Recoverable whatever its code.",
			err:    awsErr("InvalidRestoreTimeException", "oops", 503), unknown: true,
			describe: "DynamoDB CreateTable: InvalidRestoreTimeException: oops",
		},
		"RecoverableOverride": {
			reason:   "A code the kind lists as Recoverable wins over the shared validation codes.",
			err:      awsErr("InvalidParameterValue", "not yet", 400),
			describe: "DynamoDB CreateTable: InvalidParameterValue: not yet",
		},
		"UnknownClientError": {
			reason:   "A 4xx code in no list is Recoverable: a wrong Terminal would wait for the resync period.",
			err:      awsErr("SomethingOdd", "hm", 400),
			describe: "DynamoDB CreateTable: SomethingOdd: hm",
		},
		"Throttled": {
			reason:   "Throttling is Recoverable.",
			err:      awsErr("ThrottlingException", "slow down", 400),
			describe: "DynamoDB CreateTable: ThrottlingException: slow down",
		},
		"ServerError": {
			reason: "A 5xx is Recoverable, and the write may have happened.",
			err:    awsErr("InternalServerError", "oops", 500), unknown: true,
			describe: "DynamoDB CreateTable: InternalServerError: oops",
		},
		"Network": {
			reason: "A network error is Recoverable, and the write may have happened.",
			err:    network, unknown: true,
			describe: network.Error(),
		},
		"AlreadyExists": {
			reason: "A kind's already-exists code is recognised; it is not Terminal by itself.",
			err:    awsErr("ResourceInUseException", "Table already exists: t", 400), exists: true,
			describe: "DynamoDB CreateTable: ResourceInUseException: Table already exists: t",
		},
		"Wrapped": {
			reason: "A Terminal wrapper keeps the AWS code visible and adds its reason.",
			err:    &TerminalError{Reason: "taken", Err: awsErr("ResourceInUseException", "in use", 400)}, terminal: true, exists: true,
			describe: "taken: DynamoDB CreateTable: ResourceInUseException: in use",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := IsTerminal(tc.err, []string{"InvalidRestoreTimeException", "LimitExceededException"}, []string{"InvalidParameterValue"}); got != tc.terminal {
				t.Errorf("%s\nIsTerminal = %v", tc.reason, got)
			}
			if got := IsAlreadyExists(tc.err, []string{"ResourceInUseException"}); got != tc.exists {
				t.Errorf("%s\nIsAlreadyExists = %v", tc.reason, got)
			}
			if got := OutcomeUnknown(tc.err); got != tc.unknown {
				t.Errorf("%s\nOutcomeUnknown = %v", tc.reason, got)
			}
			if got := Describe(tc.err); got != tc.describe {
				t.Errorf("%s\nDescribe = %q, want %q", tc.reason, got, tc.describe)
			}
		})
	}
}

func TestTagChanges(t *testing.T) {
	cases := map[string]struct {
		reason            string
		desired, observed map[string]string
		wantSet           map[string]string
		wantRemove        []string
	}{
		"InSync": {
			reason:  "Equal tags need nothing.",
			desired: map[string]string{"a": "1"}, observed: map[string]string{"a": "1"},
			wantSet: map[string]string{},
		},
		"AWSTagsNeverDrift": {
			reason:  "aws: tags AWS added are neither removed nor reported.",
			desired: map[string]string{"a": "1"}, observed: map[string]string{"a": "1", "aws:cloudformation:stack-name": "s"},
			wantSet: map[string]string{},
		},
		"Changed": {
			reason:  "A changed value is untagged and set again, so no API can keep both; an extra tag is removed.",
			desired: map[string]string{"a": "1", "b": "2"}, observed: map[string]string{"a": "0", "c": "3"},
			wantSet: map[string]string{"a": "1", "b": "2"}, wantRemove: []string{"a", "c"},
		},
		"EmptyValue": {
			reason:  "An empty value is a value: changing to it untags and sets the key.",
			desired: map[string]string{"a": ""}, observed: map[string]string{"a": "0"},
			wantSet: map[string]string{"a": ""}, wantRemove: []string{"a"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			set, remove := TagChanges(tc.desired, tc.observed)
			if len(set) != len(tc.wantSet) || !slices.Equal(remove, tc.wantRemove) {
				t.Errorf("%s\nset %v remove %v, want %v %v", tc.reason, set, remove, tc.wantSet, tc.wantRemove)
			}
			for k, v := range tc.wantSet {
				if set[k] != v {
					t.Errorf("%s\nset[%s] = %q, want %q", tc.reason, k, set[k], v)
				}
			}
			if TagsDiffer(tc.desired, tc.observed) != (len(tc.wantSet)+len(tc.wantRemove) > 0) {
				t.Errorf("%s\nTagsDiffer disagrees with TagChanges", tc.reason)
			}
		})
	}
	ctx := WithDefaultTags(context.Background(), map[string]string{"services.k8s.aws/name": "t", "team": "default"})
	got := DesiredTags(ctx, map[string]string{"team": "mine"})
	if got["team"] != "mine" || got["services.k8s.aws/name"] != "t" {
		t.Errorf("desired tags %v: the spec's tags must win over defaults, and defaults must stay", got)
	}
}

func TestTagsToPut(t *testing.T) {
	cases := map[string]struct {
		reason            string
		desired, observed map[string]string
		want              map[string]string
	}{
		"KeepsAWSTags": {
			reason:  "A put replaces every tag, and AWS refuses one that drops its own aws: tags, so they go along.",
			desired: map[string]string{"a": "1"}, observed: map[string]string{"b": "2", "aws:cloudformation:stack-name": "s"},
			want: map[string]string{"a": "1", "aws:cloudformation:stack-name": "s"},
		},
		"NoAWSTagsOfOurOwn": {
			reason:  "AWS refuses aws: tags set by anyone else; a desired one is left out, its observed value kept.",
			desired: map[string]string{"a": "1", "aws:x": "mine"}, observed: map[string]string{"aws:x": "theirs"},
			want: map[string]string{"a": "1", "aws:x": "theirs"},
		},
		"NothingLeft": {
			reason:  "No desired tags and no aws: tags leave nothing to put.",
			desired: map[string]string{}, observed: map[string]string{"b": "2"},
			want: map[string]string{},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := TagsToPut(tc.desired, tc.observed); !maps.Equal(got, tc.want) {
				t.Errorf("%s\ngot %v, want %v", tc.reason, got, tc.want)
			}
		})
	}
}
