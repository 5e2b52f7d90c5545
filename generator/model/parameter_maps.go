package model

// ParameterMap sets a map spec field of strings whose entries Modify sets
// in batches of name-value structures, Reset returns to their defaults by
// name, and List reads: an RDS parameter group's parameterOverrides
// (ModifyDBParameterGroup, ResetDBParameterGroup, DescribeDBParameters).
type ParameterMap struct {
	Modify, Reset, List *Operation
	// IDMember is the resource's identifier all three take; ListMember
	// the member, in Modify's and Reset's input and List's output,
	// listing the structures (Parameters) of shape Elem.
	IDMember, ListMember, Elem string
	// NameMember and ValueMember are the element's name and value
	// (ParameterName, ParameterValue).
	NameMember, ValueMember string
	// ElementInputs are element members sent with a constant.
	ElementInputs []ConstArg
	// Batch is the most elements one Modify or Reset call takes.
	Batch int
	// Paged is set when List takes and returns Marker.
	Paged bool
	// Choice, when set, chooses an element member's value by what the
	// list, without its constant inputs, reports for the name.
	Choice *ElementChoice
	// Entries, when set, is the spec field listing Elem structures whose
	// names and values stand for the map while the map is unset.
	Entries *Field
}

// ElementChoice sends Member the value Values gives for the From member
// the list reports for the same name, else Default (ApplyMethod immediate
// for an ApplyType dynamic RDS parameter, else pending-reboot).
type ElementChoice struct {
	Member, From, Default string
	Values                []ConstArg
}
