package managed

import (
	"context"
	"time"
)

// Finder is implemented by the manager of a kind whose identifier AWS
// assigns (a Backup's ARN, a VPC's ID). After a create whose answer was
// lost (a crash, a timeout, a status write that failed) the runtime cannot
// read the resource by its identifier, so it asks the manager to look for
// what that create may have made instead of creating a second one.
type Finder[T Object] interface {
	// FindCreated looks for resources matching obj's spec that were made
	// at or after since. When exactly one matches it fills obj's status
	// identifiers so that Observe finds it. It returns how many matched.
	FindCreated(ctx context.Context, obj T, since time.Time) (int, error)
}

type clientTokenKey struct{}

// WithClientToken returns ctx carrying the idempotency token of one
// object's create. The runtime derives it from the object and its
// create-pending record, so a create retried after an unknown outcome
// sends the same token and AWS returns the resource it already made.
func WithClientToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, clientTokenKey{}, token)
}

// ClientToken returns the token for the create input's idempotency token
// member, or nil outside a create, in which case the SDK fills in a random
// one.
func ClientToken(ctx context.Context) *string {
	t, _ := ctx.Value(clientTokenKey{}).(string)
	if t == "" {
		return nil
	}
	return &t
}
