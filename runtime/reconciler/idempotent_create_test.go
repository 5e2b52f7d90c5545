package reconciler

import (
	"context"
	"testing"
	"time"
)

// byNameAWS answers a create sent again with the resource the first
// made, as SNS's CreateTopic does for the same name.
type byNameAWS struct{ *idAWS }

func (f byNameAWS) Create(ctx context.Context, w *Widget) error {
	f.mu.Lock()
	made := ""
	for id := range f.resources {
		made = id
	}
	if made != "" {
		f.calls = append(f.calls, "Create")
	}
	f.mu.Unlock()
	if made == "" {
		return f.idAWS.Create(ctx, w)
	}
	w.Status.State = &made
	return nil
}

func TestCreateOnceIdempotent(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := map[string]struct {
		reason     string
		idempotent bool
		creates    int
		cond       string
	}{
		"IdempotentCreatedAgain": {
			reason:     "A create idempotent by its input whose answer was lost is sent again, and AWS answers with what the first made: Ready, with no one's help.",
			idempotent: true, creates: 2, cond: "True/Available",
		},
		"NotIdempotentAsksAPerson": {
			reason:  "Without a name that makes the create idempotent, nothing tells what the lost create made: a person decides.",
			creates: 1, cond: "False/CreateOutcomeUnknown",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fa := byNameAWS{newIDAWS(func() time.Time { return now })}
			fa.createErr = networkError("CreateWidget")
			e := createEnv(t, fa, false, nil, widget())
			e.r.kind.IdempotentCreate = tc.idempotent
			if _, err := e.reconcile(); err == nil {
				t.Fatal("the lost answer was not reported")
			}
			fa.createErr = nil
			for range 2 {
				_, _ = e.reconcile()
			}
			if got := fa.count("Create"); got != tc.creates {
				t.Errorf("%s\n%d creates, want %d: %v", tc.reason, got, tc.creates, fa.calls)
			}
			if len(fa.resources) != 1 {
				t.Errorf("%s\nAWS holds %d resources, want 1", tc.reason, len(fa.resources))
			}
			if got := cond(e.get(), "Ready"); got != tc.cond {
				t.Errorf("%s\nReady = %q, want %q (%s)", tc.reason, got, tc.cond, condMessage(e.get(), "Ready"))
			}
		})
	}
}
