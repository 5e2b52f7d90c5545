// Package model is the resolved intermediate representation the emitters
// read: one Service with its Resources, every config override already
// applied. Emitters never see Smithy or generator.yaml directly.
package model

import "strings"

// Service is one AWS service and the kinds generated for it.
type Service struct {
	// Name is the folder under models/ and generated/, e.g. "dynamodb".
	Name string
	// SDKPackage is the aws-sdk-go-v2 package name, e.g. "dynamodb".
	SDKPackage string
	// IAMPrefix is the service's IAM action prefix, e.g. "dynamodb".
	IAMPrefix string
	// Group is the Kubernetes API group, e.g. "dynamodb.services.k8s.aws".
	Group string
	// Version is the API version, "v1alpha1".
	Version string
	// PathStyle is set when the SDK client can address by path
	// (Options.UsePathStyle): the endpoint rules take the builtIn
	// AWS::S3::ForcePathStyle.
	PathStyle bool
	// Global is set for a service with one endpoint per partition (IAM):
	// region annotations do not place its resources.
	Global    bool
	Resources []*Resource
	// Structs are the structure shapes the kinds use, by shape name.
	Structs map[string]*Struct
}

// Resource is one generated kind.
type Resource struct {
	Kind       string
	Plural     string
	ShortNames []string
	Spec       []*Field
	Status     []*Field
	Create     *Operation
	Read       *Operation
	Update     *Operation // nil when the resource cannot be updated
	Delete     *Operation
	// ARNMember is the read output member holding the resource's ARN; the
	// runtime keeps it in status.ackResourceMetadata.arn.
	ARNMember string
	// NotFoundCodes are AWS error codes that mean the resource is gone.
	NotFoundCodes []string
	// TerminalCodes are AWS error codes that need a spec change.
	TerminalCodes []string
	// RecoverableCodes are AWS error codes that a retry with backoff may
	// get past; they override the runtime's shared validation codes.
	RecoverableCodes []string
	// AlreadyExistsCodes are create error codes that mean the name is taken.
	AlreadyExistsCodes []string
	// Pending names a status field and the values of it that mean AWS is
	// still working on the resource.
	Pending *Pending
	// BytesFrom are bytes members of top-level spec structures that a
	// ConfigMap or Secret key may give instead (Lambda's code.zipFileFrom).
	BytesFrom []*BytesFrom
	// Expected are spec members stating what AWS should report in a
	// status field (Lambda's code.sha256 and CodeSha256).
	Expected []*Expected
	// PendingAlso are further such checks on other status fields (Lambda's
	// LastUpdateStatus beside its State), each without Gone.
	PendingAlso []*Pending
	// Columns are extra kubectl printer columns.
	Columns []Column

	// Name is the resource's name in the model: its resource shape's, or
	// the R of Create<R>. Kind is the same unless generator.yaml renames it.
	Name string
	// Source says how the resource was found (see the Source constants).
	Source string
	// List lists the resources, for adoption; nil when there is none.
	List *Operation
	// Identifiers are the members that name the resource in the read,
	// update and delete inputs, each with the field that holds its value.
	Identifiers []*Identifier
	// SubResources are spec fields that their own operations own.
	SubResources []*SubResource
	// Tags locates the resource's tags; nil when it has none.
	Tags *Tags
	// Inputs are the input members every call of an operation sends with
	// a constant, by operation name (generator.yaml's inputs:).
	Inputs map[string][]ConstArg
	// GoneWhenSet are status fields (member names) whose being set says
	// the resource is gone although the read returns it.
	GoneWhenSet []string
	// AssignedIdentifier is set when the read finds the resource through
	// a status field: AWS, not the spec, chooses the identifier, so a
	// create whose answer was lost cannot be found by reading.
	AssignedIdentifier bool
	// IdempotentCreate is set when a create sent again with the same
	// input returns what the first made (generator.yaml's
	// idempotentCreate): a lost answer is settled by creating again.
	IdempotentCreate bool
	// Lookup finds the assigned identifier from spec fields; nil when
	// the kind has none (generator.yaml's lookup).
	Lookup *Lookup
	// Finder lists what a lost create may have made; nil when the kind's
	// identifier is in spec or no list operation can find it.
	Finder *Finder
	// BatchSize, when set, is how many identifiers one batch read takes:
	// the read's filter is a list of identifiers, and the runtime reads
	// the resyncs of unchanged resources together (generator.yaml's
	// batchRead).
	BatchSize int
	// Attributes are settings kept in one string map, each a field of
	// its own; nil when the kind has none.
	Attributes *AttributeMap
	// RegionFills are create input members that take the target region
	// when the spec leaves them unset.
	RegionFills []*RegionFill
	// Because is the generator.yaml note on the resource.
	Because string
	// Decisions explain the resource-level choices, for kubesmith explain.
	Decisions []Decision
	// Problems say why the resource cannot be generated as inferred.
	// Generating a resource with problems fails; list and explain show them.
	Problems []string
	// Skipped are the create input and read output members that are in
	// neither spec nor status, and why.
	Skipped []Skipped
	// DeleteFlags are boolean or integer delete input members set from
	// annotations.
	DeleteFlags []DeleteFlag
	// PendingValues are the values the read reports AWS will apply
	// later; nil when the kind has none.
	PendingValues *PendingValues
	// CreateVariants are operations used instead of Create while the
	// spec sets a field of theirs, in generator.yaml's order by name.
	CreateVariants []*CreateVariant
	// OneUpdatePerPass ends the update after the first sub-resource put it
	// sends; the next pass sends the next once Pending no longer holds.
	OneUpdatePerPass bool
}

