package managed

import "k8s.io/apimachinery/pkg/runtime/schema"

// Reference fills one spec field from another object, for example a
// Backup's spec.tableName from the status of the Table named in
// spec.tableRef. The runtime reads the target as unstructured data by its
// group, version and kind, so a generated package never imports another
// service's package.
//
// The reference field holds {from: {name, namespace}}, the shape of
// ackv1alpha1.AWSResourceReferenceWrapper (namespace defaults to the
// object's own), or a list of those, in which case Field receives a list
// of values in the same order.

type Reference struct {
	// Field is the spec path (JSON names, dot separated) that the
	// resolved value fills, e.g. "tableName". A segment ending in []
	// goes through every element of a list:
	// "ingressRules[].userIDGroupPairs[].groupID".
	Field string
	// RefField is the spec path of the reference, e.g. "tableRef"; a
	// nested one is Field's sibling.
	RefField string
	// Target is the referenced kind, e.g. dynamodb.services.k8s.aws,
	// v1alpha1, Table.
	Target schema.GroupVersionKind
	// Path is the dot path inside the target object whose value fills
	// Field, e.g. "spec.tableName" or "status.ackResourceMetadata.arn".
	Path string
	// Required is set when AWS needs Field to create the resource. The
	// CRD cannot demand Field or RefField, since an adoption fills Field
	// from AWS; the runtime asks for one of them before a create.
	Required bool
}
