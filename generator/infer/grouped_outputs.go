package infer

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// This file finds resources an output holds one level further down than a
// description or a list of them: in a list of groups (DescribeInstances
// lists Reservations, each listing Instances), or as the one element of a
// list (RunInstances returns a Reservation whose Instances hold the
// instance it made).

// group finds, in elem, the element of a listing that has none of the
// identifiers ids, the list of structures whose elements have one:
// a Reservation has no InstanceId, and its Instances do. Nil when elem
// is the resource.
func (st *state) group(elem *smithy.Shape, ids []string) (*smithy.Member, *smithy.Shape) {
	if hasAny(elem, ids) {
		return nil, nil
	}
	for _, mem := range elem.Members {
		list := st.m.Target(mem)
		if list.Type != smithy.TypeList && list.Type != smithy.TypeSet {
			continue
		}
		if e := st.m.Target(list.Member); e.Type == smithy.TypeStructure && hasAny(e, ids) {
			return mem, e
		}
	}
	return nil, nil
}

func hasAny(s *smithy.Shape, members []string) bool {
	for _, m := range members {
		if s.MemberByName(m) != nil {
			return true
		}
	}
	return false
}

// groupListing makes o, a read that lists, lead on through each listed
// group's list to the resources, where the listed elements are groups.
func (st *state) groupListing(w *work, o *model.Operation, op *smithy.Shape, createIn *smithy.Shape, ids []string) error {
	_, elem := st.listMember(op, createIn)
	if elem == nil {
		return nil
	}
	items, inner := st.group(elem, ids)
	if items == nil {
		return nil
	}
	s, err := st.typer.structure(inner)
	if err != nil {
		return err
	}
	o.Grouped, o.GroupShape, o.Output = sdkFieldName(items.Name), st.typer.sdkName(elem.ID), s.Shape
	w.decide("read output", o.OutputPath[0]+"[]."+o.Grouped+"[]", "%s lists %s structures, which hold no identifier (%s); each lists the resources in %s",
		o.Name, o.GroupShape, strings.Join(ids, ", "), o.Grouped)
	return nil
}

// firstOfList points a create's output at the list holding the resource
// as the read describes it, where the output is no description itself:
// RunInstances' Instances, of which the one instance made is the first.
func (st *state) firstOfList(w *work, out *smithy.Shape) (bool, error) {
	for _, mem := range out.Members {
		list := st.m.Target(mem)
		if list.Type != smithy.TypeList && list.Type != smithy.TypeSet {
			continue
		}
		elem := st.m.Target(list.Member)
		if elem.Type != smithy.TypeStructure {
			continue
		}
		s, err := st.typer.structure(elem)
		if err != nil {
			return false, err
		}
		if s.Shape == w.r.Read.Output {
			c := w.r.Create
			c.Output, c.OutputPath, c.First = s.Shape, []string{sdkFieldName(mem.Name)}, true
			w.decide("create output", c.OutputPath[0]+"[0]", "%s describes no %s but lists them in %s; the one it made is the first", c.Name, s.Shape, c.OutputPath[0])
			return true, nil
		}
	}
	return false, nil
}