// RegionFill is a create input member, at any depth, that takes the
// target region when the spec leaves it unset.
type RegionFill struct {
	// Path leads from a top-level spec field, a create input member,
	// through structures to a string or enum field.
	Path []*Field
	// Except are regions in which the member is never sent.
	Except []string
}

// How a resource was found.
const (
	FromResourceShape  = "resource shape"
	FromOperationNames = "operation names"
	FromConfig         = "generator.yaml"
)

// Operation is one AWS API call of a resource.
type Operation struct {
	Name string
	// Input lists the members of the call's input.
	Input []*Member
	// OutputPath names the members to descend through to reach the
	// resource description, e.g. ["Table"] for DescribeTable.
	OutputPath []string
	// Output is the structure shape at the end of OutputPath, "" when the
	// call returns nothing useful.
	Output string

	// Many is set for a read that lists resources, such as
	// DescribeRepositories: OutputPath leads to a list whose elements are
	// Output structures, and Filter narrows the list to one resource.
	Many   bool
	Filter *Filter
	// Scan is set on a read that lists resources and cannot filter them:
	// it pages until it finds the one.
	Scan *Scan
	// Grouped is set on a read that lists resources in groups: OutputPath
	// leads to a list of GroupShape structures, each listing resources in
	// its member Grouped (DescribeInstances' Reservations, each with
	// Instances). The groups' lists are joined.
	Grouped    string
	GroupShape string
	// First is set on an operation whose OutputPath ends at a list that
	// holds the resource as its first element: RunInstances returns the
	// one instance it made in its reservation's Instances.
	First bool
	// Token is the input member taking the create's idempotency token
	// (@idempotencyToken, or a string named ClientToken or
	// ClientRequestToken); nil when there is none. Only a create has one:
	// elsewhere the SDK fills in a random token.
	Token *Member
	// Unsuccessful is the output member (its Go name) listing the items a
	// batch call could not process, each with Error.Code, Error.Message and
	// ResourceId, as EC2's DeleteVpcEndpoints and CreateFlowLogs answer;
	// "" when there is none. A non-empty list means the call failed.
	Unsuccessful string
	// Assigns is set on a create whose output lists the identifiers AWS
	// assigned (CreateFlowLogs' FlowLogIds) instead of describing the
	// resource: Member, the list's Go name, holds one Identifier.
	Assigns *Filter
	// Skipped are input members left out, and why.
	Skipped []Skipped
}

// Member is one member of an operation input.
type Member struct {
	Name     string
	GoName   string
	Type     *Type
	Required bool
}

// Expected is a string member added to a top-level spec structure (the
// field's Member) that states the value AWS should report in the status
// field Status (both Smithy member names). Its struct field carries
// Expects, so no conversion to or from the SDK takes it.
type Expected struct {
	Field, Member, Status string
}

// BytesFrom is a bytes member (Member) of the top-level spec structure
// Field that a sibling <Member>From BytesSource may give; AWS reports the
// base64 SHA-256 of the bytes it holds in the status field HashedAs. All
// are Smithy member names; the member's struct field has BytesFrom set.
type BytesFrom struct {
	Field, Member, HashedAs string
}

