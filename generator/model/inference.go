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
	ARN bool
	// Recorded is set on a spec identifier given by a reference: the
	// status keeps the value AWS reports under the same name, which the
	// calls use when the reference cannot be resolved (the referenced
	// object deleted first).
	Recorded bool
	// KeptFromSpec is set on a recorded identifier the read does not
	// report (Lambda's GetAlias, no FunctionName): Observe keeps the
	// value the reference resolved to in status instead.
	KeptFromSpec bool
	Reason       string
}

// Filter narrows a read that lists resources to one of them. On a delete
// that takes a list (DeleteVpcEndpoints' VpcEndpointIds) it is the list,
// sent with the one identifier.
type Filter struct {
	// Member is the input member that filters, e.g. RepositoryNames.
	Member string
	// List is set when Member is a list: the identifier is its only item.
	List bool
	// Identifier is the identifier member whose value Member takes.
	Identifier string
	// Prefix is set when Member matches names by prefix
	// (DescribeLogGroups' LogGroupNamePrefix): of what the read lists,
	// only the element whose identifier equals the value is the resource.
	Prefix bool
}

// Observed maps a get's description of a sub-resource to its value.
type Observed struct {
	// Values maps a scalar's described values to the spec's.
	Values map[string]string
	// Members maps structure members, by spec member name, to the
	// description's member holding them and its values.
	Members map[string]ObservedMember
}

// ObservedMember is one structure member read from another member.
type ObservedMember struct {
	From   string
	Values map[string]string
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
	// Observed is set where the get describes the value in other terms
	// than the put takes it; ObservedPath then leads to the description.
	Observed *Observed
	// List is set for a keyed collection: the spec field is a list of
	// entries, all read by List (OutputPath leads to the list of Output
	// structures), each put by Put and deleted by Delete by its Key.
	List *Operation
	// Key is the member naming an entry, in the entry and in the put and
	// delete inputs.
	Key string
	// InputToken and OutputToken page through List, "" when it returns
	// everything at once.
	InputToken, OutputToken string
	// EmulatorGap says how the end-to-end tests' emulator fails the
	// sub-resource's operations; "" when it implements them.
	EmulatorGap string
	Because     string
	// ValueMember is set where the put member is a structure whose one
	// member holds the value (EC2's AttributeBooleanValue.Value): the spec
	// field has that member's type, and the put wraps it.
	ValueMember string
	// WholeInput is set where the value is the put input itself (Lambda's
	// PutFunctionEventInvokeConfig): the spec field's structure holds
	// every put input member, PutMember is "", and the resource's
	// identifiers override the value's members of their names.
	WholeInput bool
	// With are other spec fields the put takes beside the value, sent
	// with every put; a change of one sends the put.
	With []*Field
	// Recorded is set where no read returns the value (Lambda's Code,
	// which UpdateFunctionCode puts): the field is LastApplied, and the
	// put is sent when the spec moves away from the runtime's record.
	Recorded bool
	// GetArgs are get input members sent with a constant, such as the
	// attribute a DescribeVpcAttribute call reads.
	GetArgs []ConstArg
	// ReadWithResource is set where the resource's own read returns the
	// value (the field's ObservedPath), so there is no get: EC2's
	// DescribeSubnets returns what ModifySubnetAttribute sets.
	ReadWithResource bool
	// EntryInPut is set for a collection read with the resource whose put
	// input holds an entry's members itself, beside the resource's
	// identifiers (EC2's CreateRoute): each entry is put by one call, and
	// deleted by the members of EntryKeys.
	EntryInPut bool
	// EntryKeys are the entry members that together name an entry: those
	// the delete input shares with it (DeleteRoute's destinations).
	EntryKeys []string
	// Replace changes an entry whose key stays in place; nil: delete and put.
	Replace *Operation
	// AWSOwned picks the observed entries AWS made itself, which are
	// never drift and never deleted; nil when there are none.
	AWSOwned *Match
	// Elements is set where the field is a list of elements that Put adds
	// and Delete removes, both by PutMember, compared in normal form (one
	// element per entry of its lists): a security group's rules.
	Elements bool
	// AbsentCodes are error codes of Get and Delete that mean the
	// sub-resource is unset (ECR's LifecyclePolicyNotFoundException), as
	// HTTP status 404 does.
	AbsentCodes []string
	// Statements is set for a collection read from a JSON policy
	// document's statements by Get (model/statements.go).
	Statements *Statements
	// Changes is set where the put takes what to add and what to remove
	// rather than the value; a list's entries are then named by EntryKeys.
	Changes *Changes
	// Sent are the members of a structure field the put takes, where its
	// member is a structure of another shape holding some of the field's
	// members, by name (EKS's UpdateClusterConfig takes accessConfig's
	// authenticationMode alone); the field's other members stay
	// create-only. Nil where the put takes the field whole.
	Sent []string
}

// Match picks the entries whose Member holds one of Values.
type Match struct {
	Member string
	Values []string
}

