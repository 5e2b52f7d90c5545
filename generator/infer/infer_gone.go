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
// waits for deletion (its name ends in Deleted) is done at. The runtime
// takes such a resource as gone, so a delete completes and a create is not
// blocked by a tombstone.
func inferGone(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		op := st.ops[w.r.Read.Name]
		if op == nil {
			continue
		}
		for _, wt := range op.Traits.Waiters {
			if !strings.HasSuffix(wt.Name, "Deleted") {
				continue
			}
			g := &model.Pending{}
			for _, a := range wt.Acceptors {
				f := waiterField(w.r, a)
				if a.State != "success" || f == "" || (g.Field != "" && f != g.Field) {
					continue
				}
				g.Field = f
				if !slices.Contains(g.Values, a.Expected) {
					g.Values = append(g.Values, a.Expected)
				}
			}
			if g.Field == "" {
				continue
			}
			g.Reason = fmt.Sprintf("%s waiter %s is done at %s: a resource the read returns so is gone", w.r.Read.Name, wt.Name, strings.Join(g.Values, ", "))
			w.r.Gone = g
			w.decide("gone", fmt.Sprintf("%s in %s", g.Field, strings.Join(g.Values, ", ")), "%s", g.Reason)
			break
		}
	}
	return nil
}
