package compare

import "reflect"

// A set of elements is a list AWS keeps as a set of independent entries
// that it may regroup: EC2 stores a security group's rules one per
// protocol, ports and source, and answers with them grouped its own way
// (one rule with two CIDR ranges, where the spec wrote two rules). Both
// sides are compared in a normal form: an element whose list members hold
// several entries becomes one element per entry.

// Elements is what makes observed equal desired: the desired elements
// observed lacks, to add, and the observed ones desired lacks, to
// remove, both in normal form. A desired element leaving a member unset
// has no opinion on it (AWS fills a rule's source account in), so it
// matches any observed element that agrees on the members it sets. Nil
// desired is the empty set; the caller decides whether an unset field is
// compared at all.
func Elements[T any](desired, observed []T) (add, remove []T) {
	des, obs := Normalize(desired), Normalize(observed)
	for _, d := range des {
		if !matchesAny(d, obs, false) {
			add = append(add, d)
		}
	}
	for _, o := range obs {
		if !matchesAny(o, des, true) {
			remove = append(remove, o)
		}
	}
	return add, remove
}

// Normalize splits each element whose list members hold more than one
// entry in all into one element per entry, each with that one entry and
// the element's other members, and drops repeats.
func Normalize[T any](elems []T) []T {
	var out []T
	for _, e := range elems {
		for _, part := range split(e) {
			if !containsEqual(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

func split[T any](e T) []T {
	v := reflect.ValueOf(&e).Elem()
	if v.Kind() != reflect.Struct {
		return []T{e}
	}
	var lists []int
	for i := range v.NumField() {
		if v.Field(i).Kind() == reflect.Slice && v.Field(i).Len() > 0 && v.Type().Field(i).IsExported() {
			lists = append(lists, i)
		}
	}
	if len(lists) == 0 {
		return []T{e}
	}
	var out []T
	for _, i := range lists {
		for j := range v.Field(i).Len() {
			part := reflect.New(v.Type()).Elem()
			part.Set(v)
			for _, k := range lists {
				part.Field(k).SetZero()
			}
			one := reflect.MakeSlice(v.Field(i).Type(), 1, 1)
			one.Index(0).Set(v.Field(i).Index(j))
			part.Field(i).Set(one)
			out = append(out, part.Interface().(T))
		}
	}
	return out
}

func containsEqual[T any](list []T, x T) bool {
	for _, e := range list {
		if reflect.DeepEqual(e, x) {
			return true
		}
	}
	return false
}

// matchesAny reports whether x matches an element of list: covers(x, e),
// or with desiredInList covers(e, x).
func matchesAny[T any](x T, list []T, desiredInList bool) bool {
	for _, e := range list {
		d, o := reflect.ValueOf(x), reflect.ValueOf(e)
		if desiredInList {
			d, o = o, d
		}
		if covers(d, o) {
			return true
		}
	}
	return false
}

// covers reports whether the observed value o agrees with every member
// the desired value d sets.
func covers(d, o reflect.Value) bool {
	switch d.Kind() {
	case reflect.Pointer, reflect.Interface:
		if d.IsNil() {
			return true
		}
		return !o.IsNil() && covers(d.Elem(), o.Elem())
	case reflect.Slice:
		if d.Len() == 0 {
			return true
		}
		if d.Len() != o.Len() {
			return false
		}
		for i := range d.Len() {
			if !covers(d.Index(i), o.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range d.NumField() {
			if d.Type().Field(i).IsExported() && !covers(d.Field(i), o.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		return d.Len() == 0 || reflect.DeepEqual(d.Interface(), o.Interface())
	}
	return d.IsZero() || d.Equal(o)
}
