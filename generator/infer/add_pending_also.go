package infer

import (
	"strconv"

	"github.com/kubesmith/kubesmith/generator/config"
)

// addPendingAlso adds the pending checks generator.yaml's pendingAlso
// names, each checked like pending: against its own status field, so that
// a resource whose read reports a running update apart from its state
// (Lambda's LastUpdateStatus InProgress while State is Active) waits, and
// one whose last update failed turns Terminal.
func addPendingAlso(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for i, p := range w.rc.PendingAlso {
			at := w.at.At("pendingAlso", strconv.Itoa(i))
			if len(p.Gone) > 0 {
				st.errorf(at.At("gone"), "pendingAlso takes no gone: only pending: says when the resource is gone")
				continue
			}
			st.addPending(w, p, at)
		}
	}
	return nil
}

// addPending checks p as configuredPending does, keeping the resource's
// own pending check.
func (st *state) addPending(w *work, p *config.Pending, at config.Key) {
	own := w.r.Pending
	w.r.Pending = nil
	st.configuredPending(w, p, at)
	if w.r.Pending != nil {
		w.r.PendingAlso = append(w.r.PendingAlso, w.r.Pending)
	}
	w.r.Pending = own
}
