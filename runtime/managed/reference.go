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
//
// With In set, Field and RefField are members of each element of the spec
// list In, and each element is resolved on its own, as the incumbent's
// RouteTable resolves spec.routes[].gatewayRef into routes[].gatewayID;
// or of the structure In (an S3 bucket's replication.roleRef).
type Reference struct {
	// Field is the spec path (JSON names, dot separated) that the
	// resolved value fills, e.g. "tableName".
	Field string
	// RefField is the spec path of the reference, e.g. "tableRef".
	RefField string
	// In is the spec path of the list whose elements hold Field and
	// RefField, e.g. "routes", or of the structure that holds them, e.g.
	// "replication"; empty for a top-level field.
	In string
	// Target is the referenced kind, e.g. dynamodb.services.k8s.aws,
	// v1alpha1, Table.
	Target schema.GroupVersionKind
	// Path is the dot path inside the target object whose value fills
	// Field, e.g. "spec.tableName" or "status.ackResourceMetadata.arn".
	Path string
}
