package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// addSubResources adds the spec fields generator.yaml declares under
// subResources:, each owned by its own put, get and delete operations, as
// an S3 bucket's Versioning is by PutBucketVersioning, GetBucketVersioning
// and no delete. Operations not named default to Put/Get/Delete<R><Field>,
// with or without a Configuration suffix; the value is the put input's
// HTTP payload, or its only member that is no field of the resource.
func addSubResources(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.SubResources) {
			st.addSubResource(w, name, w.rc.SubResources[name], w.at.At("subResources", name))
		}
		st.orderSubResources(w)
	}
	return nil
}

// orderSubResources puts each sub-resource after those its after: names,
// keeping the order of names otherwise; the update puts them in this order.
func (st *state) orderSubResources(w *work) {
	byField := map[string]*model.SubResource{}
	for _, sr := range w.r.SubResources {
		byField[sr.Field] = sr
	}
	var ordered []*model.SubResource
	placed, visiting := map[string]bool{}, map[string]bool{}
	var place func(sr *model.SubResource, at config.Key)
	place = func(sr *model.SubResource, at config.Key) {
		if placed[sr.Field] {
			return
		}
		if visiting[sr.Field] {
			st.errorf(at, "sub-resource %s: after: makes a cycle", sr.Field)
			return
		}
		visiting[sr.Field] = true
		for _, dep := range w.rc.SubResources[sr.Field].After {
			if d, ok := byField[dep]; ok {
				place(d, w.at.At("subResources", dep))
			} else {
				st.errorf(at.At("after"), "sub-resource %s: after names %s, which is no sub-resource of %s%s", sr.Field, dep, w.r.Kind, config.DidYouMean(dep, keys(w.rc.SubResources)))
			}
		}
		placed[sr.Field] = true
		ordered = append(ordered, sr)
	}
	for _, sr := range w.r.SubResources {
		place(sr, w.at.At("subResources", sr.Field))
	}
	w.r.SubResources = ordered
}

