package infer

import (
	"strconv"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// inferGoneWhenSet checks the status fields goneWhenSet names: a read that
// still returns a deleted resource (DescribeSecret, until the recovery
// window ends) says so by setting one of them (DeletedDate).
func inferGoneWhenSet(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for i, member := range w.rc.GoneWhenSet {
			if f := fieldByMember(w.r, member); f == nil || f.Class != model.ClassStatus {
				var names []string
				for _, s := range w.r.Status {
					names = append(names, s.Member)
				}
				msg := w.r.Kind + " has no status field " + member
				if s := config.Suggest(member, names); s != "" {
					msg += " (did you mean " + s + "?)"
				}
				st.errorf(w.at.At("goneWhenSet", strconv.Itoa(i)), "%s", msg)
				continue
			}
			w.r.GoneWhenSet = append(w.r.GoneWhenSet, member)
			w.decide("gone", member+" set", "goneWhenSet in generator.yaml: the read still returns the resource, but it is gone")
		}
	}
	return nil
}
