package managed

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	tok := func(s string) *string { return &s }
	cases := []struct {
		reason  string
		next    func(call int) *string // the token the service returns on a call
		wantErr string
		calls   int
		tokens  string // the tokens passed back, when checked
	}{
		{reason: "distinct tokens: every page is read", next: func(call int) *string {
			if call == 4 {
				return nil
			}
			return tok("t" + strconv.Itoa(call))
		}, calls: 5, tokens: "t0 t1 t2 t3"},
		{reason: "an empty token ends the list, as some services send one after the last page", next: func(call int) *string {
			if call == 1 {
				return tok("")
			}
			return tok("t" + strconv.Itoa(call))
		}, calls: 2, tokens: "t0"},
		{reason: "the same token forever: an error naming the operation", next: func(int) *string { return tok("team") }, wantErr: `ListTagsOfResource returned the page token "team" a second time`, calls: 2},
		{reason: "a token seen two pages ago is a loop too", next: func(call int) *string { return tok("t" + strconv.Itoa(call%2)) }, wantErr: `ListTagsOfResource returned the page token "t0" a second time`, calls: 3},
		{reason: "endless distinct tokens: stopped at the page limit", next: func(call int) *string { return tok("t" + strconv.Itoa(call)) }, wantErr: "ListTagsOfResource still had more pages after 1000", calls: MaxPages},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			var got []string
			calls := 0
			err := Pages(context.Background(), "ListTagsOfResource", func(_ context.Context, token *string) (*string, error) {
				if token != nil {
					got = append(got, *token)
				}
				calls++
				return c.next(calls - 1), nil
			})
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Errorf("error %v, want one containing %q", err, c.wantErr)
			}
			if c.tokens != "" && strings.Join(got, " ") != c.tokens {
				t.Errorf("tokens passed back %v, want %s", got, c.tokens)
			}
			if calls != c.calls {
				t.Errorf("%d pages read, want %d (tokens %v)", calls, c.calls, got)
			}
		})
	}
	t.Run("a page's error ends the loop as it is", func(t *testing.T) {
		boom := errors.New("throttled")
		if err := Pages(context.Background(), "ListTagsOfResource", func(context.Context, *string) (*string, error) { return nil, boom }); !errors.Is(err, boom) {
			t.Errorf("error %v, want %v", err, boom)
		}
	})
}
