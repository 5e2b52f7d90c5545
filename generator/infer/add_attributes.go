package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addAttributes turns a string map of settings (generator.yaml's
// attributes), which the read returns and the create takes, into a field
// per attribute: SQS keeps a queue's DelaySeconds and Policy in
// Attributes, read by GetQueueAttributes and changed by
// SetQueueAttributes. The map itself leaves the spec; a set that is the
// inferred update stops being the update, since it only changes
// attributes.
func addAttributes(st *state) error {
	for _, w := range st.work {
		if w.resolved() && w.rc.Attributes != nil {
			st.addAttributeMap(w, w.rc.Attributes, w.at.At("attributes"))
		}
	}
	return nil
}

func (st *state) addAttributeMap(w *work, ac *config.Attributes, at config.Key) {
	r := w.r
	a := &model.AttributeMap{Map: firstNonEmpty(ac.Map, "Attributes")}
	read := st.svc.Structs[r.Read.Output]
	if mf := read.FieldByMember(a.Map); mf == nil || !stringMap(mf.Type) {
		st.errorf(at.At("map"), "%s's output has no map of strings %q%s", r.Read.Name, a.Map, config.DidYouMean(a.Map, fieldMembers(read)))
		return
	}
	if !st.attributeNames(r, a, ac, at) || !st.attributeSet(w, a, ac, at) {
		return
	}
	createMap := member(r.Create, a.Map)
	if createMap != nil && !stringMap(createMap.Type) {
		createMap = nil
	}
	for _, name := range keys(ac.Fields) {
		fc := ac.Fields[name]
		if fc == nil {
			fc = &config.AttributeField{}
		}
		f, err := attributeField(r, a, name, fc, createMap != nil)
		if err != nil {
			st.errorf(at.At("fields", name), "%v", err)
			return
		}
		if fc.Default != nil && !f.Updatable {
			st.errorf(at.At("fields", name, "default"), "%s is not updatable, so its default is never sent", name)
			return
		}
		if fc.Default != nil {
			if a.Defaults == nil {
				a.Defaults = map[string]string{}
			}
			a.Defaults[name] = *fc.Default
			f.Reason += fmt.Sprintf("; dropped from the spec, set back to AWS's default %q", *fc.Default)
		}
		if f.Class == model.ClassStatus {
			a.Status = append(a.Status, f)
			if strings.HasSuffix(name, "Arn") {
				a.ARN = name
			}
		} else {
			a.Spec = append(a.Spec, f)
		}
	}
	r.Spec = slices.DeleteFunc(r.Spec, func(f *model.Field) bool { return f.Member == a.Map })
	r.Status = slices.DeleteFunc(r.Status, func(f *model.Field) bool { return f.Member == a.Map })
	r.Spec = append(r.Spec, a.Spec...)
	for _, f := range a.Status {
		if !slices.Contains(r.Status, f) {
			r.Status = append(r.Status, f)
		}
	}
	if r.Update != nil && r.Update.Name == a.Set.Name {
		r.Update = nil
		w.decide("update", "none", "%s only changes attributes, which the attributes set as they differ", a.Set.Name)
	}
	a.Reason = fmt.Sprintf("%s reads %s", r.Read.Name, a.Map)
	if a.Names != "" {
		a.Reason += fmt.Sprintf(", each by name in %s", a.Names)
	}
	if createMap != nil {
		a.Reason += fmt.Sprintf("; %s takes them in %s", r.Create.Name, a.Map)
	}
	if a.SetMap != "" {
		a.Reason += fmt.Sprintf("; %s sets those that changed in one map, %s", a.Set.Name, a.SetMap)
	} else {
		a.Reason += fmt.Sprintf("; %s sets each that changed, one %s and %s per call", a.Set.Name, a.SetName, a.SetValue)
	}
	r.Attributes = a
	w.decide("attributes", fmt.Sprintf("%d fields", len(a.Spec)+len(a.Status)), "%s", a.Reason)
}

// attributeNames finds the read input's list of names to read, and checks
// the attribute names against its enum, where it has one.
func (st *state) attributeNames(r *model.Resource, a *model.AttributeMap, ac *config.Attributes, at config.Key) bool {
	mem := member(r.Read, firstNonEmpty(ac.Names, "AttributeNames"))
	if mem == nil {
		if ac.Names != "" {
			st.errorf(at.At("names"), "%s's input has no member %q%s", r.Read.Name, ac.Names, config.DidYouMean(ac.Names, inputNames(r.Read)))
			return false
		}
		return true
	}
	if t := mem.Type; t.Kind != model.List || (t.Elem.Kind != model.String && t.Elem.Kind != model.Enum) {
		st.errorf(at.At("names"), "%s's %s is not a list of names", r.Read.Name, mem.Name)
		return false
	}
	a.Names = mem.Name
	if mem.Type.Elem.Kind != model.Enum {
		return true
	}
	a.NamesEnum = mem.Type.Elem.Shape
	in := st.m.Shapes[st.ops[r.Read.Name].Input]
	known := enumValues(st.m.Target(st.m.Target(in.MemberByName(mem.Name)).Member))
	if slices.Contains(known, "All") {
		a.All = "All"
	}
	ok := true
	for _, name := range keys(ac.Fields) {
		if len(known) > 0 && !slices.Contains(known, name) {
			st.errorf(at.At("fields", name), "%s is not an attribute %s can read%s", name, r.Read.Name, config.DidYouMean(name, known))
			ok = false
		}
	}
	return ok
}

// attributeSet resolves the set operation: it takes a map of attributes,
// or one name and one value per call (SNS's SetTopicAttributes), and the
// resource's identifiers.
func (st *state) attributeSet(w *work, a *model.AttributeMap, ac *config.Attributes, at config.Key) bool {
	r := w.r
	name := firstNonEmpty(ac.Set, "Set"+r.Name+"Attributes")
	op := st.ops[name]
	if op == nil {
		st.errorf(at.At("set"), "operation %q is not in the model%s", name, config.DidYouMean(name, keys(st.ops)))
		return false
	}
	set, err := st.plainOperation(op)
	if err != nil {
		st.errorf(at.At("set"), "%v", err)
		return false
	}
	a.Set = set
	if mem := member(set, a.Map); mem != nil && stringMap(mem.Type) {
		a.SetMap = mem.Name
	}
	for _, mem := range set.Input {
		switch {
		case a.SetMap != "" || mem.Type.Kind != model.String || slices.Contains(w.ids, mem.Name):
		case strings.HasSuffix(mem.Name, "Name"):
			a.SetName = mem.Name
		case strings.HasSuffix(mem.Name, "Value"):
			a.SetValue = mem.Name
		}
	}
	if a.SetMap == "" && (a.SetName == "" || a.SetValue == "") {
		st.errorf(at.At("set"), "%s takes neither a map of strings %s nor a string …Name and a string …Value", set.Name, a.Map)
		return false
	}
	for _, mem := range set.Input {
		if mem.Required && !slices.Contains([]string{a.SetMap, a.SetName, a.SetValue}, mem.Name) && !slices.Contains(w.ids, mem.Name) && fieldByMember(r, mem.Name) == nil {
			st.errorf(at.At("set"), "%s requires %s, which no field of %s holds", set.Name, mem.Name, r.Kind)
			return false
		}
	}
	return true
}

// attributeField is the string field of one attribute.
func attributeField(r *model.Resource, a *model.AttributeMap, name string, fc *config.AttributeField, created bool) (*model.Field, error) {
	if f := fieldByMember(r, name); f != nil && f.Member != a.Map {
		if fc.ReadOnly && f.Class == model.ClassStatus && f.Type.Kind == model.String {
			// The create's output holds it too (SNS's TopicArn): the read fills it from the map.
			f.Reason += fmt.Sprintf("; read-only attribute in %s", a.Map)
			return f, nil
		}
		return nil, fmt.Errorf("%s already has a %s field %s", r.Kind, f.Class, name)
	}
	f := &model.Field{
		Member: name, SDKName: name, GoName: names.Go(name), JSONName: names.JSON(name),
		Type: &model.Type{Kind: model.String}, ObservedPath: []string{a.Map, name}, Because: fc.Because,
	}
	switch {
	case fc.ReadOnly && fc.CreateOnly:
		return nil, fmt.Errorf("an attribute is readOnly or createOnly, not both")
	case fc.ReadOnly:
		f.Class, f.Reason = model.ClassStatus, fmt.Sprintf("read-only attribute in %s", a.Map)
	case fc.CreateOnly && !created:
		return nil, fmt.Errorf("%s is createOnly, but %s takes no map %s", name, r.Create.Name, a.Map)
	case fc.CreateOnly:
		f.Class, f.CreateOnly = model.ClassCreateOnly, true
		f.Reason = fmt.Sprintf("attribute in %s, sent by %s only", a.Map, r.Create.Name)
	default:
		f.Class, f.Updatable = model.ClassSpec, true
		f.Reason = fmt.Sprintf("attribute in %s, changed by %s", a.Map, a.Set.Name)
	}
	return f, nil
}

// stringMap reports whether t is a map of strings.
func stringMap(t *model.Type) bool { return t.Kind == model.Map && t.Elem.Kind == model.String }

// member finds an operation's input member, nil when op is nil or lacks it.
func member(op *model.Operation, name string) *model.Member {
	if op == nil {
		return nil
	}
	for _, m := range op.Input {
		if m.Name == name {
			return m
		}
	}
	return nil
}

func inputNames(op *model.Operation) []string {
	var out []string
	for _, m := range op.Input {
		out = append(out, m.Name)
	}
	return out
}

func fieldMembers(s *model.Struct) []string {
	var out []string
	for _, f := range s.Fields {
		out = append(out, f.Member)
	}
	return out
}
