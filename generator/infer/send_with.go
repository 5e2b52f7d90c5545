package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// sendWith checks a sub-resource's sendWith: each names a spec field
// that the put's input takes in a member of its name, and no secret; it
// returns what explain says of them.
func (st *state) sendWith(w *work, sr *model.SubResource, sc *config.SubResource, name string, at config.Key) string {
	for _, with := range sc.SendWith {
		f := fieldByMember(w.r, with)
		in := inputMember(sr.Put, with)
		switch {
		case f == nil || f.Class == model.ClassStatus:
			st.errorf(at.At("sendWith"), "sub-resource %s: %s has no spec field %q%s", name, w.r.Kind, with, config.DidYouMean(with, specMembers(w.r)))
			return ""
		case in == nil || with == sr.PutMember:
			st.errorf(at.At("sendWith"), "sub-resource %s: %s takes no member %s besides the value", name, sr.Put.Name, with)
			return ""
		case f.Secret:
			st.errorf(at.At("sendWith"), "sub-resource %s: %s is a secret, which sendWith does not carry", name, with)
			return ""
		}
		sr.SendWith = append(sr.SendWith, with)
	}
	if len(sr.SendWith) == 0 {
		return ""
	}
	return fmt.Sprintf("; %s carries %s too, from the spec", sr.Put.Name, strings.Join(sr.SendWith, ", "))
}
