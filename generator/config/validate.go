package config

import (
	"errors"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// validate checks what the file says on its own, before inference checks
// it against the model: required keys, the schema tags' rules, and options
// that contradict each other.
func (f *File) validate() error {
	f.normalize()
	var errs []error
	f.checkValue(reflect.ValueOf(f).Elem(), reflect.StructField{}, nil, &errs)
	for i, p := range slices.Concat(f.Include, f.Exclude) {
		list, at := "include", i
		if i >= len(f.Include) {
			list, at = "exclude", i-len(f.Include)
		}
		if _, err := path.Match(p, ""); err != nil {
			errs = append(errs, f.Errorf(Key{list, strconv.Itoa(at)}, "bad pattern %q: %v", p, err))
		}
	}
	for _, p := range f.Exclude {
		if _, ok := f.Resources[p]; ok {
			errs = append(errs, f.Errorf(Key{"resources", p}, "resource %s is configured but also excluded; remove one", p))
		}
	}
	for _, name := range sortedKeys(f.Resources) {
		errs = append(errs, f.checkResource(Key{"resources", name}, f.Resources[name])...)
	}
	return errors.Join(errs...)
}

// normalize replaces entries written empty ("Table:") with empty values,
// so that every reader of a parsed config can rely on them.
func (f *File) normalize() {
	for k, r := range f.Resources {
		if r == nil {
			r = &Resource{}
			f.Resources[k] = r
		}
		for k, fc := range r.Fields {
			if fc == nil {
				r.Fields[k] = &Field{}
			}
		}
		for k, sr := range r.SubResources {
			if sr == nil {
				r.SubResources[k] = &SubResource{}
			}
		}
		for k, a := range r.Attachments {
			if a == nil {
				r.Attachments[k] = &Attachment{}
			}
		}
		for k, l := range r.Links {
			if l == nil {
				r.Links[k] = &Link{}
			}
		}
		for k, mv := range r.Moves {
			if mv == nil {
				r.Moves[k] = &Move{}
			}
		}
		for k, a := range r.Actions {
			if a == nil {
				r.Actions[k] = &Action{}
			}
		}
		for k, t := range r.Toggles {
			if t == nil {
				r.Toggles[k] = &Toggle{}
			}
		}
		for k, a := range r.AddRemoveSets {
			if a == nil {
				r.AddRemoveSets[k] = &AddRemoveSet{}
			}
		}
		for k, a := range r.AttachedSets {
			if a == nil {
				r.AttachedSets[k] = &AttachedSet{}
			}
		}
		for k, sm := range r.StringMaps {
			if sm == nil {
				r.StringMaps[k] = &StringMap{}
			}
		}
		for k, e := range r.KeepEmpty {
			if e == nil {
				r.KeepEmpty[k] = &KeepEmpty{}
			}
		}
		for k, v := range r.Versions {
			if v == nil {
				r.Versions[k] = &Versions{}
			}
		}
	}
	for k, s := range f.Shapes {
		if s == nil {
			f.Shapes[k] = &Shape{}
		}
	}
}

func (f *File) checkResource(at Key, r *Resource) []error {
	var errs []error
	if r.Tags != nil && r.Tags.Ignore && r.Tags.Path != "" {
		errs = append(errs, f.Errorf(at.At("tags", "ignore"), "tags: give path or ignore, not both"))
	}
	if r.Tags != nil && !r.Tags.Ignore && r.Tags.Path == "" && r.Tags.ResourceType == "" && r.Tags.ARNMember == "" {
		errs = append(errs, f.Errorf(at.At("tags"), "tags: give path, ignore, resourceType or arnMember"))
	}
	if r.Tags != nil && r.Tags.Ignore && r.Tags.ResourceType != "" {
		errs = append(errs, f.Errorf(at.At("tags", "resourceType"), "tags: ignored tags have no resourceType"))
	}
	for _, name := range sortedKeys(r.Fields) {
		fc := r.Fields[name]
		key := at.At("fields", name)
		set := fc.options()
		switch {
		case fc.Ignore && len(set) > 1:
			errs = append(errs, f.Errorf(key, "field %s: ignore leaves the field out, so %s would do nothing", name, strings.Join(set[1:], ", ")))
		case fc.From != nil:
			for _, o := range set {
				if slices.Contains([]string{"rename", "from", "compareIgnore", "column"}, o) {
					continue
				}
				errs = append(errs, f.Errorf(key.At(o), "field %s: from makes a read-only status field, which %s does not apply to", name, o))
			}
			if strings.Contains(name, ".") {
				errs = append(errs, f.Errorf(key, "field %s: from adds a top-level status field, so its name cannot be a path", name))
			}
		case fc.ObservedAt != "" && strings.Contains(name, "."):
			errs = append(errs, f.Errorf(key.At("observedAt"), "field %s: observedAt applies to top-level fields only", name))
		case fc.UpdatedAs != "" && strings.Contains(name, "."):
			errs = append(errs, f.Errorf(key.At("updatedAs"), "field %s: updatedAs applies to top-level fields only", name))
		}
	}
	return errs
}

// options lists the options a field entry sets, ignore first.
func (fc *Field) options() []string {
	var set []string
	v := reflect.ValueOf(fc).Elem()
	t := v.Type()
	for i := range t.NumField() {
		name := yamlName(t.Field(i))
		if name == "" || name == "because" || v.Field(i).IsZero() {
			continue
		}
		if name == "ignore" {
			set = append([]string{name}, set...)
		} else {
			set = append(set, name)
		}
	}
	return set
}

// checkValue applies the schema rules of field sf to v, found at key.
func (f *File) checkValue(v reflect.Value, sf reflect.StructField, key Key, errs *[]error) {
	rules := schemaRules(sf)
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			f.checkValue(v.Elem(), sf, key, errs)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			field := v.Type().Field(i)
			name := yamlName(field)
			if name == "" {
				continue
			}
			if !optional(field) && v.Field(i).IsZero() {
				*errs = append(*errs, f.Errorf(key, "%s: missing key %q", describeKey(key), name))
				continue
			}
			f.checkValue(v.Field(i), field, key.At(name), errs)
		}
	case reflect.Slice:
		if n, ok := rules["minItems"]; ok && v.Len() < atoi(n) {
			*errs = append(*errs, f.Errorf(key, "%s: want at least %s item(s)", describeKey(key), n))
		}
		for i := range v.Len() {
			f.checkValue(v.Index(i), sf, key.At(strconv.Itoa(i)), errs)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			if p, ok := rules["keyPattern"]; ok && !regexp.MustCompile(p).MatchString(k.String()) {
				*errs = append(*errs, f.Errorf(key.At(k.String()), "%s: name %q does not match %s", describeKey(key), k.String(), p))
			}
			f.checkValue(v.MapIndex(k), reflect.StructField{}, key.At(k.String()), errs)
		}
	case reflect.String:
		s := v.String()
		if n, ok := rules["minLength"]; ok && len(s) < atoi(n) {
			*errs = append(*errs, f.Errorf(key, "%s: want a non-empty string", describeKey(key)))
		}
		if p, ok := rules["pattern"]; ok && s != "" && !regexp.MustCompile(p).MatchString(s) {
			*errs = append(*errs, f.Errorf(key, "%s: %q does not match %s", describeKey(key), s, p))
		}
	case reflect.Int:
		if n, ok := rules["minimum"]; ok && v.Int() < int64(atoi(n)) {
			*errs = append(*errs, f.Errorf(key, "%s: want at least %s, got %d", describeKey(key), n, v.Int()))
		}
	}
}

// describeKey names a key for a message: its own name, or for a list item
// the list's name.
func describeKey(k Key) string {
	for i := len(k) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(k[i]); err != nil {
			return k[i]
		}
	}
	return k.String()
}

// schemaRules parses a `schema:"name=value ..."` tag.
func schemaRules(sf reflect.StructField) map[string]string {
	tag := sf.Tag.Get("schema")
	if tag == "" {
		return nil
	}
	rules := map[string]string{}
	for _, r := range strings.Fields(tag) {
		name, value, _ := strings.Cut(r, "=")
		rules[name] = value
	}
	return rules
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("bad number %q in a schema tag", s))
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
