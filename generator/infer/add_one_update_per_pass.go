package infer

import (
	"strings"
)

// addOneUpdatePerPass marks the resources whose sub-resource puts go one
// per pass (EKS's UpdateClusterConfig and UpdateClusterVersion). It needs
// a pending check: without one the next pass could not tell that AWS is
// still applying the last update, and would send the next into a refusal.
func addOneUpdatePerPass(st *state) error {
	for _, w := range st.work {
		if !w.resolved() || w.rc == nil || !w.rc.OneUpdatePerPass {
			continue
		}
		at := w.at.At("oneUpdatePerPass")
		if w.r.Pending == nil || len(w.r.Pending.Values) == 0 {
			st.errorf(at, "oneUpdatePerPass: %s has no pending check to wait on between updates; give pending:", w.r.Kind)
			continue
		}
		var puts []string
		for _, sub := range w.r.SubResources {
			if sub.Put != nil {
				puts = append(puts, sub.Field+" by "+sub.Put.Name)
			}
		}
		if len(puts) == 0 {
			st.errorf(at, "oneUpdatePerPass: %s has no sub-resource with a put", w.r.Kind)
			continue
		}
		w.r.OneUpdatePerPass = true
		w.decide("one update per pass", strings.Join(puts, ", "),
			"each pass sends the first that differs and stops; the next waits while %s is %s, then sends the next",
			w.r.Pending.Field, strings.Join(w.r.Pending.Values, " or "))
	}
	return nil
}
