package model

// The types in this file carry what inference found beyond the fields:
// how a resource is named, its sub-resources and tags, and the reasons
// `kubesmith explain` prints.

// Class values of a field.
const (
	ClassSpec       = "spec"
	ClassCreateOnly = "create-only"
	ClassSecret     = "secret"
	ClassStatus     = "status"
)

// Identifier is one input member that names the resource.
type Identifier struct {
	// Member is the input member, as the read, update and delete inputs
	// call it.
	Member string
	// Field is the member name of the spec or status field holding the
	// value; "" when no field does (a Problem of the resource).
	Field string
	// Status is set when the field is in status: AWS assigns the value, so
	// it is known only after create.
	Status bool
	// ARN is set when the value is the resource's ARN, which the runtime
	// keeps in status.ackResourceMetadata.arn; Field is then ARNMember.
	ARN    bool
	Reason string
}

// Filter narrows a read that lists resources to one of them.
type Filter struct {
	// Member is the input member that filters, e.g. RepositoryNames.
	Member string
	// List is set when Member is a list: the identifier is its only item.
	List bool
	// Identifier is the identifier member whose value Member takes.
	Identifier string
}

// SubResource is a spec field with its own put, get and delete operations,
// such as an S3 bucket's versioning configuration.
type SubResource struct {
	// Field is the spec field's member name.
	Field string
	Put   *Operation
	// Get and Delete are nil when the API has none.
	Get, Delete *Operation
	// ReportsDefault is set where AWS reports a configuration that nobody
	// put: an unset field is then no opinion, never a removal.
	ReportsDefault bool
	// PutMember is the member of the put input that holds the value.
	PutMember string
	// ObservedPath leads through the get output to the value; empty when
	// the get output itself is the value.
	ObservedPath []string
	Because      string
}

// Tags locates a resource's tags.
type Tags struct {
	// Path is the member path from a spec field down to the tags.
	Path []string
	// Map is set for a map of strings; otherwise the tags are a list of
	// structures with KeyMember and ValueMember.
	Map                    bool
	KeyMember, ValueMember string
	Reason                 string
	// API reads and changes the tags of an existing resource by its ARN;
	// nil when the service has no such operations, and then the tags are
	// set at create only.
	API *TagAPI
}

// TagAPI is a service's tag operations (TagResource, UntagResource,
// ListTagsOfResource and the like), each taking the resource's ARN.
type TagAPI struct {
	Tag, Untag, List *Operation
	// TagARN, UntagARN and ListARN are the input members taking the ARN.
	TagARN, UntagARN, ListARN string
	// TagMember is Tag's input member holding the tags, KeysMember
	// Untag's holding the keys, ListMember List's output member holding
	// the tags; the tags are a map of strings or a list of key-value
	// structures.
	TagMember, KeysMember, ListMember string
	// Paginated is set when List takes and returns NextToken.
	Paginated bool
}

// Reference says a field can name another resource, whose status holds
// the value.
type Reference struct {
	// Service is the referenced kind's service folder, "" for this one.
	Service string
	Group   string
	Kind    string
	// Plural is the referenced kind's resource name, for RBAC.
	Plural string
	// Path is the JSON path of the value in the referenced resource.
	Path string
}

// Source is where a read-only field comes from: an operation called with
// the resource's identifiers, and the member path in its output.
type Source struct {
	Operation *Operation
	Path      []string
}

// Decision is one resource-level choice and why it was made.
type Decision struct {
	Subject string // what was decided, e.g. "read"
	Choice  string // e.g. "DescribeTable"
	Reason  string
}

// Skipped is a member left out of the API, and why.
type Skipped struct {
	Member string
	Reason string
}
