package infer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inferPending sets the status values that mean AWS is still working on
// the resource, so the controller requeues instead of calling it synced:
// generator.yaml's pending, else what the read operation's waiters say,
// else the values ending in -ING or IN_PROGRESS (CREATING,
// UPDATE_IN_PROGRESS) of an enum status field named Status or
// <Resource>Status.
func inferPending(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		if p := w.rc.Pending; p != nil {
			st.configuredPending(w, p, w.at.At("pending"))
			continue
		}
		if p := st.waiterPending(w); p != nil {
			w.r.Pending = p
			at := strings.Join(append([]string{p.Field}, p.Path...), ".")
			w.decide("pending", fmt.Sprintf("%s in %s", at, strings.Join(p.Values, ", ")), "%s", p.Reason)
			continue
		}
		for _, name := range []string{w.c.Name + "Status", w.c.Kind + "Status", "Status"} {
			f := statusFieldFold(w.r, name)
			if f == nil || f.Type.Kind != model.Enum {
				continue
			}
			var values []string
			for _, v := range st.enumValues(w, f) {
				if working(v) {
					values = append(values, v)
				}
			}
			if len(values) == 0 {
				continue
			}
			reason := fmt.Sprintf("the values of %s that say AWS is working (-ING, IN_PROGRESS)", f.Member)
			w.r.Pending = &model.Pending{Field: f.Member, Values: values, Reason: reason}
			w.decide("pending", fmt.Sprintf("%s in %s", f.Member, strings.Join(values, ", ")), "%s", reason)
			break
		}
	}
	return nil
}

// waiterPending reads the read operation's waiters (smithy.waiters#waitable,
// which the AWS JSON reader makes of waiters-2.json): a waiter's acceptors
// name a status field and the values that mean done (success), failed
// and still working (retry). Pending are the retry values, and the other
// values of the field, from its enum or the acceptors, that say AWS is
// working (-ING, IN_PROGRESS, PENDING) and no waiter calls done: a
// RUNNING that a waiter waits for is done, not pending. The field is one
// of the resource description, or a member inside it (an instance's
// State.Name).
func (st *state) waiterPending(w *work) *model.Pending {
	op := st.ops[w.r.Read.Name]
	if op == nil {
		return nil
	}
	type states struct {
		waiters                []string
		done, retry, mentioned []string
	}
	byField := map[string]*states{}
	var fields []string
	paths := map[string][]string{}
	for _, wt := range op.Traits.Waiters {
		for _, a := range wt.Acceptors {
			f, path := st.waiterField(w, a)
			if f == "" {
				continue
			}
			// A field and the path into it, "State.Name"
			key := strings.Join(append([]string{f}, path...), ".")
			s := byField[key]
			if s == nil {
				s = &states{}
				byField[key] = s
				fields = append(fields, key)
				paths[key] = path
			}
			if !slices.Contains(s.waiters, wt.Name) {
				s.waiters = append(s.waiters, wt.Name)
			}
			s.mentioned = append(s.mentioned, a.Expected)
			switch a.State {
			case "success":
				s.done = append(s.done, a.Expected)
			case "retry":
				s.retry = append(s.retry, a.Expected)
			}
		}
	}
	for _, key := range fields {
		s := byField[key]
		f, path := strings.Split(key, ".")[0], paths[key]
		values := slices.Clone(s.retry)
		for _, v := range slices.Concat(st.leafEnum(w, f, path), s.mentioned) {
			if transitional(v) && !slices.Contains(s.done, v) && !slices.Contains(values, v) {
				values = append(values, v)
			}
		}
		if len(values) == 0 {
			continue
		}
		reason := fmt.Sprintf("%s waiter %s: done at %s; pending are the values that say AWS is working",
			w.r.Read.Name, strings.Join(s.waiters, ", "), strings.Join(slices.Compact(slices.Sorted(slices.Values(s.done))), ", "))
		return &model.Pending{Field: f, Path: path, Values: values, Reason: reason}
	}
	return nil
}

// leafEnum is the enum of the member path leads to from a status field,
// or of the field itself.
func (st *state) leafEnum(w *work, field string, path []string) []string {
	if len(path) == 0 {
		return st.enumValues(w, statusField(w.r, field))
	}
	leaf, err := st.walkPath(st.svc.Structs[w.r.Read.Output], append([]string{field}, path...))
	if err != nil {
		return nil
	}
	return leaf.Validation.Enum
}

// transitional reports whether a status value a waiter knows says AWS is
// at work: a word of it ends in -ING (resetting-master-credentials) or is
// PENDING, or it ends in IN_PROGRESS.
func transitional(v string) bool {
	words := strings.FieldsFunc(strings.ToUpper(v), func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	return working(v) || slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(w, "ING") || w == "PENDING" })
}

