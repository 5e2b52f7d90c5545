package model

// AddRemoveSet sets a list spec field of strings that no create or update
// takes but an operation of its own changes by the elements to add and to
// remove (ModifyVpcEndpointServicePermissions' AddAllowedPrincipals and
// RemoveAllowedPrincipals), and another lists
// (DescribeVpcEndpointServicePermissions).
type AddRemoveSet struct {
	Modify, List *Operation
	// IDMember is the resource's identifier both take; Add and Remove
	// are Modify's members (their Go names).
	IDMember, Add, Remove string
	// ObservedAt is the path in List's output to the strings: lists of
	// structures, then the string member.
	ObservedAt []string
}
