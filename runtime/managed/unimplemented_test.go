package managed

import (
	"net/http"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// answered is the SDK's error for an answer of status whose body gave err.
func answered(status int, err error) error {
	return &smithy.OperationError{ServiceID: "EKS", OperationName: "DescribeAddon", Err: &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
			Err:      err,
		},
	}}
}

func TestUnimplemented(t *testing.T) {
	html := &smithy.DeserializationError{Err: errorString("invalid character '<' looking for beginning of value")}
	cases := []struct {
		reason   string
		err      error
		terminal bool
		describe string
	}{
		{
			reason:   "An HTML 404 (an emulator lacking the route) is Terminal, and says which operation is missing rather than what the HTML did to the JSON decoder.",
			err:      answered(404, html),
			terminal: true,
			describe: "the AWS endpoint does not implement EKS DescribeAddon: it answered HTTP 404 with no AWS error (an emulator lacking the operation?)",
		},
		{
			reason:   "A 405 without an AWS error is the same.",
			err:      answered(405, html),
			terminal: true,
			describe: "the AWS endpoint does not implement EKS DescribeAddon: it answered HTTP 405 with no AWS error (an emulator lacking the operation?)",
		},
		{
			reason:   "A 404 carrying an AWS code is AWS's answer, classified by its code as before.",
			err:      answered(404, &smithy.GenericAPIError{Code: "ResourceNotFoundException", Message: "no addon"}),
			describe: "EKS DescribeAddon: ResourceNotFoundException: no addon",
		},
		{
			reason:   "A 5xx whose body is no AWS error stays Recoverable: a server may come back.",
			err:      answered(503, html),
			describe: answered(503, html).Error(),
		},
	}
	for _, c := range cases {
		if got := IsTerminal(c.err, nil, nil); got != c.terminal {
			t.Errorf("%s\nIsTerminal = %v", c.reason, got)
		}
		if got := Describe(c.err); got != c.describe {
			t.Errorf("%s\nDescribe = %q\nwant       %q", c.reason, got, c.describe)
		}
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
