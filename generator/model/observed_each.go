package model

import (
	"fmt"
	"strings"
)

// ObservedEach reads a spec field from a list of structures in the read
// output, whose path (the field's ObservedPath) ends at the list: the
// string Member of each element, less the elements Skip names. A list
// field holds them all (DescribeDBSubnetGroups' Subnets[].SubnetIdentifier
// for SubnetIds); a scalar field the one the spec names when an element
// holds it, else the first (DBParameterGroups[].DBParameterGroupName).
type ObservedEach struct {
	// Elem is the shape of the list's elements.
	Elem string
	// Member is the element's string member that holds the value.
	Member string
	// Skip leaves out the elements whose member holds one of the values:
	// a security group RDS is still removing (VpcSecurityGroups[].Status
	// "removing") is no longer the instance's, so it is no drift.
	Skip *ElementMatch
}

// ElementMatch is a string member of a list's element and the values that
// select the element.
type ElementMatch struct {
	Member string
	Values []string
}

// ObservedAtText writes where the read output holds the field, in
// generator.yaml's observedAt syntax: "" when it does not.
func (f *Field) ObservedAtText() string {
	path := strings.Join(f.ObservedPath, ".")
	e := f.ObservedEach
	if e == nil {
		return path
	}
	filter := ""
	if e.Skip != nil {
		filter = fmt.Sprintf("%s!=%s", e.Skip.Member, strings.Join(e.Skip.Values, "|"))
	}
	return fmt.Sprintf("%s[%s].%s", path, filter, e.Member)
}
