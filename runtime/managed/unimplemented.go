package managed

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/aws/smithy-go"
)

// Unimplemented reports whether err is an endpoint saying it has no such
// operation: an HTTP 404 or 405 whose body is no AWS error at all (moto
// answers a REST route it lacks, such as EKS's DescribeAddon, with an HTML
// "not found" page). AWS answers every operation of its model with a
// coded error, so only a partial implementation answers so, and no retry
// or backoff changes it: the object waits, Terminal, instead of calling
// again and again.
func Unimplemented(err error) bool {
	status := HTTPStatus(err)
	return (status == http.StatusNotFound || status == http.StatusMethodNotAllowed) && ErrorCode(err) == ""
}

// describeUnimplemented says which operation the endpoint lacks, in place
// of the SDK's deserialization error about the HTML it got.
func describeUnimplemented(err error) string {
	what := "this operation"
	var op *smithy.OperationError
	if errors.As(err, &op) {
		what = op.Service() + " " + op.Operation()
	}
	return fmt.Sprintf("the AWS endpoint does not implement %s: it answered HTTP %d with no AWS error (an emulator lacking the operation?)", what, HTTPStatus(err))
}