// Pending is a transitional-state check.
type Pending struct {
	Field string // status field member name
	// Path leads from Field to the member holding the state, through
	// structures (Code, for a VPC peering's Status); empty when Field
	// holds it.
	Path   []string
	Values []string
	// Gone are the values that say the resource is gone although the read
	// still returns it.
	Gone []string
	// Failed are the values that say AWS gave up on the resource.
	Failed []string
	// Reason says where the check comes from.
	Reason string
}

// Column is a kubectl printer column.
type Column struct {
	Name     string
	Type     string
	JSONPath string
	Priority int
}

// Struct is a structure shape; the custom resource types mirror the ones
// that spec and status use.
type Struct struct {
	// Shape is the Smithy shape name, also the SDK's Go type name.
	Shape string
	// GoName is the name of the custom resource type, when one is emitted.
	GoName string
	Fields []*Field
	// InAPI is set when the custom resource API uses the struct.
	InAPI bool
	// TopLevel is set for an operation's own input or output shape, which
	// the SDK declares in the client package as SDKType.
	TopLevel bool
	SDKType  string
	// Union is set for a Smithy union: at most one field holds a value,
	// and the SDK declares an interface with a struct per member.
	Union bool
	// Skipped are the shape's members left out of Fields, and why.
	Skipped []Skipped
}

// StatusSuffix ends the Service.Structs key of a structure's status-side
// copy, which carries no validation: a status says what AWS reported.
const StatusSuffix = "@status"

// FieldByMember returns the field for a Smithy member name, or nil.
func (s *Struct) FieldByMember(name string) *Field {
	for _, f := range s.Fields {
		if f.Member == name {
			return f
		}
	}
	return nil
}

// TagMembers returns the key and value of a tag structure: string members
// Key and Value, or TagKey and TagValue, in any case (tagKey in REST-JSON
// models). Both are nil when s is not a tag structure. Inference and the
// emitters share this one rule, so a structure inference takes for tags
// is one the emitters can convert.
func (s *Struct) TagMembers() (key, value *Field) {
	if s == nil {
		return nil, nil
	}
	for _, kv := range [][2]string{{"Key", "Value"}, {"TagKey", "TagValue"}} {
		key, value = s.stringField(kv[0]), s.stringField(kv[1])
		if key != nil && value != nil {
			return key, value
		}
	}
	return nil, nil
}

// stringField returns the string field of a member name in any case.
func (s *Struct) stringField(name string) *Field {
	for _, f := range s.Fields {
		if f.Type.Kind == String && strings.EqualFold(f.Member, name) {
			return f
		}
	}
	return nil
}

