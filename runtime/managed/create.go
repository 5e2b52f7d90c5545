package managed

import (
	"context"
	"fmt"
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

// MaxFindPages bounds the pages FindPages reads.
const MaxFindPages = 100

// FindPages pages through a list for a Finder: it calls page with each
// page's token, nil first, until page returns no next token. A token seen
// before, or more pages than MaxFindPages, is an error naming op: a list
// that never ends must not stall the reconcile.
func FindPages(op string, page func(token *string) (next *string, err error)) error {
	seen := map[string]bool{}
	var token *string
	for range MaxFindPages {
		next, err := page(token)
		if err != nil {
			return err
		}
		if next == nil || *next == "" {
			return nil
		}
		if seen[*next] {
			return fmt.Errorf("%s returned the page token %q twice", op, *next)
		}
		seen[*next] = true
		token = next
	}
	return fmt.Errorf("%s returned more than %d pages", op, MaxFindPages)
}
