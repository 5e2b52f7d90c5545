// Package compare finds the spec fields whose desired value differs from
// the value observed in AWS.
package compare

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Diff returns the paths (JSON names joined by dots, list indexes in
// brackets) where desired and observed differ. Both must have the same
// type. A field left unset in desired is not compared: the user has no
// opinion on it, and AWS may have defaulted it.
func Diff(desired, observed any) []string {
	var paths []string
	walk("", reflect.ValueOf(desired), reflect.ValueOf(observed), &paths)
	return paths
}

func walk(path string, d, o reflect.Value, paths *[]string) {
	switch d.Kind() {
	case reflect.Pointer, reflect.Interface:
		if d.IsNil() {
			return
		}
		if o.IsNil() {
			*paths = append(*paths, path)
			return
		}
		walk(path, d.Elem(), o.Elem(), paths)
	case reflect.Struct:
		t := d.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			walk(join(path, jsonName(f)), d.Field(i), o.Field(i), paths)
		}
	case reflect.Slice:
		if d.IsNil() {
			return
		}
		if d.Len() != o.Len() {
			*paths = append(*paths, path)
			return
		}
		for i := range d.Len() {
			walk(fmt.Sprintf("%s[%d]", path, i), d.Index(i), o.Index(i), paths)
		}
	case reflect.Map:
		if d.IsNil() {
			return
		}
		keys := map[string]bool{}
		for _, k := range d.MapKeys() {
			keys[k.String()] = true
		}
		for _, k := range o.MapKeys() {
			keys[k.String()] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			kv := reflect.ValueOf(k).Convert(d.Type().Key())
			dv, ov := d.MapIndex(kv), o.MapIndex(kv)
			if !dv.IsValid() || !ov.IsValid() {
				*paths = append(*paths, join(path, k))
				continue
			}
			walk(join(path, k), dv, ov, paths)
		}
	default:
		if !reflect.DeepEqual(d.Interface(), o.Interface()) {
			*paths = append(*paths, path)
		}
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
