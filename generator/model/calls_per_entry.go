package model

// AttachedSet sets a list spec field of other resources' identifiers that
// no create or update takes, each attached by a call of its own and
// detached by another, and listed by an operation taking this resource's
// identifier: an IAM role's managed policies (AttachRolePolicy,
// DetachRolePolicy, ListAttachedRolePolicies).
type AttachedSet struct {
	Attach, Detach, List *Operation
	// IDMember is the resource's identifier all three take; ValueMember
	// the attach and detach member taking one element.
	IDMember, ValueMember string
	// ObservedAt is the path in List's output to the identifiers: lists of
	// structures, then the string member.
	ObservedAt []string
	// Paged is set when List takes and returns Marker.
	Paged bool
}

// StringMap sets a map spec field of strings whose entries are put and
// deleted one key per call, listed by key and read one key per call: an
// IAM role's inline policies (PutRolePolicy, DeleteRolePolicy,
// ListRolePolicies, GetRolePolicy).
type StringMap struct {
	Put, Delete, List, Get *Operation
	// IDMember is the resource's identifier all four take; KeyMember the
	// member naming an entry (put, delete, get); ValueMember the put's
	// member holding its value, which the get's output has too.
	IDMember, KeyMember, ValueMember string
	// Keys is List's output member listing the keys.
	Keys string
	// Paged is set when List takes and returns Marker.
	Paged bool
}

// IDMemberOr is the identifier member of s, else of a.
func (s *StringMap) IDMemberOr(a *AttachedSet) string {
	if s != nil {
		return s.IDMember
	}
	return a.IDMember
}
