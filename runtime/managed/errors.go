package managed

import (
	"errors"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
)

// validationCodes are AWS error codes that mean the request itself is
// wrong: retrying the same spec cannot succeed.
var validationCodes = []string{
	"ValidationException",
	"ValidationError",
	"InvalidParameter",
	"InvalidParameterValue",
	"InvalidParameterValueException",
	"InvalidParameterCombination",
	"InvalidParameterException",
	"InvalidArgument",
	"InvalidInput",
	"InvalidRequest",
	"MalformedPolicyDocument",
	"SerializationException",
}

// alreadyExistsCodes are the codes most services use for "that identifier
// is taken"; a kind adds its own in Kind.AlreadyExistsCodes.
var alreadyExistsCodes = []string{
	"AlreadyExists",
	"AlreadyExistsException",
	"ResourceAlreadyExistsException",
	"EntityAlreadyExists",
	"BucketAlreadyExists",
	"BucketAlreadyOwnedByYou",
}

// ErrorCode returns the AWS error code of err, or "" when err did not come
// from AWS.
func ErrorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

// HasErrorCode reports whether err is an AWS error with one of codes.
func HasErrorCode(err error, codes ...string) bool {
	code := ErrorCode(err)
	return code != "" && slices.Contains(codes, code)
}

// IsTerminal reports whether err can only be fixed by changing the spec.
// In order: a TerminalError is; a code in recoverable is not; what the
// SDK's retryer would retry (throttling, 5xx, a lost connection) is not,
// whatever list holds its code; a code in terminal (the kind's client
// errors) or in the shared validation codes is. Anything else is not: a
// wrong Terminal waits for the resync period, a wrong Recoverable costs a
// call per backoff.
func IsTerminal(err error, terminal, recoverable []string) bool {
	var t *TerminalError
	if errors.As(err, &t) {
		return true
	}
	if HasErrorCode(err, recoverable...) || retryable(err) {
		return false
	}
	return HasErrorCode(err, validationCodes...) || HasErrorCode(err, terminal...) || Unimplemented(err)
}

// retryable reports whether the SDK's standard retryer retries err or
// takes it for throttling.
func retryable(err error) bool {
	return retry.IsErrorRetryables(retry.DefaultRetryables).IsErrorRetryable(err) == aws.TrueTernary ||
		retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err) == aws.TrueTernary ||
		HTTPStatus(err) >= 500
}

// IsAlreadyExists reports whether a create failed because the identifier
// is taken.
func IsAlreadyExists(err error, extraCodes []string) bool {
	return HasErrorCode(err, alreadyExistsCodes...) || HasErrorCode(err, extraCodes...)
}

// OutcomeUnknown reports whether a failed write may still have taken
// effect in AWS: the request may have arrived but no definite answer came
// back (a network error, a timeout, a 5xx). A 4xx answer, or an error
// raised before any request, means nothing changed.
func OutcomeUnknown(err error) bool {
	if err == nil {
		return false
	}
	var t *TerminalError
	if errors.As(err, &t) {
		return false
	}
	if status := HTTPStatus(err); status != 0 {
		return status >= 500
	}
	return true
}

// HTTPStatus returns the HTTP status of AWS's answer to a failed call, or
// 0 when no answer came (a network error, or no call at all).
func HTTPStatus(err error) int {
	var resp interface{ HTTPStatusCode() int }
	if errors.As(err, &resp) {
		return resp.HTTPStatusCode()
	}
	return 0
}

// Describe renders err for a condition message or an event: the operation,
// the AWS error code and AWS's message, without the request ID, which
// differs on every attempt and would rewrite the status each time.
func Describe(err error) string {
	var t *TerminalError
	if errors.As(err, &t) && t.Err != nil {
		return t.Error()
	}
	if Unimplemented(err) {
		return describeUnimplemented(err)
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return err.Error()
	}
	msg := apiErr.ErrorCode()
	if m := apiErr.ErrorMessage(); m != "" {
		msg += ": " + m
	}
	var op *smithy.OperationError
	if errors.As(err, &op) {
		msg = op.Service() + " " + op.Operation() + ": " + msg
	}
	return msg
}

// TerminalError marks a problem that only a spec or annotation change can
// fix: one found before any AWS call, or an AWS error (Err) that is
// Terminal in context, such as "already exists" on a create.
type TerminalError struct {
	Reason string
	Err    error
}

func (e *TerminalError) Error() string {
	if e.Err == nil {
		return e.Reason
	}
	return e.Reason + ": " + Describe(e.Err)
}

// Unwrap exposes the AWS error, so its code stays visible.
func (e *TerminalError) Unwrap() error { return e.Err }

// Terminalf returns a TerminalError with a formatted reason.
func Terminalf(format string, args ...any) error {
	return &TerminalError{Reason: fmt.Sprintf(format, args...)}
}

// UnsuccessfulError is the error of an item that a batch call, answering
// success, lists as not processed (EC2's DeleteVpcEndpoints and
// CreateFlowLogs): it carries the item's code, so that NotFound checks and
// the error classes treat it as they would an error answer.
func UnsuccessfulError(op, resourceID, code, message string) error {
	return fmt.Errorf("%s did not succeed for %q: %w", op, resourceID, &smithy.GenericAPIError{Code: code, Message: message})
}
