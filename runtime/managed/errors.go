package managed

import (
	"errors"
	"fmt"
	"slices"

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
func IsTerminal(err error, extraCodes []string) bool {
	var t *TerminalError
	if errors.As(err, &t) {
		return true
	}
	return HasErrorCode(err, validationCodes...) || HasErrorCode(err, extraCodes...)
}

// TerminalError marks a problem found before any AWS call that only a spec
// change can fix.
type TerminalError struct{ Reason string }

func (e *TerminalError) Error() string { return e.Reason }

// Terminalf returns a TerminalError with a formatted reason.
func Terminalf(format string, args ...any) error {
	return &TerminalError{Reason: fmt.Sprintf(format, args...)}
}
