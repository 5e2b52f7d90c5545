package smithy

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// maxReported bounds how many problems one error lists.
const maxReported = 5

// validate checks that every reference resolves to a shape of a fitting type
// and that aggregate shapes have the members their type needs. Problems are
// reported in file order.
func (r *resolver) validate() error {
	var errs []*Error
	report := func(pos int, s *Shape, member, format string, args ...any) {
		e := newError(r.file, r.data, pos, fmt.Sprintf(format, args...))
		e.Shape, e.Member = s.ID, member
		errs = append(errs, e)
	}
	check := func(s *Shape, what string, target ShapeID, want ShapeType) {
		switch t := r.m.Shapes[target]; {
		case t == nil:
			report(s.pos, s, "", "%s %q not found", what, target)
		case t.Type != want:
			report(s.pos, s, "", "%s %q is %s, not %s", what, target, article(t.Type), article(want))
		}
	}
	checkMember := func(s *Shape, mem *Member) {
		switch t := r.m.Shapes[mem.Target]; {
		case t == nil:
			report(mem.pos, s, mem.Name, "target %q not found", mem.Target)
		case t.Type == TypeOperation || t.Type == TypeResource || t.Type == TypeService:
			report(mem.pos, s, mem.Name, "target %q is %s, which members cannot target", mem.Target, article(t.Type))
		}
		if s.Type == TypeEnum || s.Type == TypeIntEnum {
			checkEnumMember(s, mem, report)
		}
	}
	checkAll := func(s *Shape, what string, targets []ShapeID, want ShapeType) {
		for _, id := range targets {
			check(s, what, id, want)
		}
	}

	for _, s := range r.m.Shapes {
		if s.pos < 0 {
			continue // prelude
		}
		switch s.Type {
		case TypeList, TypeSet:
			if s.Member == nil {
				report(s.pos, s, "", "%s needs a member", article(s.Type))
			}
		case TypeMap:
			if s.Key == nil || s.Value == nil {
				report(s.pos, s, "", "a map needs a key and a value")
			}
		case TypeUnion, TypeEnum, TypeIntEnum:
			if len(s.Members) == 0 && !s.Traits.Mixin {
				report(s.pos, s, "", "%s needs at least one member", article(s.Type))
			}
		case TypeOperation:
			if s.Input != "" {
				check(s, "input", s.Input, TypeStructure)
			}
			if s.Output != "" {
				check(s, "output", s.Output, TypeStructure)
			}
			checkAll(s, "error", s.Errors, TypeStructure)
		case TypeService:
			checkAll(s, "operation", s.Operations, TypeOperation)
			checkAll(s, "resource", s.Resources, TypeResource)
			checkAll(s, "error", s.Errors, TypeStructure)
		case TypeResource:
			for _, b := range slices.Concat(s.Identifiers, s.Properties) {
				if r.m.Shapes[b.Target] == nil {
					report(s.pos, s, "", "%q targets %q, which is not found", b.Name, b.Target)
				}
			}
			for _, id := range []ShapeID{s.Create, s.Put, s.Read, s.Update, s.Delete, s.List} {
				if id != "" {
					check(s, "lifecycle operation", id, TypeOperation)
				}
			}
			checkAll(s, "operation", s.Operations, TypeOperation)
			checkAll(s, "operation", s.CollectionOperations, TypeOperation)
			checkAll(s, "resource", s.Resources, TypeResource)
		}
		for _, mem := range s.Members {
			checkMember(s, mem)
		}
		for _, mem := range []*Member{s.Member, s.Key, s.Value} {
			if mem != nil {
				checkMember(s, mem)
			}
		}
	}

	if len(errs) == 0 {
		return nil
	}
	slices.SortFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Error(), b.Error()))
	})
	if len(errs) == 1 {
		return errs[0]
	}
	var joined []error
	for _, e := range errs[:min(len(errs), maxReported)] {
		joined = append(joined, e)
	}
	if len(errs) > maxReported {
		joined = append(joined, fmt.Errorf("%s: and %d more problems", r.file, len(errs)-maxReported))
	}
	return errors.Join(joined...)
}

// checkEnumMember checks that an enum member targets Unit and has a value of the enum's kind.
func checkEnumMember(s *Shape, mem *Member, report func(int, *Shape, string, string, ...any)) {
	if mem.Target != unitID {
		report(mem.pos, s, mem.Name, "%s members must target %s, not %q", s.Type, unitID, mem.Target)
	}
	if s.Type == TypeEnum {
		if _, ok := mem.Traits.EnumString(); !ok {
			report(mem.pos, s, mem.Name, "enum members need a string @enumValue, not %s", orNone(mem.Traits.EnumValue))
		}
	} else if _, ok := mem.Traits.EnumInt(); !ok {
		report(mem.pos, s, mem.Name, "intEnum members need an integer @enumValue, not %s", orNone(mem.Traits.EnumValue))
	}
}

func orNone(v []byte) string {
	if len(v) == 0 {
		return "none"
	}
	return string(v)
}

// article prefixes a shape type with "a" or "an".
func article(t ShapeType) string {
	switch t[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + string(t)
	}
	return "a " + string(t)
}
