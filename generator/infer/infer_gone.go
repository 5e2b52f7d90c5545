package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// inferGone finds the status values that mean the resource is deleted
// although the read still returns it, as DescribeNatGateways lists a
// deleted NAT gateway for an hour: the values a waiter of the read that
// waits for deletion (its name ends in Deleted, or Terminated, as EC2's
// InstanceTerminated) is done at. The runtime
// takes such a resource as gone, so a delete completes and a create is not
// blocked by a tombstone. They join the pending check's field (pending:
// gone in generator.yaml wins); a waiter on another field is left out.
func inferGone(st *state) error {
	for _, w := range st.work {
		if !w.resolved() || (w.r.Pending != nil && len(w.r.Pending.Gone) > 0) {
			continue
		}
		op := st.ops[w.r.Read.Name]
		if op == nil {
			continue
		}
		for _, wt := range op.Traits.Waiters {
			if !strings.HasSuffix(wt.Name, "Deleted") && !strings.HasSuffix(wt.Name, "Terminated") {
				continue
			}
			g := &model.Pending{}
			for _, a := range wt.Acceptors {
				f, path := st.waiterField(w, a)
				if a.State != "success" || f == "" || (g.Field != "" && (f != g.Field || !slices.Equal(path, g.Path))) {
					continue
				}
				g.Field, g.Path = f, path
				if !slices.Contains(g.Values, a.Expected) {
					g.Values = append(g.Values, a.Expected)
				}
			}
			if g.Field == "" {
				continue
			}
			g.Reason = fmt.Sprintf("%s waiter %s is done at %s: a resource the read returns so is gone", w.r.Read.Name, wt.Name, strings.Join(g.Values, ", "))
			p := w.r.Pending
			at := strings.Join(append([]string{g.Field}, g.Path...), ".")
			if p != nil && (p.Field != g.Field || !slices.Equal(p.Path, g.Path)) {
				w.decide("gone", "none", "%s, but the pending check reads %s", g.Reason, strings.Join(append([]string{p.Field}, p.Path...), "."))
				break
			}
			if p == nil {
				p = &model.Pending{Field: g.Field, Path: g.Path, Reason: g.Reason}
				w.r.Pending = p
			}
			p.Gone = g.Values
			w.decide("gone", fmt.Sprintf("%s in %s", at, strings.Join(g.Values, ", ")), "%s", g.Reason)
			break
		}
	}
	return nil
}