// Field is one field of a spec, status or struct.
type Field struct {
	// Member is the Smithy member name, also the SDK's Go field name
	// before SDKName adjustments.
	Member   string
	SDKName  string
	GoName   string
	JSONName string
	Type     *Type
	// BytesFrom is set on a bytes member that a sibling <Member>From
	// BytesSource may give (model.Resource.BytesFrom).
	BytesFrom bool
	// Expects is set on a member the model lacks (model.Expected): the
	// status field whose value it states. It is never sent to AWS.
	Expects string
	// Doc is the model's documentation of the member, or else of its
	// target shape: HTML, as both model formats write it. The emitters
	// convert it to Markdown for the reference docs and take its first
	// paragraph for the CRD description.
	Doc      string
	Required bool
	// CreateOnly fields are set at create and absent from every update
	// input; the CRD makes them immutable.
	CreateOnly bool
	// Updatable fields are members of the update input.
	Updatable bool
	// ObservedPath is where the read output holds the field, as member
	// names; nil when the read does not return it.
	ObservedPath []string
	// ObservedOptional is set when ObservedPath goes through a summary
	// that AWS leaves out when the value is its default (TableClassSummary):
	// an absent observation says nothing about the value.
	ObservedOptional bool
	// ObservedEach is set when ObservedPath ends at a list of structures
	// whose elements each hold a value of the field.
	ObservedEach *ObservedEach
	// LastApplied fields are not (or not always) returned by the read, so
	// the runtime records the value it last applied: an updatable field is
	// sent when the spec moves away from the record, a create-only one is
	// refused.
	LastApplied bool
	// UpdatedBy is set for a list field that an update changes through
	// per-element actions in another member of its input.
	UpdatedBy *ElementUpdates
	// AddRemove is set for a list field an update changes by the elements
	// to add and to remove, in two other members of its input
	// (ModifyVpcEndpoint's AddRouteTableIds and RemoveRouteTableIds).
	AddRemove *AddRemove
	// SendWith are the JSON names of the spec fields whose update carries
	// this field too, whether it changed or not.
	SendWith   []string
	Validation Validation
	// Default is the value the API server fills in when the manifest
	// leaves the field out, as a kubebuilder default marker writes it; ""
	// for none.
	Default string
	// Class and Reason explain the field's placement, for `kubesmith explain`.
	Class  string
	Reason string

	// PrimaryKey marks the field that names the resource.
	PrimaryKey bool
	// Secret fields hold @sensitive values: a spec field is given as a
	// reference to a Kubernetes Secret key, and a status field must not be
	// copied into the status.
	Secret bool
	// LateInitialize copies the value AWS chose into an unset spec field.
	LateInitialize bool
	// NilEqualsZero compares an unset value as equal to the zero value.
	NilEqualsZero bool
	// CompareIgnore leaves the field out of drift detection.
	CompareIgnore bool
	// Reference lets the field be given as a reference to another resource.
	Reference *Reference
	// From is set for a read-only status field that another operation's
	// output holds, rather than the read output.
	From *Source
	// SubResource is set for a spec field that its own operations own.
	SubResource *SubResource
	// Associations is set for a list field whose elements beyond the one
	// the create takes are added and removed by operations of their own.
	Associations *Associations
	// Attachment is set for a spec field of one value that no create
	// takes and operations of their own attach and detach.
	Attachment *Attachment
	// Links is set for a list of other resources' identifiers associated
	// one per call and listed by another resource's list operation.
	Links *Links
	// Move is set for a list of structures read with the resource, each
	// naming another resource moved here by a call of its own.
	Move *Move
	// Action is set for a boolean that calls an operation in some states.
	Action *Action
	// Toggle is set for a boolean that one operation turns on and another off.
	Toggle *Toggle
	// KeepsEmpty is set for a boolean spec field that, when true, keeps
	// collections of related resources empty.
	KeepsEmpty *KeepsEmpty
	// AddRemoveSet is set for a list of strings that an operation of its
	// own changes by the elements to add and remove, and another lists.
	AddRemoveSet *AddRemoveSet
	// ElementCalls is set for a list of strings the create takes whose
	// elements operations of their own add and remove one per call.
	ElementCalls *ElementCalls
	// AttachedSet is set for a list of other resources' identifiers
	// attached and detached one per call and listed by this resource's
	// identifier.
	AttachedSet *AttachedSet
	// StringMap is set for a map of strings put and deleted one key per
	// call, and listed and read by key.
	StringMap *StringMap
	// ParameterMap is set for a map of strings set in batches of
	// name-value structures, reset by name, and listed.
	ParameterMap *ParameterMap
	// Versions is set for a document AWS keeps in versions, a change
	// making a new default version.
	Versions *Versions
	// EmulatorGap says how the end-to-end tests' emulator fails the
	// field, which other tests then cover.
	EmulatorGap string
	// Because is the generator.yaml note on the field.
	Because string
}

// Compared reports whether drift in the field is detected and corrected.
func (f *Field) Compared() bool { return f.Updatable && f.ObservedPath != nil && !f.CompareIgnore }

// Validation carries Smithy constraints into the CRD schema.
type Validation struct {
	Enum      []string
	MinLength *int64
	MaxLength *int64
	Minimum   *float64
	Maximum   *float64
	Pattern   string
	MinItems  *int64
	MaxItems  *int64
}

// Kind is the family of a field's type.
type Kind int

// The kinds of field types.
const (
	String Kind = iota
	Bool
	Int
	Float
	Time
	Bytes
	Enum
	IntEnum
	Structure
	List
	Map
	JSON
)

// Type describes a field's type on both sides: the custom resource
// (uniform: pointers, int64, float64, strings for enums) and the SDK
// (named enums, int32 or int64, values for members with defaults).
type Type struct {
	Kind Kind
	// Shape is the Smithy shape name of an enum or struct: the SDK's Go
	// type name, and for structs the key into Service.Structs.
	Shape string
	// GoName is the custom resource type of a struct; usually Shape.
	GoName string
	// Elem is the element type of a list or the value type of a map.
	Elem *Type
	// SDKValue is set when the SDK holds the member as a value rather than
	// a pointer, because it has a default.
	SDKValue bool
	// Bits is the SDK width of an Int or Float: 8, 16, 32 or 64.
	Bits int
	// Unique is set on a list whose order carries no meaning (Smithy
	// @uniqueItems): drift checks compare it in any order.
	Unique bool
	// One is set on a list of at most one element that the SDK holds as
	// the element alone (the asList field option).
	One bool
	// Single is set on a string that the SDK holds as a list of one (the
	// single field option).
	Single bool
}

