package infer

import (
	"fmt"
	"slices"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addPutCompanions ties to a sub-resource the spec fields its sendWith:
// names: input members that its put takes too (ECR's
// PutImageTagMutability takes the exclusion filters beside the
// mutability). Each is sent with every put, so a put never clears it.
// A create-only one stops being so: a change of it sends the put. One
// that is a sub-resource of its own is only carried (EKS's version and
// releaseVersion go together in UpdateNodegroupVersion).
func addPutCompanions(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.SubResources) {
			c := w.rc.SubResources[name]
			if c == nil || len(c.SendWith) == 0 {
				continue
			}
			sr := subResourceOf(w.r, name)
			if sr == nil {
				continue // its own error was reported
			}
			at := w.at.At("subResources", name, "sendWith")
			for _, member := range c.SendWith {
				if err := st.putCompanion(w.r, sr, member); err != nil {
					st.errorf(at, "%v", err)
				}
			}
		}
	}
	return nil
}

func (st *state) putCompanion(r *model.Resource, sr *model.SubResource, member string) error {
	f := fieldByMember(r, member)
	switch {
	case f == nil || !slices.Contains(r.Spec, f):
		return fmt.Errorf("%s has no spec field %s%s", r.Kind, member, config.DidYouMean(member, specMembers(r)))
	case f.Secret:
		return fmt.Errorf("%s is a secret, which sendWith does not carry", member)
	case f.Member == sr.PutMember:
		return fmt.Errorf("%s is the put's value itself", member)
	case sr.WholeInput || sr.PutMember == "":
		return fmt.Errorf("%s's value is its whole input; with: needs a put member", sr.Put.Name)
	}
	in := inputMember(sr.Put, member)
	if in == nil || !compatibleKinds(f.Type, in.Type) {
		return fmt.Errorf("%s takes no member %s of %s's type%s", sr.Put.Name, member, f.JSONName, config.DidYouMean(member, inputNames(sr.Put)))
	}
	sr.With = append(sr.With, f)
	if f.SubResource != nil {
		f.Reason += fmt.Sprintf("; carried by every %s of %s", sr.Put.Name, sr.Field)
		return nil
	}
	f.CreateOnly, f.Updatable, f.Class = false, true, model.ClassSpec
	f.Reason += fmt.Sprintf("; sent with %s by every put of %s, so a change of it sends the put", sr.Put.Name, sr.Field)
	return nil
}

// subResourceOf is r's sub-resource of the field member, nil for none.
func subResourceOf(r *model.Resource, member string) *model.SubResource {
	for _, sr := range r.SubResources {
		if sr.Field == member {
			return sr
		}
	}
	return nil
}
