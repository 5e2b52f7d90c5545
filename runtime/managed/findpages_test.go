package managed

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestFindPages(t *testing.T) {
	boom := errors.New("throttled")
	cases := []struct {
		reason string
		// next returns the token after page n (0-based); "" ends the list.
		next      func(n int) string
		failAt    int // the page whose call fails, -1 for none
		wantPages int
		wantErr   string
	}{
		{"one page without a token ends at once", func(int) string { return "" }, -1, 1, ""},
		{"pages follow their tokens to the last", func(n int) string {
			if n < 3 {
				return fmt.Sprint("t", n)
			}
			return ""
		}, -1, 4, ""},
		{"a token seen before stops a list that would never end", func(n int) string { return "same" }, -1, 2, `ListBackups returned the page token "same" twice`},
		{"a list longer than the bound stops with an error", func(n int) string { return fmt.Sprint("t", n) }, -1, MaxFindPages, "ListBackups returned more than 100 pages"},
		{"a failed call ends the paging with its error", func(n int) string { return fmt.Sprint("t", n) }, 2, 3, "throttled"},
	}
	for _, c := range cases {
		var tokens []string
		err := FindPages("ListBackups", func(token *string) (*string, error) {
			n := len(tokens)
			if token == nil {
				tokens = append(tokens, "")
			} else {
				tokens = append(tokens, *token)
			}
			if n > 0 && *token != c.next(n-1) {
				t.Errorf("%s: page %d got token %q, want %q", c.reason, n, *token, c.next(n-1))
			}
			if n == c.failAt {
				return nil, boom
			}
			next := c.next(n)
			return &next, nil
		})
		if len(tokens) != c.wantPages {
			t.Errorf("%s: read %d pages, want %d", c.reason, len(tokens), c.wantPages)
		}
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v", c.reason, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want %q", c.reason, err, c.wantErr)
		}
	}
}
