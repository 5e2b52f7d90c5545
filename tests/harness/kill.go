package harness

import (
	"sync"
	"testing"
)

// Killed says whether a kill the test arranged happened.
type Killed func() bool

// StartKilledAfter runs the test's controller behind a call hook that
// kills it, and starts it again as a Deployment would, right after AWS
// answered the first call of op and before the controller heard the
// answer: the crash between a create call and the status write that
// records what it made. Killed tells whether that moment came.
func (s *Suite) StartKilledAfter(t *testing.T, o ControllerOptions, op string) (*Env, Killed) {
	t.Helper()
	var (
		mu     sync.Mutex
		e      *Env
		killed bool
	)
	hook := StartCallHook(t, s.Moto.Endpoint(), func(called string) bool {
		mu.Lock()
		defer mu.Unlock()
		if called != op || killed {
			return true
		}
		killed = true
		e.KillAndRestart()
		return false
	})
	o.Endpoint = hook.URL()
	mu.Lock()
	defer mu.Unlock()
	e = s.StartController(t, o)
	return e, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return killed
	}
}