func (st *state) addSubResource(w *work, name string, sc *config.SubResource, at config.Key) {
	r := w.r
	if sc.Statements != nil {
		st.addStatementCollection(w, name, sc, at)
		return
	}
	taken := st.takeOver(w, name, sc)
	read, ok := st.readWithResource(w, name, sc, at)
	if !ok {
		return
	}
	if taken != nil && sc.Get == "" && sc.ObservedAt == "" && !recordsTakenOver(taken, sc) {
		read = &readBack{path: taken.ObservedPath, observed: st.svc.Structs[r.Read.Output].FieldByMember(name)}
	}
	stem := w.c.Name + name
	if read != nil && !sc.Elements && sc.Changes == nil && read.observed.Type.Kind == model.List && read.observed.Type.Elem.Kind == model.Structure {
		st.addReadCollection(w, name, sc, read, at)
		return
	}
	if sc.Replace != "" || sc.AWSOwned != nil {
		st.errorf(at, "sub-resource %s: replace and awsOwned apply to a collection read with the resource, whose read returns a list of structures", name)
		return
	}
	if sc.List != "" || sc.Key != "" || (sc.Get == "" && st.lookup(stem, "List", "s") != nil) {
		st.addCollection(w, name, sc, at)
		return
	}
	find := func(role, given, prefix string, required bool) *smithy.Shape {
		return st.subOperation(name, stem, role, given, prefix, "", required, at)
	}
	put := find("put", sc.Put, "Put", true)
	var get *smithy.Shape
	if read == nil {
		get = find("get", sc.Get, "Get", false)
	}
	del := find("delete", sc.Delete, "Delete", false)
	if put == nil {
		return
	}
	sr := &model.SubResource{Field: name, Because: sc.Because, ReportsDefault: sc.ReportsDefault}
	if sc.Emulator != nil {
		sr.EmulatorGap = sc.Emulator.Unsupported
	}
	var err error
	if sr.Put, err = st.plainOperation(put); err != nil {
		st.errorf(at, "%v", err)
		return
	}
	putIn := st.m.Shapes[put.Input]
	value, member := st.subValue(w, sr, sc, name, put, putIn, at)
	if value == nil {
		return
	}
	if value = st.reshapeValue(w, sr, sc, name, taken, value, at); value == nil {
		return
	}
	reason := fmt.Sprintf("sub-resource set by %s", put.ID.Name())
	recorded := ""
	if taken != nil && recordsTakenOver(taken, sc) {
		value, recorded = recordedValue(sr, taken)
	}
	if read != nil {
		if !compatibleKinds(value.Type, read.observed.Type) {
			st.errorf(at, "sub-resource %s: %s returns it as %s, but %s takes %s", name, r.Read.Name, model.TypeString(read.observed.Type), put.ID.Name(), model.TypeString(value.Type))
			return
		}
		sr.ReadWithResource = true
		r.Status = slices.DeleteFunc(r.Status, func(f *model.Field) bool { return f == read.status })
		value.ObservedPath = read.path
		reason += fmt.Sprintf(", read back by %s at %s with the rest of the resource, so drift costs no call", r.Read.Name, strings.Join(read.path, "."))
	} else if get != nil {
		if sr.Get, err = st.plainOperation(get); err != nil {
			st.errorf(at, "%v", err)
			return
		}
		if sc.Observed != nil {
			if sr.ObservedPath, sr.Observed, err = st.observedDescription(sr.Get, sc.Observed, value); err != nil {
				st.errorf(at.At("observed"), "sub-resource %s: %v", name, err)
				return
			}
		} else if sr.ObservedPath, err = st.observedIn(get, member, value.Type); err != nil {
			st.errorf(at.At("get"), "sub-resource %s: %v", name, err)
			return
		}
		if sr.ValueMember != "" {
			sr.ObservedPath = append(sr.ObservedPath, sr.ValueMember)
		}
		reason += fmt.Sprintf(", read by %s", get.ID.Name())
		if sr.Observed != nil {
			reason += fmt.Sprintf(" from its description at %s", strings.Join(sr.ObservedPath, "."))
		}
		if args := st.getArgs(w, sr, get, name); len(args) > 0 {
			reason += " with " + strings.Join(args, ", ") + ", only while the spec sets it"
		}
	} else if !sr.Recorded {
		reason += "; no get operation, so drift is not detected"
	}
	reason += wholeInputReason(sr) + reshapeReason(sr, st.svc.Structs[value.Type.Shape]) + recorded
	if del != nil {
		if sr.Delete, err = st.plainOperation(del); err != nil {
			st.errorf(at, "%v", err)
			return
		}
		reason += fmt.Sprintf(", removed by %s", del.ID.Name())
	}
	if sc.Elements {
		more, ok := st.elementSet(sr, value, name, at)
		if !ok {
			return
		}
		reason += more
	}
	if sr.ReportsDefault {
		reason += "; AWS reports a default when it is unset, so leaving it out of the spec removes nothing"
	}
	if taken != nil {
		reason += fmt.Sprintf("; sent by %s too, which takes it, so the put changes it only after", r.Create.Name)
	}
	if sr.Get != nil && !sr.ReadWithResource {
		reason += "; read only while the spec sets it"
		if sr.Delete != nil && !sr.ReportsDefault {
			reason += " or, dropped from it, until the delete is done"
		}
	}
	if len(sc.After) > 0 {
		reason += "; put after " + strings.Join(sc.After, ", ")
	}
	if sr.EmulatorGap != "" {
		reason += "; the test emulator does not implement it: " + sr.EmulatorGap
	}
	for _, op := range []*model.Operation{sr.Put, sr.Get, sr.Delete} {
		if op == nil {
			continue
		}
		for _, mem := range op.Input {
			if mem.Required && !sr.WholeInput && mem.Name != sr.PutMember && fieldByMember(r, mem.Name) == nil && !isIdentifier(r, mem.Name) && (op != sr.Get || !isGetArg(sr, mem.Name)) {
				st.problem(w, at, "sub-resource %s: %s requires %s, which no spec or status field holds", name, op.Name, mem.Name)
			}
		}
	}
	f := *value
	f.Member, f.GoName, f.JSONName = name, names.Go(name), names.JSON(name)
	f.Class, f.Required, f.SubResource, f.Because = model.ClassSpec, taken != nil && taken.Required, sr, sc.Because
	f.Reason = reason
	r.Spec = append(r.Spec, &f)
	r.SubResources = append(r.SubResources, sr)
}

// subOperation finds a sub-resource's operation of a role: the one
// generator.yaml names, else the first of candidates the model has.
func (st *state) subOperation(name, stem, role, given, prefix, suffix string, required bool, at config.Key) *smithy.Shape {
	if given != "" {
		if op := st.ops[given]; op != nil {
			return op
		}
		st.errorf(at.At(role), "%s operation %q is not in the model%s", role, given, config.DidYouMean(given, keys(st.ops)))
		return nil
	}
	if op := st.lookup(stem, prefix, suffix); op != nil {
		return op
	}
	if required {
		tried := candidates(stem, prefix, suffix)
		st.errorf(at, "sub-resource %s: no %s operation %s%s; name it with %s:", name, role, strings.Join(tried, " or "), config.DidYouMean(tried[0], keys(st.ops)), role)
	}
	return nil
}

// lookup returns the first of the candidate operations the model has.
func (st *state) lookup(stem, prefix, suffix string) *smithy.Shape {
	for _, n := range candidates(stem, prefix, suffix) {
		if op := st.ops[n]; op != nil {
			return op
		}
	}
	return nil
}