// ConstArg is an operation input member sent with a constant value.
type ConstArg struct {
	Member string
	Value  string
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
	// SubResource is set when the tags are the one member of a
	// sub-resource's value (S3's Tagging.TagSet): its put sets them all at
	// once, the default tags and the aws: tags AWS keeps among them, and
	// its get reads them.
	SubResource *SubResource
	// ByID is set where the tags are given at create in a tag
	// specification and changed through operations taking a list of
	// resource identifiers (EC2's CreateTags and DeleteTags); the read
	// returns them with the resource.
	ByID *TagsByID
}

// TagsByID is a service's tag operations over a list of resource
// identifiers, with the create's tag specification.
type TagsByID struct {
	// Tag and Untag are the operations (CreateTags, DeleteTags); each takes
	// the identifiers in ResourcesMember and the tags in TagsMember.
	Tag, Untag                  *Operation
	ResourcesMember, TagsMember string
	// Identifier is the resource's identifier member whose value goes in
	// the list.
	Identifier string
	// SpecMember is the create input's list of tag specifications, each a
	// structure with the resource type in TypeMember and the tags in
	// SpecTagsMember; ResourceType is the resource's value of the type.
	SpecMember, TypeMember, SpecTagsMember, ResourceType string
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
	// Paginated is set when List answers in pages: PageToken is its
	// input member taking the token (NextToken, KMS's Marker),
	// NextPageToken its output member giving the next (NextToken,
	// NextMarker).
	Paginated                bool
	PageToken, NextPageToken string
	// Identifier is set when the operations take the resource's
	// identifier (SQS's QueueUrl) instead of its ARN: the member, in each
	// of TagARN, UntagARN and ListARN.
	Identifier string
	// FromRead is set when Tag and Untag take the resource's identifiers,
	// not its ARN (TagARN and UntagARN are then empty), and the resource's
	// read returns the tags: List is nil and ListMember is the read
	// output's member.
	FromRead bool
	// ReadMember is the read output's member holding the tags, where
	// generator.yaml's tags.fromRead compares those (EKS's DescribeCluster)
	// beside operations taking the ARN: List then serves updates only.
	ReadMember string
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

// Finder says how to find what a create made when its answer was lost,
// for a kind whose identifier AWS assigns: list the resources, keep those
// whose members equal the spec's and that were made since the create
// began, and when one is left take its identifiers.
type Finder struct {
	// List is the list operation; OutputPath leads to the list, whose
	// elements are Output structures.
	List *Operation
	// Match are the spec fields a listed element must equal.
	Match []*FinderMatch
	// Since is the list input member that takes the time the create
	// began; nil when none does.
	Since *Member
	// CreatedAt is the element member holding the creation time, "" when
	// it has none: elements made before the create began are left out.
	CreatedAt string
	// Sets are the status identifiers filled from the one element found.
	Sets []*FinderSet
	// InputToken and OutputToken are the list's paging members, "" when
	// it returns everything at once.
	InputToken, OutputToken string
	Reason                  string
	// TagFilters is set where the list filters by the controller's
	// default tags (EC2's Filters with tag:<key> names).
	TagFilters *TagFilters
	// TagIndex is set where the service lists tags by resource (EC2's
	// DescribeTags): the lookup asks it first which resources carry the
	// tag naming the object, then lists only those.
	TagIndex *TagIndex
}

// TagFilters is a list input member of name-and-values filters.
type TagFilters struct {
	// Member is the input member, Shape its element structure, with the
	// string member Name and the list of strings member Values.
	Member, Shape, Name, Values string
}

// FinderMatch is one spec field a listed element must equal.
type FinderMatch struct {
	// Field is the spec field's member name.
	Field string
	// Input is the list input member that filters by the field's value,
	// "" when there is none.
	Input string
	// Element is the element member compared with the field.
	Element string
}

// FinderSet fills a status identifier from the element found.
type FinderSet struct {
	// Field is the status field's member name, Element the element
	// member holding its value.
	Field, Element string
}

// ElementUpdates is how an update changes a list field: its input member
// Member is a list of Elem structures, each setting one of the actions to
// create, update or delete one element, found by its Key member
// (DynamoDB's GlobalSecondaryIndexUpdates, keyed by IndexName).
type ElementUpdates struct {
	Member string
	Elem   string
	Key    string
	// Create, Update and Delete are the actions; nil when Elem lacks one.
	Create, Update, Delete *ElementAction
}

// ElementAction is one action member of an element update and the
// structure it holds.
type ElementAction struct {
	Member string
	Shape  string
}

// Lookup is an operation that returns a resource's assigned identifier
// from spec fields (SQS's GetQueueUrl by QueueName): Observe calls it
// while the status identifier is unknown.
type Lookup struct {
	// Op's required inputs come from spec fields of the same name.
	Op *Operation
	// Sets are the status identifiers filled from Op's output members of
	// the same name.
	Sets   []*FinderSet
	Reason string
}