// waiterField is the status field an acceptor compares with a string, by
// member name, and the path from it to the member holding the value, or
// "": the acceptor's path must be the field, or the read's way to the
// resource and then the field ("Table.TableStatus", "Vpcs[].State",
// "Reservations[].Instances[].State.Name"), then structure members down
// to a string.
func (st *state) waiterField(w *work, a smithy.Acceptor) (string, []string) {
	if a.Path == "" || !strings.Contains(strings.ToLower(a.Comparator), "string") || strings.ContainsAny(a.Path, "()?|&=<> ") {
		return "", nil
	}
	parts := strings.Split(strings.ReplaceAll(a.Path, "[]", ""), ".")
	at := 0
	if len(parts) > 1 {
		at = 1 // one member holding the resource, as before groups
	}
	if way := readWay(w.r.Read); len(way) > 1 && len(parts) > len(way) && slices.Equal(parts[:len(way)], way) {
		at = len(way)
	}
	f := statusField(w.r, parts[at])
	if f == nil {
		return "", nil
	}
	path := parts[at+1:]
	if len(path) > 0 {
		leaf, err := st.walkPath(st.svc.Structs[w.r.Read.Output], parts[at:])
		if err != nil || leaf.Type.Kind != model.String && leaf.Type.Kind != model.Enum {
			return "", nil
		}
	}
	return f.Member, path
}

// readWay is the member path from the read's output to the resource: its
// output path, and the group's list.
func readWay(op *model.Operation) []string {
	way := slices.Clone(op.OutputPath)
	if op.Grouped != "" {
		way = append(way, op.Grouped)
	}
	return way
}

func (st *state) configuredPending(w *work, p *config.Pending, at config.Key) {
	path := strings.Split(p.Field, ".")
	f := statusField(w.r, path[0])
	if f == nil {
		var known []string
		for _, f := range w.r.Status {
			known = append(known, f.Member)
		}
		st.errorf(at.At("field"), "pending field %q is not a status field of %s%s", path[0], w.r.Kind, config.DidYouMean(path[0], known))
		return
	}
	enum := st.enumValues(w, f)
	if len(path) > 1 {
		leaf, err := st.walkPath(st.svc.Structs[w.r.Read.Output], path)
		if err != nil {
			st.errorf(at.At("field"), "%v", err)
			return
		}
		enum = leaf.Validation.Enum
	}
	if len(enum) > 0 {
		for key, values := range map[string][]string{"values": p.Values, "gone": p.Gone, "failed": p.Failed} {
			for i, v := range values {
				// Case aside: EC2 reports VpcEndpoint's PendingAcceptance as pendingAcceptance.
				if !slices.ContainsFunc(enum, func(e string) bool { return strings.EqualFold(e, v) }) {
					st.errorf(at.At(key, strconv.Itoa(i)), "%s has no value %q%s", f.Member, v, config.DidYouMean(v, enum))
				}
			}
		}
	}
	reason := "pending in generator.yaml"
	if p.Because != "" {
		reason += ": " + p.Because
	}
	w.r.Pending = &model.Pending{Field: path[0], Path: path[1:], Values: p.Values, Gone: p.Gone, Failed: p.Failed, Reason: reason}
	w.decide("pending", fmt.Sprintf("%s in %s", p.Field, strings.Join(p.Values, ", ")), "%s", reason)
	if len(p.Gone) > 0 {
		w.decide("gone", fmt.Sprintf("%s in %s", p.Field, strings.Join(p.Gone, ", ")), "%s", reason)
	}
	if len(p.Failed) > 0 {
		w.decide("failed", fmt.Sprintf("%s in %s", p.Field, strings.Join(p.Failed, ", ")), "%s; Terminal until the spec changes", reason)
	}
}

func statusField(r *model.Resource, member string) *model.Field {
	for _, f := range r.Status {
		if f.Member == member {
			return f
		}
	}
	return nil
}

// enumValues are the values of an enum status field, which status fields
// do not carry as validation: they come from the output shapes.
func (st *state) enumValues(w *work, f *model.Field) []string {
	for _, shape := range []string{w.r.Read.Output, w.r.Create.Output} {
		if s := st.svc.Structs[shape]; s != nil {
			if sf := s.FieldByMember(f.Member); sf != nil {
				return sf.Validation.Enum
			}
		}
	}
	return nil
}

// statusFieldFold finds a status field by member name in any case, as
// REST-JSON models write "status".
func statusFieldFold(r *model.Resource, member string) *model.Field {
	for _, f := range r.Status {
		if strings.EqualFold(f.Member, member) {
			return f
		}
	}
	return nil
}

// working reports whether a status value says AWS is still at work.
func working(v string) bool {
	v = strings.ToUpper(v)
	return strings.HasSuffix(v, "ING") || strings.HasSuffix(v, "IN_PROGRESS") || strings.HasSuffix(v, "INPROGRESS")
}
