package managed

import (
	"context"
	"fmt"
)

// MaxPages bounds every paging loop: no read of one resource's tags or
// list needs more, and a loop without a bound stalls the whole kind.
const MaxPages = 1000

// Page reads the page that token starts (nil for the first) and returns
// the token of the next one, nil or empty after the last. It keeps what it
// read.
type Page func(ctx context.Context, token *string) (next *string, err error)

// Pages calls page until the service returns no further token. It stops
// with an error naming op when the service hands back a token it has
// already returned, which would repeat the same pages forever (moto's
// DynamoDB ListTagsOfResource does, after a tag key appears twice), or
// after MaxPages pages.
func Pages(ctx context.Context, op string, page Page) error {
	seen := map[string]bool{}
	var token *string
	for n := 0; n < MaxPages; n++ {
		next, err := page(ctx, token)
		if err != nil {
			return err
		}
		if next == nil || *next == "" {
			return nil
		}
		if seen[*next] {
			return fmt.Errorf("%s returned the page token %q a second time, after %d pages: stopped reading to not loop forever", op, *next, n+1)
		}
		seen[*next] = true
		token = next
	}
	return fmt.Errorf("%s still had more pages after %d: stopped reading", op, MaxPages)
}
