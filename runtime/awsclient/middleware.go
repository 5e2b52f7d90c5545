package awsclient

import (
	"context"
	"errors"
	"fmt"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// addMiddleware installs the call deadline, the rate limiter and the call
// counter on every client built from the factory's configurations.
func (f *Factory) addMiddleware(stack *middleware.Stack) error {
	if f.opts.CallTimeout > 0 {
		// First of all: the deadline covers every attempt and the waits
		// between them, and the rate limiter's wait too.
		if err := stack.Initialize.Add(middleware.InitializeMiddlewareFunc("kubesmith/CallTimeout", f.callTimeout), middleware.Before); err != nil {
			return err
		}
	}
	if f.opts.QPS > 0 {
		// After Retry, so that every attempt waits for a token.
		if err := stack.Finalize.Insert(middleware.FinalizeMiddlewareFunc("kubesmith/RateLimit", f.rateLimit), "Retry", middleware.After); err != nil {
			return err
		}
	}
	if f.opts.Calls != nil {
		// First in Deserialize: inside Retry, so each attempt counts, and
		// outside the operation's deserializer, so the AWS error code is known.
		return stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("kubesmith/CountCalls", f.countCall), middleware.Before)
	}
	return nil
}

// CallTimeoutError is an AWS call that got no answer within
// Options.CallTimeout.
type CallTimeoutError struct {
	Timeout time.Duration
	Err     error
}

func (e *CallTimeoutError) Error() string {
	return fmt.Sprintf("no answer from AWS within the AWS call timeout of %s", e.Timeout)
}

// Unwrap keeps the SDK's error, and so context.DeadlineExceeded, visible.
func (e *CallTimeoutError) Unwrap() error { return e.Err }

func (f *Factory) callTimeout(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
	callCtx, cancel := context.WithTimeout(ctx, f.opts.CallTimeout)
	defer cancel()
	out, md, err := next.HandleInitialize(callCtx, in)
	// Only our own deadline: a caller's cancellation or deadline is the
	// caller's to report.
	if err != nil && ctx.Err() == nil && errors.Is(callCtx.Err(), context.DeadlineExceeded) {
		err = &CallTimeoutError{Timeout: f.opts.CallTimeout, Err: err}
	}
	return out, md, err
}

func (f *Factory) rateLimit(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	l := f.limiter(awsmiddleware.GetRegion(ctx), awsmiddleware.GetServiceID(ctx))
	if err := l.Wait(ctx); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleFinalize(ctx, in)
}

func (f *Factory) countCall(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	out, md, err := next.HandleDeserialize(ctx, in)
	status := 0
	if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && resp != nil {
		status = resp.StatusCode
	}
	f.opts.Calls.AWSCall(awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx), status, errorCode(err))
	return out, md, err
}

// errorCode is AWS's error code, or a short name for a failure without an
// answer from AWS, rather than the SDK's fault enum.
func errorCode(err error) string {
	if err == nil {
		return ""
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	var send *smithyhttp.RequestSendError
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "Canceled"
	case errors.As(err, &send):
		return "RequestSendError"
	}
	return "ClientError"
}
