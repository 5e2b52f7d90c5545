package model

// TagIndex is a service's operation listing tags with the resource
// carrying each (EC2's DescribeTags), filtered by name-and-values
// filters, and how a Finder uses it for one kind.
type TagIndex struct {
	// List is the operation; its Output elements hold the resource's
	// identifier in ResourceID.
	List *Operation
	// Filters is List's filter input member.
	Filters *TagFilters
	// TypeFilter, KeyFilter and ValueFilter are the filter names for
	// the resource type, the tag key and the tag value.
	TypeFilter, KeyFilter, ValueFilter string
	ResourceID                         string
	// ResourceType is the kind's resource type, as its tag
	// specification names it (security-group).
	ResourceType string
	// IDs is the Finder's list input member taking a list of the kind's
	// identifiers (GroupIds).
	IDs string
	// InputToken and OutputToken page through List; "" when it returns
	// everything at once.
	InputToken, OutputToken string
}
