package iam

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// notFound reports whether IAM answered NoSuchEntity.
func notFound(err error) bool {
	var nse *types.NoSuchEntityException
	return errors.As(err, &nse)
}

// checkReads checks that ten resyncs of an unchanged resource of kind,
// whose identifier is id, write nothing and read only reads, once each.
func (e env) checkReads(kind, id string, reads ...string) {
	e.T.Helper()
	harness.CheckSteadyReads(e.Env, "iam", kind, func() map[string]int { return opsOn(e.T, id) }, isRead, reads...)
}

// ctx is the context of the tests' own SDK calls.
func ctx() context.Context { return context.Background() }