// AddRemove names the update input members (Go names) taking the
// elements to add to a list and those to remove from it.
type AddRemove struct {
	Add, Remove string
}

// Associations add and remove a list field's elements one per call, as
// AssociateVpcCidrBlock and DisassociateVpcCidrBlock do a VPC's CIDR
// blocks beyond the first.
type Associations struct {
	Associate, Disassociate *Operation
	// ValueMember is Associate's input member taking the element.
	ValueMember string
	// ObservedAt is the read output member listing the associations, each
	// holding the element in ElemValue and its identifier in ElemID, which
	// is also Disassociate's input member.
	ObservedAt, ElemValue, ElemID string
	// StatePath leads from an association to its state, nil when it has
	// none; Gone are the state's values that say it is going or gone.
	StatePath []string
	Gone      []string
}

// Links set a list spec field of other resources' identifiers one per
// call, as AssociateRouteTable and DisassociateRouteTable do a subnet's
// route tables; List, filtered on the resource's identifier, observes them.
type Links struct {
	Associate, Disassociate, List *Operation
	// ValueMember is Associate's input member taking the element, and the
	// listed association's holding it; IDMember the one taking the
	// resource's identifier, likewise; Identifier the resource's
	// identifier member whose value IDMember takes (InternetGatewayId for
	// GatewayId).
	ValueMember, IDMember, Identifier string
	// AssociationID is the listed association's identifier member, and
	// DisassociateMember Disassociate's input member taking it; both ""
	// when DisassociateID is set.
	AssociationID, DisassociateMember string
	// DisassociateID, when set, makes Disassociate take ValueMember and
	// this value in IDMember ("default" for AssociateDhcpOptions).
	DisassociateID string
	// EmulatorGap says how the end-to-end tests' emulator fails the link.
	EmulatorGap string
	// Filter is the filter name taking the resource's identifier, in
	// List's Filters.
	Filter  string
	Filters *TagFilters
	// ObservedAt is the path of lists in List's output to the associations.
	ObservedAt []string
}

// Move sets a list spec field of structures the read returns with the
// resource, each naming another resource that always belongs to exactly
// one such resource (a subnet to one network ACL): Replace moves one here
// from wherever it is, and back to its home when the spec drops it.
type Move struct {
	Replace *Operation
	// Member is the element's member naming the other resource (SubnetId),
	// AssociationMember the element's association identifier.
	Member, AssociationMember string
	// ReplaceAssociation is Replace's input member taking the current
	// association's identifier, ReplaceID the one taking the resource's.
	ReplaceAssociation, ReplaceID string
	// Find is the read's filter that finds the resource holding another
	// one, Filters the read's filter list.
	Find    string
	Filters *TagFilters
	// Home are the read's filters finding where an element goes back to,
	// by name: each a literal value, or, in HomeFrom, the read output
	// member of this resource giving it.
	Home, HomeFrom map[string]string
}

// Action calls Operation, with the resource's identifiers, when its
// boolean spec field is true and the state the read reports at StatePath
// is one of When; in any other state the field counts as done.
type Action struct {
	Operation *Operation
	StatePath []string
	When      []string
}

// Attachment sets a single-valued spec field by operations of its own, as
// AttachInternetGateway and DetachInternetGateway set an internet
// gateway's VPC. The read lists the attachments, so drift costs no call.
type Attachment struct {
	Attach, Detach *Operation
	// ValueMember is the member of Attach's and Detach's input, and of
	// each listed attachment, that holds the value.
	ValueMember string
	// ObservedAt is the read output member listing the attachments.
	ObservedAt string
	// State is the attachment's member holding its state, "" when it has
	// none; Gone are its values that say it is going or gone.
	State string
	Gone  []string
}

// DeleteFlag sets a boolean member of the delete input to whether the
// object's annotation says "true".
type DeleteFlag struct {
	Member     string
	GoName     string
	Annotation string
	// SDKValue is set where the SDK holds the member as a value, not a
	// pointer.
	SDKValue bool
	// IntBits is the size of an integer member (KMS's PendingWindowInDays),
	// sent as the annotation's number; 0 for a boolean.
	IntBits int
	// String is set for a string member, sent as the annotation's text.
	String bool
	// Implies are the values other boolean flags take while this one's
	// annotation is set.
	Implies []ImpliedFlag
}
