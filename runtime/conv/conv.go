// Package conv holds the small conversions that generated code uses to move
// values between custom resource types and aws-sdk-go-v2 types. Custom
// resources use pointers for every optional scalar and int64 for every
// integer; the SDK uses named enum types, int32 and value types for members
// with defaults.
package conv

import (
	"maps"
	"slices"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Slice maps each element of in through f, keeping nil as nil.
func Slice[A, B any](in []A, f func(A) B) []B {
	if in == nil {
		return nil
	}
	out := make([]B, len(in))
	for i, a := range in {
		out[i] = f(a)
	}
	return out
}

// Map maps each value of in through f, keeping nil as nil.
func Map[A, B any](in map[string]A, f func(A) B) map[string]B {
	if in == nil {
		return nil
	}
	out := make(map[string]B, len(in))
	for k, a := range in {
		out[k] = f(a)
	}
	return out
}

// Ptr maps the value behind in through f, keeping nil as nil.
func Ptr[A, B any](in *A, f func(A) B) *B {
	if in == nil {
		return nil
	}
	b := f(*in)
	return &b
}

// Union maps the value behind in through f to an SDK union, an interface
// the SDK holds without a pointer: nil when in is nil.
func Union[A, B any](in *A, f func(A) B) B {
	if in == nil {
		var none B
		return none
	}
	return f(*in)
}

// FromUnion maps an SDK union through f, keeping an unset union as nil.
func FromUnion[A, B any](in A, f func(A) B) *B {
	if any(in) == nil {
		return nil
	}
	b := f(in)
	return &b
}

// ToEnum turns an optional string into an SDK enum, "" when unset.
func ToEnum[E ~string](s *string) E {
	if s == nil {
		return ""
	}
	return E(*s)
}

// FromEnum turns an SDK enum into an optional string, nil when unset.
func FromEnum[E ~string](e E) *string {
	if e == "" {
		return nil
	}
	s := string(e)
	return &s
}

// Int converts between optional integers of any width.
func Int[B, A ~int32 | ~int64 | ~int16 | ~int8](a *A) *B {
	if a == nil {
		return nil
	}
	b := B(*a)
	return &b
}

// IntValue converts an optional integer to a value, 0 when unset.
func IntValue[B, A ~int32 | ~int64 | ~int16 | ~int8](a *A) B {
	if a == nil {
		return 0
	}
	return B(*a)
}

// IntPtr converts an integer value to an optional int64.
func IntPtr[A ~int32 | ~int64 | ~int16 | ~int8](a A) *int64 {
	b := int64(a)
	return &b
}

// Float converts between optional floats of either width.
func Float[B, A ~float32 | ~float64](a *A) *B {
	if a == nil {
		return nil
	}
	b := B(*a)
	return &b
}

// FloatValue converts an optional float to a value, 0 when unset.
func FloatValue[B, A ~float32 | ~float64](a *A) B {
	if a == nil {
		return 0
	}
	return B(*a)
}

// FloatPtr converts a float value to an optional float64.
func FloatPtr[A ~float32 | ~float64](a A) *float64 {
	b := float64(a)
	return &b
}

// Value returns the value behind p, or the zero value when p is nil.
func Value[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Mapped looks a value AWS describes up in m, the spec's values by
// described value: nil for a value m lacks, which reads as unset.
func Mapped[T any](v string, m map[string]T) *T {
	if out, ok := m[v]; ok {
		return &out
	}
	return nil
}

// Of returns a pointer to v.
func Of[T any](v T) *T { return &v }

// First returns a pointer to a copy of the first element, nil for an empty
// list: a spec list of at most one element sent as a single value.
func First[T any](list []T) *T {
	if len(list) == 0 {
		return nil
	}
	v := list[0]
	return &v
}

// One returns the value behind p as a list of one, nil when p is nil: a
// single value read back into a spec list.
func One[T any](p *T) []T {
	if p == nil {
		return nil
	}
	return []T{*p}
}

// ToTime converts a Kubernetes time to an SDK time.
func ToTime(t *metav1.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := t.Time
	return &v
}

// FromTime converts an SDK time to a Kubernetes time.
func FromTime(t *time.Time) *metav1.Time {
	if t == nil {
		return nil
	}
	v := metav1.NewTime(*t)
	return &v
}

// TagList turns a tag map into the SDK's list of key-value structures,
// sorted by key so that requests are stable; nil for no tags.
func TagList[T any](tags map[string]string, mk func(k, v string) T) []T {
	if len(tags) == 0 {
		return nil
	}
	out := make([]T, 0, len(tags))
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		out = append(out, mk(k, tags[k]))
	}
	return out
}

// TagMap reads a list of key-value structures into a map.
func TagMap[T any](list []T, kv func(T) (string, string)) map[string]string {
	out := make(map[string]string, len(list))
	for _, t := range list {
		k, v := kv(t)
		out[k] = v
	}
	return out
}
