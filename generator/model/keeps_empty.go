package model

// KeepsEmpty makes a boolean spec field that, when true, requires
// collections held by related resources to be empty: a VPC's
// disallowSecurityGroupDefaultRules keeps its default security group's
// rules (DescribeSecurityGroups filtered on vpc-id and group-name default)
// empty, revoking what it finds. False or unset is no opinion, and no call.
type KeepsEmpty struct {
	// List lists the related resources; Filters is its filters input.
	List    *Operation
	Filters *TagFilters
	// Filter is the filter name taking the resource's identifier, and
	// IDMember the resource's identifier it takes.
	Filter, IDMember string
	// Fixed are further filters, each one name and value, sorted by name.
	Fixed []FixedFilter
	// ObservedAt is the path of lists in List's output to the related
	// resources, each holding the collections.
	ObservedAt []string
	// Collections are the lists that must stay empty, in member order.
	Collections []*EmptiedCollection
}

// FixedFilter is a filter with one constant value.
type FixedFilter struct{ Name, Value string }

// EmptiedCollection is one list member of the related resources, whose
// entries Delete removes: it takes the related resource's identifier
// (IDMember, in both) and the entries, as they were listed (ListMember).
type EmptiedCollection struct {
	Member               string
	Delete               *Operation
	IDMember, ListMember string
}