// candidates are the regular names of a sub-resource's operation:
// <prefix><stem><suffix>, with or without a Configuration before the
// suffix (or, for a stem ending in Configuration, without it). A plural
// stem (WidgetRules) also stands for its singular where there is no
// suffix (PutWidgetRule), and takes no second plural (ListWidgetRules).
func candidates(stem, prefix, suffix string) []string {
	tried := []string{prefix + stem + suffix, prefix + stem + "Configuration" + suffix}
	if trimmed, ok := strings.CutSuffix(stem, "Configuration"); ok {
		tried = append(tried, prefix+trimmed+suffix)
	}
	if singular, ok := strings.CutSuffix(stem, "s"); ok {
		if suffix == "s" {
			tried = append(tried, prefix+stem)
		} else if suffix == "" {
			tried = append(tried, prefix+singular)
		}
	}
	return tried
}

// plainOperation resolves an operation whose whole output is of interest.
func (st *state) plainOperation(op *smithy.Shape) (*model.Operation, error) {
	o := &model.Operation{Name: op.ID.Name()}
	if err := st.inputs(op, o); err != nil {
		return nil, err
	}
	if out, ok := st.m.Shape(op.Output); ok {
		s, err := st.typer.structure(out)
		if err != nil {
			return nil, err
		}
		s.TopLevel, s.SDKType, o.Output = true, o.Name+"Output", s.Shape
	}
	return o, nil
}

// valueMember finds the put input member that holds a sub-resource's
// value.
func (st *state) valueMember(w *work, putIn *smithy.Shape, given string, at config.Key) *smithy.Member {
	var names []string
	for _, mem := range putIn.Members {
		names = append(names, mem.Name)
	}
	if given != "" {
		if mem := putIn.MemberByName(given); mem != nil {
			return mem
		}
		st.errorf(at.At("member"), "%s has no member %q%s", putIn.ID.Name(), given, config.DidYouMean(given, names))
		return nil
	}
	var others []*smithy.Member
	for _, mem := range putIn.Members {
		if mem.Traits.HTTPPayload {
			return mem
		}
		if fieldByMember(w.r, mem.Name) == nil && !isIdentifier(w.r, mem.Name) && !mem.Traits.IdempotencyToken {
			others = append(others, mem)
		}
	}
	if len(others) == 1 {
		return others[0]
	}
	st.errorf(at, "cannot tell which member of %s holds the value (%s); name it with member:", putIn.ID.Name(), strings.Join(names, ", "))
	return nil
}

// observedIn finds a sub-resource's value in its get output: a member of
// the put member's name, else the output itself when it shares members
// with the value's structure.
func (st *state) observedIn(get *smithy.Shape, member string, t *model.Type) ([]string, error) {
	out, ok := st.m.Shape(get.Output)
	if !ok {
		return nil, fmt.Errorf("%s has no output", get.ID.Name())
	}
	if out.MemberByName(member) != nil {
		return []string{member}, nil
	}
	if t.Kind == model.Structure {
		if value := st.svc.Structs[t.Shape]; value != nil {
			for _, f := range value.Fields {
				if out.MemberByName(f.Member) != nil {
					return []string{}, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("%s output has no member %s, nor the members of its type", get.ID.Name(), member)
}

// readBack is where the resource's own read returns a sub-resource's
// value: status is the status field it replaces, if any.
type readBack struct {
	path             []string
	observed, status *model.Field
}

// readWithResource finds where the resource's read returns a sub-resource
// that has no get: at the path observedAt gives, or in the status field
// of its name, when it is a top-level read output member and no
// identifier (EC2's ModifySubnetAttribute sets MapPublicIpOnLaunch, which
// DescribeSubnets returns with the subnet). It is nil for a sub-resource
// with operations of its own to read it; ok is false after an error.
func (st *state) readWithResource(w *work, name string, sc *config.SubResource, at config.Key) (*readBack, bool) {
	r := w.r
	out := st.svc.Structs[r.Read.Output]
	status := fieldByMember(r, name)
	own := sc.Get != "" || sc.List != "" || sc.Key != ""
	if sc.ObservedAt != "" {
		if own {
			st.errorf(at.At("observedAt"), "sub-resource %s: observedAt reads it with the resource, so it takes no get, list or key", name)
			return nil, false
		}
		if status != nil {
			st.errorf(at, "%s already has a %s field %s", r.Kind, status.Class, name)
			return nil, false
		}
		path := strings.Split(sc.ObservedAt, ".")
		f, err := st.walkPath(out, path)
		if err != nil {
			st.errorf(at.At("observedAt"), "sub-resource %s: %v", name, err)
			return nil, false
		}
		return &readBack{path: path, observed: f}, true
	}
	if status == nil {
		return nil, true
	}
	if own || status.Class != model.ClassStatus || status.From != nil || out.FieldByMember(name) == nil || isIdentifier(r, name) || isIdentifierField(r, name) {
		st.errorf(at, "%s already has a %s field %s", r.Kind, status.Class, name)
		return nil, false
	}
	return &readBack{path: []string{name}, observed: out.FieldByMember(name), status: status}, true
}
