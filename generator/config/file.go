package config

// This file holds the generator.yaml schema and nothing else: the doc
// comments below become the descriptions in models/generator.schema.json,
// and the struct tags its rules. A key without ",omitempty" is required;
// a `schema:"..."` tag adds constraints that Parse also enforces.

// File is one service's generator.yaml: which inferred resources to
// generate, and what inference cannot know about them. Names are Smithy
// names: resource names as `kubesmith list` prints them, member names as in
// the model.
type File struct {
	// Include lists the inferred resources to generate, by name or glob
	// pattern ("*" is every one). Without it, the resources configured under
	// resources: are generated.
	Include []string `yaml:"include,omitempty" schema:"minLength=1"`
	// Exclude lists resources, by name or glob pattern, never to generate,
	// even when include matches them.
	Exclude []string `yaml:"exclude,omitempty" schema:"minLength=1"`
	// Resources configures resources by the name inference gives them (see
	// `kubesmith list <service>`). A name inference does not find declares a
	// new resource, which must then name its operations.
	Resources map[string]*Resource `yaml:"resources,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Shapes configures Smithy shapes wherever resources use them.
	Shapes map[string]*Shape `yaml:"shapes,omitempty"`
	// ModelFormat chooses the model a service is read from where both
	// formats have it: "smithy", the Smithy JSON AST under AWS_MODELS_DIR
	// (the default), or "awsjson", the AWS JSON model format (botocore's
	// service-2.json) under AWS_JSON_MODELS_DIR. A service that only one
	// of them has, such as ec2, is read from that one without it.
	ModelFormat string `yaml:"modelFormat,omitempty" schema:"pattern=^(smithy|awsjson)$"`
	// Global says the service has one endpoint per partition, whatever
	// the region (IAM): every object's calls go to the controller's
	// region, so the services.k8s.aws/region and default-region
	// annotations neither break nor matter, and changing them moves
	// nothing.
	Global bool `yaml:"global,omitempty"`
	// Breaking acknowledges changes to this service's CRDs that break
	// manifests or clients written for the previous ones, which
	// `kubesmith diff` (run by `make verify`) refuses otherwise: a spec
	// field removed, retyped, newly required or made create-only. Each
	// entry is one line of the diff's report, with the reason users may
	// take it.
	Breaking []*Breaking `yaml:"breaking,omitempty"`

	// path and lines locate keys for error messages.
	path  string
	lines map[string]int
}

// Breaking acknowledges one breaking change that `kubesmith diff`
// reports.
type Breaking struct {
	// Kind is the Kubernetes kind whose CRD changes, such as Table.
	Kind string `yaml:"kind" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// Field is the changed field's path as the diff prints it: spec.name,
	// spec.tags[].key for a list's items, spec.labels{} for a map's
	// values; spec alone when the whole kind goes.
	Field string `yaml:"field" schema:"pattern=^spec([.\\[{].*)?$"`
	// Change is the diff's word for it: removed, retyped, required or
	// createOnly.
	Change string `yaml:"change" schema:"pattern=^(removed|retyped|required|createOnly)$"`
	// Because says why users may take the break (the API changed, the
	// field never worked); it is required.
	Because string `yaml:"because" schema:"minLength=1"`
}

// Resource configures one resource.
type Resource struct {
	// Kind is the Kubernetes kind, when it differs from the resource name.
	Kind string `yaml:"kind,omitempty" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// Operations names the resource's operations where inference picks
	// none or the wrong one.
	Operations Operations `yaml:"operations,omitempty"`
	// ShortNames are kubectl short names for the kind.
	ShortNames []string `yaml:"shortNames,omitempty" schema:"pattern=^[a-z][a-z0-9]*$"`
	// NotFoundCodes are AWS error codes that mean the resource does not
	// exist. They replace the codes inferred from the read operation's
	// errors.
	NotFoundCodes []string `yaml:"notFoundCodes,omitempty" schema:"minLength=1"`
	// TerminalCodes are AWS error codes that only a spec change can fix:
	// the controller stops retrying until the spec changes. They add to
	// the codes classified from the model (client errors that no retry
	// fixes) and win over it; a throttling code stays recoverable.
	TerminalCodes []string `yaml:"terminalCodes,omitempty" schema:"minLength=1"`
	// RecoverableCodes are AWS error codes that a retry with backoff may
	// get past, although the model calls them client errors: the
	// controller retries them instead of waiting for a spec change.
	RecoverableCodes []string `yaml:"recoverableCodes,omitempty" schema:"minLength=1"`
	// AlreadyExistsCodes are the create's AWS error codes that mean the
	// name is taken. They replace the codes inferred from the create
	// operation's errors.
	AlreadyExistsCodes []string `yaml:"alreadyExistsCodes,omitempty" schema:"minLength=1"`
	// Pending makes the controller requeue while a status field holds one
	// of the given values, as while AWS is CREATING or UPDATING the
	// resource. It replaces the inferred check.
	Pending *Pending `yaml:"pending,omitempty"`
	// PendingAlso are further checks like pending:, each on another status
	// field: Lambda reports a running update in LastUpdateStatus
	// (InProgress), beside the State that pending: reads. Any that holds
	// makes the resource pending, and a failed: value of any Terminal; gone:
	// is pending:'s alone.
	PendingAlso []*Pending `yaml:"pendingAlso,omitempty"`
	// ExpectedValues add string members the model lacks to a spec
	// structure, keyed by the dotted path of the new member (Code.Sha256):
	// each states the value AWS should report in a status field (Lambda's
	// CodeSha256). Never sent, it counts in the value the runtime records
	// as applied, so changing it alone sends its field again; after an
	// apply, AWS reporting another value is a Terminal condition.
	ExpectedValues map[string]*ExpectedValue `yaml:"expectedValues,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*\\.[A-Z][A-Za-z0-9]*$"`
	// BytesFrom let a bytes member of a top-level spec structure come from
	// a key of a ConfigMap or Secret in the object's namespace, keyed by the
	// member's dotted path (Code.ZipFile): a sibling <member>From, a
	// BytesSource {configMapKeyRef|secretKeyRef: {name, key}}, is read at
	// every pass and sent in the member's place (Lambda's code.zipFileFrom).
	BytesFrom map[string]*BytesFrom `yaml:"bytesFrom,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*\\.[A-Z][A-Za-z0-9]*$"`
	// Tags says where the resource's tags are, when inference cannot find
	// them or picks the wrong field.
	Tags *Tags `yaml:"tags,omitempty"`
	// SubResources are spec fields that their own put, get and delete
	// operations own, such as an S3 bucket's versioning configuration
	// (PutBucketVersioning, GetBucketVersioning), keyed by the field name:
	// a member name, lowerCamel in an AWS JSON model (ECR's imageTagMutability).
	SubResources map[string]*SubResource `yaml:"subResources,omitempty" schema:"keyPattern=^[A-Za-z][A-Za-z0-9]*$"`
	// Attachments are spec fields of one value that no create takes but
	// operations of their own attach and detach, keyed by the attach
	// input's member that takes the value: an internet gateway's VpcId,
	// set by AttachInternetGateway and DetachInternetGateway.
	Attachments map[string]*Attachment `yaml:"attachments,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Links are spec fields listing other resources' identifiers, each
	// associated with this resource by a call of its own and observed by
	// another resource's list operation filtered on this one's identifier,
	// keyed by the associate input's member that takes one: a subnet's
	// RouteTableId, set by AssociateRouteTable and DisassociateRouteTable.
	Links map[string]*Link `yaml:"links,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Moves make a list of structures the read returns with the resource
	// (a network ACL's Associations) a spec field: each element names
	// another resource, which always belongs to exactly one such resource
	// and is moved here by one call (ReplaceNetworkAclAssociation), and
	// back to a home resource when the spec drops it or the resource is
	// deleted. Keyed by the read output's member.
	Moves map[string]*Move `yaml:"moves,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Actions are boolean spec fields no read reports: set true, they call
	// an operation once while the resource is in one of some states (a
	// peering's AcceptRequest calls AcceptVpcPeeringConnection while its
	// status is pending-acceptance). Keyed by the spec field's name.
	Actions map[string]*Action `yaml:"actions,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// KeepEmpty are boolean spec fields, keyed by field name, that when
	// true keep collections of related resources empty: a VPC's
	// DisallowSecurityGroupDefaultRules empties its default security
	// group's rules. False or unset is no opinion.
	KeepEmpty map[string]*KeepEmpty `yaml:"keepEmpty,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// AddRemoveSets are spec fields, lists of strings keyed by field name,
	// that an operation of their own changes by the elements to add and
	// to remove, and another lists: an endpoint service's
	// AllowedPrincipals, by ModifyVpcEndpointServicePermissions and
	// DescribeVpcEndpointServicePermissions.
	AddRemoveSets map[string]*AddRemoveSet `yaml:"addRemoveSets,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// AttachedSets are spec fields listing other resources' identifiers,
	// keyed by the attach input's member that takes one, each attached by
	// a call of its own, detached by another, and listed by an operation
	// taking this resource's identifier: an IAM role's PolicyArn, by
	// AttachRolePolicy, DetachRolePolicy and ListAttachedRolePolicies.
	AttachedSets map[string]*AttachedSet `yaml:"attachedSets,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// ElementCalls make a list of strings that the create takes and the
	// read returns, keyed by its create input member, updatable through
	// operations adding and removing one element per call: an OIDC
	// provider's ClientIDList, by AddClientIDToOpenIDConnectProvider and
	// RemoveClientIDFromOpenIDConnectProvider.
	ElementCalls map[string]*ElementCalls `yaml:"elementCalls,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// StringMaps are spec fields, maps of strings keyed by field name,
	// whose entries are put and deleted one key per call, listed by key
	// and read one key per call: an IAM role's InlinePolicies, by
	// PutRolePolicy, DeleteRolePolicy, ListRolePolicies and GetRolePolicy.
	StringMaps map[string]*StringMap `yaml:"stringMaps,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Versions are spec fields, keyed by the create input member, holding
	// a document that AWS keeps in versions: a change makes a new default
	// version (IAM's CreatePolicyVersion for a Policy's PolicyDocument),
	// after deleting the oldest other version when Max exist, and the
	// delete first deletes every version but the default.
	Versions map[string]*Versions `yaml:"versions,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// FindCreated says how to find what a create made when its answer was
	// lost (a crash or a timeout between the create call and the status
	// write), for a resource whose identifier AWS assigns, such as a
	// backup's ARN. Without one the controller does not create again but
	// asks a person to decide.
	FindCreated *FindCreated `yaml:"findCreated,omitempty"`
	// IdempotentCreate says that a create sent again with the same input
	// returns the resource the first made rather than a second one (SNS's
	// CreateTopic, by name), so a create whose answer was lost is settled
	// by creating again, for a resource whose identifier AWS assigns.
	IdempotentCreate *IdempotentCreate `yaml:"idempotentCreate,omitempty"`
	// Lookup names an operation that returns the identifier AWS assigned
	// from spec fields: SQS's GetQueueUrl by QueueName. The read then finds
	// the resource before its status holds the identifier, so a lost
	// create is found by reading and adoption-fields can name it.
	Lookup *Lookup `yaml:"lookup,omitempty"`
	// DeleteFlags set boolean or integer members of the delete input from
	// an annotation on the object, keyed by member name: ECR's
	// DeleteRepository force, sent true while the object carries
	// ecr.services.k8s.aws/force-delete: "true", as the incumbent's is;
	// KMS's ScheduleKeyDeletion PendingWindowInDays, sent as the number
	// kms.services.k8s.aws/pending-window-in-days gives.
	DeleteFlags map[string]*DeleteFlag `yaml:"deleteFlags,omitempty"`
	// OneUpdatePerPass sends at most one of the sub-resources' puts per
	// pass and leaves the rest to later passes, which wait while the
	// resource's pending check holds: EKS runs one update of a cluster or
	// node group at a time and refuses another while one is in progress.
	OneUpdatePerPass bool `yaml:"oneUpdatePerPass,omitempty"`
	// BatchRead reads the resyncs of unchanged resources of one region and
	// account together, in calls of the read operation that take a list of
	// identifiers (EC2's DescribeSecurityGroups with GroupIds), instead of
	// one call per resource. Edits, creates and deletes still read alone.
	BatchRead *BatchRead `yaml:"batchRead,omitempty"`
	// Attributes are settings kept in one string map that the read returns
	// and the create takes (SQS's and SNS's Attributes), each a field of its
	// own, read by name and changed by a set operation.
	Attributes *Attributes `yaml:"attributes,omitempty"`
	// Inputs are input members sent with a constant value by every call of
	// an operation, keyed by operation and then member: KMS's
	// ScheduleKeyDeletion with PendingWindowInDays 7, GetKeyPolicy with
	// PolicyName default.
	Inputs map[string]map[string]string `yaml:"inputs,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Toggles are boolean spec fields that one operation turns on and
	// another off, keyed by the spec field's name (EnableKeyRotation).
	Toggles map[string]*Toggle `yaml:"toggles,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// GoneWhenSet are status fields, by Smithy member name, whose being
	// set says the resource is gone although the read still returns it:
	// a secret scheduled for deletion has a DeletedDate. The controller
	// then sees no resource, so a delete completes.
	GoneWhenSet []string `yaml:"goneWhenSet,omitempty" schema:"minLength=1"`
	// PendingValues names the read output member holding the values AWS
	// will apply later (RDS's PendingModifiedValues): a spec field whose
	// desired value is pending compares with the pending value, so a
	// change waiting for AWS is not sent again.
	PendingValues *PendingValues `yaml:"pendingValues,omitempty"`
	// ParameterMaps are spec fields, maps of strings keyed by field name,
	// whose entries one operation sets in batches of name-value
	// structures, another resets by name, and a third lists: an RDS
	// parameter group's ParameterOverrides (ModifyDBParameterGroup,
	// ResetDBParameterGroup, DescribeDBParameters).
	ParameterMaps map[string]*ParameterMap `yaml:"parameterMaps,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// CreateVariants are other operations that make the resource, keyed
	// by operation, each used instead of the create while the spec sets
	// its When member: RDS's RestoreDBInstanceFromDBSnapshot when
	// dbSnapshotIdentifier is set. Their input members the create lacks
	// become create-only spec fields.
	CreateVariants map[string]*CreateVariant `yaml:"createVariants,omitempty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// IdentifiedBy names, by an operation input member, the spec or
	// status field whose value it takes, where the two are named apart
	// and the input does not require the member: a Lambda Version is read
	// and deleted with its function's name and Qualifier, the Version
	// PublishVersion returned.
	IdentifiedBy map[string]string `yaml:"identifiedBy,omitempty" schema:"keyPattern=^[A-Za-z][A-Za-z0-9]*$"`
	// Fields overrides what inference decided for single fields, keyed by
	// Smithy member name; a dotted path ("Config.Role") reaches a member of
	// a nested structure.
	Fields map[string]*Field `yaml:"fields,omitempty"`
	// Because says why the resource needs this configuration.
	Because string `yaml:"because,omitempty"`
}

// Operations names a resource's operations when their names are irregular.
type Operations struct {
	// Create makes the resource.
	Create string `yaml:"create,omitempty"`
	// Read describes one resource. It may be a list operation that filters
	// by the resource's identifier, such as DescribeRepositories.
	Read string `yaml:"read,omitempty"`
	// List lists the resources, for adoption.
	List string `yaml:"list,omitempty"`
	// Update changes the resource; "none" says it cannot be changed.
	Update string `yaml:"update,omitempty"`
	// Delete removes the resource.
	Delete string `yaml:"delete,omitempty"`
	// Because says why the names are needed.
	Because string `yaml:"because,omitempty"`
}

// PendingValues names where the read reports values AWS has yet to apply.
type PendingValues struct {
	// Member is the read output's structure member holding them; its
	// members named like top-level spec fields stand for those fields.
	Member string `yaml:"member" schema:"minLength=1"`
	// Emulator notes a gap of the end-to-end tests' emulator.
	Emulator *Emulator `yaml:"emulator,omitempty"`
	// Because says why the service needs it.
	Because string `yaml:"because,omitempty"`
}

// ParameterMap names the operations of a map of settings changed in
// batches of name-value structures (see Resource.ParameterMaps).
type ParameterMap struct {
	// Modify sets entries: it takes the resource's identifier and a list
	// of structures, each with a name and a value member.
	Modify string `yaml:"modify"`
	// Reset returns entries to their defaults: it takes the identifier
	// and a list of the same structures, by name.
	Reset string `yaml:"reset"`
	// List reads the entries: it takes the identifier and returns a list
	// of the same structures. inputs: may filter it (Source: user).
	List string `yaml:"list"`
	// Batch is the most entries one Modify or Reset call takes.
	Batch int `yaml:"batch" schema:"minimum=1"`
	// ElementInputs are members of each element sent with a constant
	// (RDS's ApplyMethod: pending-reboot).
	ElementInputs map[string]string `yaml:"elementInputs,omitempty"`
	// ElementChoice sends an element member a value chosen by another
	// member the unfiltered list reports for the same name (RDS's
	// ApplyMethod immediate for an ApplyType dynamic parameter); the
	// member's elementInputs constant is the value otherwise.
	ElementChoice *ElementChoice `yaml:"elementChoice,omitempty"`
	// ListField names a second spec field, a list of the element
	// structures (the incumbent's deprecated spec.parameters), whose
	// names and values stand for the map while the map is unset. A spec
	// may set only one of the two.
	ListField string `yaml:"listField,omitempty" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// Emulator notes a gap of the end-to-end tests' emulator.
	Emulator *Emulator `yaml:"emulator,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// ElementChoice chooses the value of an element member by what the list
// reports for the element's name (see ParameterMap.ElementChoice).
type ElementChoice struct {
	// Member is the element member sent (ApplyMethod); elementInputs
	// gives its value when no choice applies.
	Member string `yaml:"member"`
	// From is the element member the list reports (ApplyType).
	From string `yaml:"from"`
	// Values maps a reported From to the Member sent (dynamic: immediate).
	Values map[string]string `yaml:"values"`
}

// CreateVariant says when another operation makes the resource.
type CreateVariant struct {
	// When is the operation's input member (a spec field) whose being set
	// picks the operation.
	When string `yaml:"when" schema:"minLength=1"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// DeleteFlag names the annotation that sets a delete input member.
type DeleteFlag struct {
	// Annotation is the annotation's name; a boolean member is sent true
	// when its value is "true" (any case; strconv.ParseBool's words), false
	// otherwise; an integer member is sent as its number, and keeps the
	// value of inputs: when the object lacks it. A boolean the SDK holds
	// as a pointer does the same (not sent without the annotation or an
	// input, a value other than true or false an error); a string member
	// is sent as the annotation's text, and not sent when it is empty.
	Annotation string `yaml:"annotation" schema:"minLength=1"`
	// Implies gives other boolean delete flags, by member, the value they
	// take while this flag's annotation is set and theirs is not: RDS's
	// FinalDBSnapshotIdentifier implies SkipFinalSnapshot "false". Where
	// their own annotation contradicts it, this flag is not sent.
	Implies map[string]string `yaml:"implies,omitempty"`
	// Because says why users need it.
	Because string `yaml:"because,omitempty"`
}

// BatchRead sets up batched observation (see Resource.BatchRead).
type BatchRead struct {
	// Size is how many identifiers one call takes: within what the API
	// accepts in one list and answers without paging.
	Size int `yaml:"size" schema:"minimum=2"`
	// Because says why the size suits the API.
	Because string `yaml:"because,omitempty"`
}

// FindCreated lists the resources a lost create may have made. Exactly one
// match is taken as the resource; more than one is left to a person.
type FindCreated struct {
	// Operation is the service's list operation, such as ListBackups.
	Operation string `yaml:"operation"`
	// Match are spec fields, by Smithy member name, that a listed
	// resource must equal: each is passed as a filter where the list input
	// has a member of that name, and compared with the member of that
	// name of each listed resource. Required unless tagFilters is given.
	Match []string `yaml:"match,omitempty" schema:"minLength=1"`
	// TagFilters is the list input member taking filters of a name and
	// values (EC2's Filters): each of the controller's default tags
	// (services.k8s.aws/namespace and name, from resourceTags) becomes a
	// tag:<key> filter, so that the listed resources are the ones this
	// object's creates made. Without default tags a lost create is left
	// to a person.
	TagFilters string `yaml:"tagFilters,omitempty"`
	// CreatedAfter is the list input member that takes the time the
	// create began, such as TimeRangeLowerBound, so that older resources
	// are not listed at all.
	CreatedAfter string `yaml:"createdAfter,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Lookup finds a resource's assigned identifier from its spec.
type Lookup struct {
	// Operation takes spec fields (by member name) and returns the status
	// identifier in an output member of the same name.
	Operation string `yaml:"operation"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Pending is a requeue-while-status-in check on a status field.
type Pending struct {
	// Field is the status field, by Smithy member name, or a dotted
	// member path into it (Status.Code).
	Field string `yaml:"field"`
	// Values are the field's values that mean AWS is still working.
	Values []string `yaml:"values" schema:"minItems=1"`
	// Gone are the field's values that say the resource is gone, although
	// the read still returns it (EC2 lists a deleted VPC endpoint for a
	// while): the controller sees no resource.
	Gone []string `yaml:"gone,omitempty"`
	// Failed are the field's values that say AWS gave up on the resource
	// (an EKS add-on's CREATE_FAILED or DEGRADED): the object turns
	// Terminal, naming the value, until its spec changes.
	Failed []string `yaml:"failed,omitempty"`
	// Because says why the check is needed.
	Because string `yaml:"because,omitempty"`
}

// ExpectedValue names the status field a spec member states the
// expected value of (see Resource.ExpectedValues).
type ExpectedValue struct {
	// Status is the status field, by Smithy member name (CodeSha256).
	Status string `yaml:"status" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// BytesFrom says how AWS reports the bytes a BytesSource gave (see
// Resource.BytesFrom).
type BytesFrom struct {
	// HashedAs is the status field, by Smithy member name, where AWS
	// reports the base64 SHA-256 of the bytes it holds (Lambda's
	// CodeSha256): each pass compares it with the key's bytes, so new data
	// is sent once and unchanged data costs no call.
	HashedAs string `yaml:"hashedAs" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Tags locates the resource's tags.
type Tags struct {
	// Path is the dotted member path of the tags, from a spec field down:
	// "Tags", or "Tagging.TagSet". It must end at a map of strings or a
	// list of key-value structures. Tags one member inside a sub-resource
	// (Tagging.TagSet with subResources Tagging) are put and read by the
	// sub-resource's operations, the default tags with them.
	Path string `yaml:"path,omitempty"`
	// Ignore says the resource has no tags the controller should manage.
	Ignore bool `yaml:"ignore,omitempty"`
	// ARNMember is the member of the tag operations' inputs that takes the
	// resource's ARN where it is not named ...Arn: KMS's KeyId takes a key
	// ID or its ARN.
	ARNMember string `yaml:"arnMember,omitempty" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// ResourceType is the resource's value of the resource type in the
	// create's tag specifications (EC2's TagSpecifications), where it is
	// not the resource's name in lower case, with or without hyphens:
	// elastic-ip for Address.
	ResourceType string `yaml:"resourceType,omitempty"`
	// FromRead compares the tags the resource's read returns (EKS's
	// DescribeCluster) instead of listing them with the tag API's list
	// operation, which then serves updates only: one call less per resync.
	FromRead bool `yaml:"fromRead,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// SubResource is a spec field with its own put, get and delete
// operations. Operations default to Put/Get/Delete<Resource><Field>, with or
// without a "Configuration" suffix.
//
// A keyed collection is a list of entries each put and deleted by a key
// (S3's analytics configurations, by Id), all read by one list
// operation. A sub-resource is one when list or key is named, or when no
// get is named and List<Resource><Field>s or
// List<Resource><Field>Configurations exists. Its spec field is a list of
// the put member's structure; an unset field is the empty collection.
type SubResource struct {
	// Put sets the field.
	Put string `yaml:"put,omitempty"`
	// Get reads it back; without one, drift is not detected.
	Get string `yaml:"get,omitempty"`
	// Delete removes it; without one, removing it from the spec does
	// nothing. A collection's delete removes one entry by its key.
	Delete string `yaml:"delete,omitempty"`
	// List reads every entry of a keyed collection, page by page.
	List string `yaml:"list,omitempty"`
	// Key is the member that names an entry of a keyed collection, in the
	// entry and in the put and delete inputs. By default, the one member
	// the put and delete inputs share with the entry, besides the
	// resource's identifiers.
	Key string `yaml:"key,omitempty"`
	// ReportsDefault says AWS reports a configuration even where none was
	// put (S3 default encryption). Leaving the field out of the spec is
	// then no opinion, not a removal: it is compared only when set.
	ReportsDefault bool `yaml:"reportsDefault,omitempty"`
	// Member is the put input member that holds the value, when it is not
	// the HTTP payload or the only member besides the identifiers.
	Member string `yaml:"member,omitempty"`
	// ObservedAt is the dotted member path in the resource's read output
	// that holds the value, for a put with no get of its own (EC2's
	// DescribeSubnets returns PrivateDnsNameOptionsOnLaunch.HostnameType,
	// which ModifySubnetAttribute sets as PrivateDnsHostnameTypeOnLaunch).
	// A status field named like the sub-resource is found without it.
	ObservedAt string `yaml:"observedAt,omitempty"`
	// Replace changes an entry of a collection read with the resource in
	// place where its key stays and the rest differs (EC2's ReplaceRoute);
	// without one, such an entry is deleted and put again.
	Replace string `yaml:"replace,omitempty"`
	// AWSOwned marks the entries of a collection read with the resource
	// that AWS makes itself (a route table's local route, Origin
	// CreateRouteTable): they are never drift and never deleted.
	AWSOwned *Match `yaml:"awsOwned,omitempty"`
	// Elements makes the field a set of elements that AWS keeps one by one
	// and may regroup, as a security group's rules: the put adds the
	// elements its member lists and the delete, taking the same member,
	// removes them. The spec and AWS's answer are compared in a normal
	// form, one element per entry of each element's lists (a rule with two
	// CIDR ranges is two rules), so AWS's grouping is no difference. One
	// delete call carries all elements to remove, then one put all to add.
	// An unset field is no opinion; a set one (even empty) is exactly the
	// elements AWS keeps, so those it adds by itself are removed.
	Elements bool `yaml:"elements,omitempty"`
	// After names sub-resources (their field names) that AWS needs put
	// before this one: S3 takes a replication configuration only on a
	// bucket whose versioning is enabled.
	After []string `yaml:"after,omitempty"`
	// Emulator records what the AWS emulator of the end-to-end tests
	// (moto) lacks for this sub-resource; the service's generated
	// README.md lists it.
	Emulator *Emulator `yaml:"emulator,omitempty"`
	// Observed says where the get describes the value in other terms than
	// the put takes it: DynamoDB's DescribeTimeToLive answers
	// TimeToLiveStatus ENABLED where UpdateTimeToLive took Enabled: true.
	Observed *Observed `yaml:"observed,omitempty"`
	// WholeInput makes the value the put input itself: its members are
	// the put input's own members (Lambda's PutFunctionEventInvokeConfig
	// takes FunctionName, Qualifier, MaximumRetryAttempts and so on), read
	// back from the get output's members of the same names. The resource's
	// identifiers fill the members they name, whatever the value says;
	// members the get output lacks are taken as the spec has them.
	WholeInput bool `yaml:"wholeInput,omitempty"`
	// Statements makes the field a keyed collection read from a JSON
	// policy document: the get's output holds the document, and each of
	// its statements is an entry, keyed by its Sid (Lambda's GetPolicy,
	// whose statements AddPermission adds and RemovePermission removes).
	Statements *Statements `yaml:"statements,omitempty"`
	// Changes makes the put take the value as the changes from what AWS
	// reports: two members of one put input structure, the entries to add
	// or update and those to remove (EKS's UpdateNodegroupConfig takes
	// labels as {addOrUpdateLabels, removeLabels}). The field keeps the
	// create's type, a map or a list of structures, and the resource's
	// read returns it.
	Changes *Changes `yaml:"changes,omitempty"`
	// SendWith names spec fields (member names) the put carries too,
	// from the spec, whenever it is sent. A create-only one stops being
	// so, and a change of it sends the put (ECR's PutImageTagMutability
	// clears the exclusion filters when sent without them); another
	// sub-resource is only carried (EKS's UpdateNodegroupVersion takes
	// version and releaseVersion together, and a release of another
	// Kubernetes version sent alone is refused).
	SendWith []string `yaml:"sendWith,omitempty" schema:"minLength=1"`
	// Because says why the field is a sub-resource.
	Because string `yaml:"because,omitempty"`
}

// Changes names the members of a sub-resource's put member that take a
// map's or keyed list's changes.
type Changes struct {
	// Add is the member taking the entries to add or update, of the
	// field's own type (addOrUpdateLabels).
	Add string `yaml:"add" schema:"minLength=1"`
	// Remove is the member taking what to remove: the keys, as a list of
	// strings (removeLabels), or the entries AWS has, whole (removeTaints).
	Remove string `yaml:"remove" schema:"minLength=1"`
	// Key names the members that together name an entry of a list (a
	// taint's key and effect); a map's entries are named by their keys.
	Key []string `yaml:"key,omitempty" schema:"minLength=1"`
}

// Observed reads a sub-resource's value from a description of it.
type Observed struct {
	// At is the dotted member path in the get output to the description
	// (TimeToLiveDescription), or to the scalar value itself; unset, the
	// get output itself describes a structure value.
	At string `yaml:"at,omitempty"`
	// Values maps each value AWS describes to the spec's value, for a
	// scalar field (ContributorInsightsStatus ENABLING to ENABLE); a value
	// not listed reads as unset.
	Values map[string]string `yaml:"values,omitempty"`
	// Members maps members of a structure field that the description holds
	// under another member, through their values; the other members are
	// read by name.
	Members map[string]ObservedMember `yaml:"members,omitempty"`
}

// ObservedMember reads one member of a structure from another member of
// its description.
type ObservedMember struct {
	// From is the description's member (TimeToLiveStatus).
	From string `yaml:"from"`
	// Values maps each value of From to the member's (ENABLED: "true");
	// a value not listed reads as unset. Without values, From holds the
	// member's value as it is, under another name (Lambda's
	// RequestedProvisionedConcurrentExecutions).
	Values map[string]string `yaml:"values,omitempty"`
}

// Match picks the entries whose Member holds one of Values.
type Match struct {
	// Member is the member of an entry to look at (Origin).
	Member string `yaml:"member"`
	// Values are the values that pick an entry (CreateRouteTable).
	Values []string `yaml:"values"`
}

// Statements reads a keyed collection's entries from the statements of
// a JSON policy document. An entry member is read from the statement
// element of its name (Action, Principal, Resource, Effect), else from the
// condition key whose name after its prefix is the member's
// (AWS:SourceArn for SourceArn), under any operator; the key from Sid.
type Statements struct {
	// Document is the get output member holding the document (Policy).
	Document string `yaml:"document"`
	// Unread are the entry members no statement holds (Lambda's
	// RevisionId, a precondition of the call): they are taken as the spec
	// has them, so that they are never drift.
	Unread []string `yaml:"unread,omitempty"`
}

// Emulator is a gap of the AWS emulator the end-to-end tests run against.
type Emulator struct {
	// Unsupported says how the emulator fails the operations, so that
	// generated-code and unit tests cover them instead of a faked
	// end-to-end pass.
	Unsupported string `yaml:"unsupported"`
}

// Field overrides inference for one field.
type Field struct {
	// Rename gives the field another name, written as a Smithy member name
	// (UpperCamel): "Bucket" renamed "Name" is spec.name.
	Rename string `yaml:"rename,omitempty" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// JSONName sets the field's JSON name exactly, where an existing API
	// spells it against the lowerCamel rule (the incumbent's S3 logging
	// grantee has uRI and type_); the Go name follows rename or the member.
	JSONName string `yaml:"jsonName,omitempty" schema:"pattern=^[a-z][A-Za-z0-9_]*$"`
	// Ignore leaves the field out of the API.
	Ignore bool `yaml:"ignore,omitempty"`
	// PrimaryKey marks the field that names the resource, replacing the
	// inferred one.
	PrimaryKey bool `yaml:"primaryKey,omitempty"`
	// Required overrides whether the field must be set.
	Required *bool `yaml:"required,omitempty"`
	// Immutable overrides whether the field can change after create.
	Immutable *bool `yaml:"immutable,omitempty"`
	// ObservedAt is the dotted member path in the read output that holds
	// the field, when it is not a member of the same name. One member may
	// be a list of structures, written List[] and followed by the string
	// member of its elements (Subnets[].SubnetIdentifier): a list field
	// holds every element's, a string field the one the spec names, else
	// the first. List[Member!=a|b] leaves out the elements whose Member is
	// a or b (VpcSecurityGroups[Status!=removing].VpcSecurityGroupId).
	ObservedAt string `yaml:"observedAt,omitempty"`
	// From adds a read-only status field, under this key's name, taken from
	// another operation's output.
	From *From `yaml:"from,omitempty"`
	// UpdatedAs names the update input member that changes a list field
	// after create, one action per element: a list of structures whose
	// members Create, Update and Delete each act on one element, as
	// DynamoDB's GlobalSecondaryIndexUpdates does for GlobalSecondaryIndexes.
	UpdatedAs string `yaml:"updatedAs,omitempty"`
	// ListOf adds a spec field the create input lacks, a list of this
	// shape, that only the update changes (with updatedAs): DynamoDB's
	// table replicas, made by UpdateTable's ReplicaUpdates after the table
	// exists. The key names the new field, in member style (TableReplicas).
	ListOf string `yaml:"listOf,omitempty"`
	// SendWith names fields (Smithy member names) whose update must carry
	// this one too, changed or not: DynamoDB's UpdateTable needs the
	// AttributeDefinitions of a global secondary index it creates.
	SendWith []string `yaml:"sendWith,omitempty"`
	// CompareIgnore leaves the field out of drift detection.
	CompareIgnore bool `yaml:"compareIgnore,omitempty"`
	// Emulator records what the AWS emulator of the end-to-end tests
	// (moto) lacks for this spec field; the service's generated README.md
	// lists it.
	Emulator *Emulator `yaml:"emulator,omitempty"`
	// NilEqualsZero treats an unset field as equal to its zero value when
	// comparing, as the API does.
	NilEqualsZero bool `yaml:"nilEqualsZero,omitempty"`
	// ListOrder says how drift checks compare a list: "set" (in any order)
	// or "ordered" (element by element), replacing the inferred choice.
	ListOrder string `yaml:"listOrder,omitempty" schema:"pattern=^(set|ordered)$"`
	// LateInitialize copies the value AWS chose into the spec when the
	// spec leaves the field unset.
	LateInitialize bool `yaml:"lateInitialize,omitempty"`
	// Secret overrides whether the field is read from a Kubernetes Secret
	// (inferred from @sensitive).
	Secret *bool `yaml:"secret,omitempty"`
	// Reference lets the field be given as a reference to another
	// resource, whose status holds the value.
	Reference *Reference `yaml:"reference,omitempty"`
	// Column shows the field as a kubectl printer column.
	Column *Column `yaml:"column,omitempty"`
	// FromRegion fills a string or enum member of the create input, at any
	// depth below structures, with the region the object resolves to (its
	// services.k8s.aws/region annotation, its namespace's default-region,
	// the controller's --aws-region) when the spec leaves it unset, as S3's
	// CreateBucketConfiguration.LocationConstraint. The value goes to AWS
	// only, never into the spec; a spec value naming another region is a
	// Terminal error.
	FromRegion *FromRegion `yaml:"fromRegion,omitempty"`
	// AsList gives a top-level spec field of one value as a list of at
	// most one element, as the incumbent's VPC cidrBlocks holds CreateVpc's
	// CidrBlock: the element is sent, the value read back is a list of
	// one, and the CRD refuses a second element.
	AsList bool `yaml:"asList,omitempty"`
	// Single gives a top-level spec field that is a list of strings as one
	// string, sent as a list of one: the incumbent's FlowLog has
	// resourceID where CreateFlowLogs takes ResourceIds.
	Single bool `yaml:"single,omitempty"`
	// Associations lets an asList field hold more elements than the
	// create takes, each added and removed by operations of its own, as
	// a VPC's further CIDR blocks are by AssociateVpcCidrBlock and
	// DisassociateVpcCidrBlock.
	Associations *Associations `yaml:"associations,omitempty"`
	// Fixed makes a top-level integer spec field take one value only: the
	// API server fills it in when the manifest leaves it out, and refuses
	// any other. RunInstances requires MinCount and MaxCount, which are 1
	// for one instance per object.
	Fixed *int `yaml:"fixed,omitempty"`
	// Because says why the override is needed.
	Because string `yaml:"because,omitempty"`
}

// From is where a read-only field comes from.
type From struct {
	// Operation is called with the resource's identifiers.
	Operation string `yaml:"operation"`
	// Path is the dotted member path of the value in its output.
	Path string `yaml:"path"`
}

// FromRegion is where a create input member takes the target region.
type FromRegion struct {
	// Except are regions in which the member is never sent, because the
	// service takes its absence for that region and refuses the name:
	// S3 wants no location in us-east-1.
	Except []string `yaml:"except,omitempty" schema:"minLength=1"`
}

// Reference names the kind a field can refer to.
type Reference struct {
	// Kind is the referenced kind.
	Kind string `yaml:"kind" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// Service is the referenced kind's service folder, when it is not this
	// service.
	Service string `yaml:"service,omitempty" schema:"pattern=^[a-z0-9-]+$"`
	// Path is the JSON path in the referenced resource that holds the
	// value; by default its ARN.
	Path string `yaml:"path,omitempty" schema:"pattern=^\\.(spec|status)\\."`
}

// Column is a kubectl printer column.
type Column struct {
	// Name is the column header; by default the field's JSON name in
	// capitals, its words joined by hyphens (TABLE-STATUS).
	Name string `yaml:"name,omitempty"`
	// Priority 0 shows the column always, higher only with -o wide.
	Priority int `yaml:"priority,omitempty" schema:"minimum=0"`
}

// Shape configures a Smithy shape.
type Shape struct {
	// Ignore leaves every member that targets the shape out of the API.
	Ignore bool `yaml:"ignore,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Associations are the operations that add and remove the elements of a
// list field beyond the one the create takes.
type Associations struct {
	// Associate adds one element: it takes the resource's identifiers and
	// the element, in the member named like the field.
	Associate string `yaml:"associate"`
	// Disassociate removes one: it takes the association's identifier.
	Disassociate string `yaml:"disassociate"`
	// ObservedAt is the read output member listing the associations, each
	// a structure with the element and the association's identifier.
	ObservedAt string `yaml:"observedAt"`
}

// Link names the operations that associate and disassociate one element
// of a list of other resources' identifiers, and how to list them.
type Link struct {
	// Associate adds one: it takes the resource's identifier and the
	// element, and returns the association's identifier.
	Associate string `yaml:"associate"`
	// Disassociate removes one: it takes the association's identifier.
	Disassociate string `yaml:"disassociate"`
	// List lists the associations: an operation whose input has Filters.
	List string `yaml:"list"`
	// Filter is the filter name that takes the resource's identifier
	// (association.subnet-id).
	Filter string `yaml:"filter"`
	// ObservedAt is the dotted path of lists in List's output to the
	// associations, each holding the element, the resource's identifier
	// and the association's (RouteTables.Associations).
	ObservedAt string `yaml:"observedAt"`
	// IDMember is the member of Associate's input, and of each listed
	// association, that carries the resource's identifier, where it is not
	// named like the identifier: an internet gateway's InternetGatewayId is
	// AssociateRouteTable's GatewayId. Unset, the identifier's own name.
	IDMember string `yaml:"idMember,omitempty" schema:"pattern=^[A-Z][A-Za-z0-9]*$"`
	// DisassociateID makes Disassociate a call taking the element and this
	// value in place of the resource's identifier, where AWS has no call
	// of its own that takes an association's identifier: a VPC leaves its
	// DHCP options by AssociateDhcpOptions with DhcpOptionsId "default".
	// The listed entries then need no association identifier.
	DisassociateID string `yaml:"disassociateID,omitempty"`
	// Emulator records what the AWS emulator of the end-to-end tests
	// (moto) lacks for this link; the service's generated README.md lists
	// it.
	Emulator *Emulator `yaml:"emulator,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Move says how an element of a moves: list is moved to this resource
// and back to its home.
type Move struct {
	// Member is the element's member naming the other resource, the key
	// of the list (SubnetId).
	Member string `yaml:"member"`
	// Replace moves one: it takes the other resource's current
	// association's identifier and this resource's (or the home's)
	// identifier, and returns the new association's.
	Replace string `yaml:"replace"`
	// Find is the filter of the read operation that, given the other
	// resource's identifier, finds the resource holding it with the
	// association to replace (association.subnet-id).
	Find string `yaml:"find"`
	// Home finds where an element goes back to: read filters by name,
	// each given a literal value or, in braces, the read output member of
	// this resource holding it ({vpc-id: "{VpcId}", default: "true"}).
	Home map[string]string `yaml:"home"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Action names the operation a boolean spec field calls, and the states
// in which it does.
type Action struct {
	// Operation is called with the resource's identifiers.
	Operation string `yaml:"operation"`
	// State is the dotted path of the read output member holding the
	// resource's state (Status.Code).
	State string `yaml:"state"`
	// When are the states in which a true field calls the operation; in
	// any other the field counts as done, so it never drifts.
	When []string `yaml:"when" schema:"minItems=1"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// IdempotentCreate declares the create idempotent by its input.
type IdempotentCreate struct {
	// Because says why: where AWS documents it.
	Because string `yaml:"because"`
}

// ElementCalls names the operations that add and remove one element of
// a list of strings per call.
type ElementCalls struct {
	// Add adds one: it takes the resource's identifier and the element.
	Add string `yaml:"add"`
	// Remove removes one; it takes the same two members.
	Remove string `yaml:"remove"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// AddRemoveSet names the operations that change and list a set of strings.
type AddRemoveSet struct {
	// Modify changes it: it takes the resource's identifier and the lists
	// Add<Field> and Remove<Field>.
	Modify string `yaml:"modify"`
	// List lists it: it takes the resource's identifier.
	List string `yaml:"list"`
	// ObservedAt is the dotted path in List's output to the strings,
	// through lists of structures (AllowedPrincipals.Principal).
	ObservedAt string `yaml:"observedAt"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// AttachedSet names the operations that attach, detach and list other
// resources' identifiers one per call.
type AttachedSet struct {
	// Attach attaches one: it takes the resource's identifier and the
	// element, in the member that keys the entry.
	Attach string `yaml:"attach"`
	// Detach detaches one; it takes the same two members.
	Detach string `yaml:"detach"`
	// List lists them: it takes the resource's identifier.
	List string `yaml:"list"`
	// ObservedAt is the dotted path in List's output to the identifiers,
	// through lists of structures (AttachedPolicies.PolicyArn).
	ObservedAt string `yaml:"observedAt"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// StringMap names the operations that put, delete, list and get the
// entries of a map of strings one key per call.
type StringMap struct {
	// Put sets one entry: it takes the resource's identifier, the key and
	// the value.
	Put string `yaml:"put"`
	// Delete removes one entry: it takes the identifier and the key.
	Delete string `yaml:"delete"`
	// List lists the keys: it takes the identifier.
	List string `yaml:"list"`
	// Get reads one entry's value: it takes the identifier and the key.
	Get string `yaml:"get"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// KeepEmpty names the related resources whose collections a boolean
// spec field keeps empty, and the operations that empty them.
type KeepEmpty struct {
	// List lists the related resources: an operation whose input has
	// Filters.
	List string `yaml:"list"`
	// Filter is the filter name that takes the resource's identifier
	// (vpc-id).
	Filter string `yaml:"filter"`
	// Filters are further filters, each a name and its one value
	// (group-name: default).
	Filters map[string]string `yaml:"filters,omitempty"`
	// ObservedAt is the dotted path of lists in List's output to the
	// related resources (SecurityGroups).
	ObservedAt string `yaml:"observedAt"`
	// Empty maps each list member of a related resource that must stay
	// empty to the operation removing its entries, which takes the
	// related resource's identifier and the entries as listed
	// (IpPermissions: RevokeSecurityGroupIngress).
	Empty map[string]string `yaml:"empty" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Attachment names the operations that set a single-valued attachment,
// and where the read reports it.
type Attachment struct {
	// Attach sets it: it takes the resource's identifiers and the value.
	Attach string `yaml:"attach"`
	// Detach removes it: it takes the resource's identifiers and the value
	// attached.
	Detach string `yaml:"detach"`
	// ObservedAt is the read output member listing the attachments, each
	// a structure holding the value in the member named like the field
	// (DescribeInternetGateways' Attachments[].VpcId).
	ObservedAt string `yaml:"observedAt"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Attributes map a string map of settings, which the resource's read
// returns and its create takes, to fields of their own (SQS's
// GetQueueAttributes, SetQueueAttributes and CreateQueue's Attributes).
type Attributes struct {
	// Set changes attributes: a map of them per call (SetQueueAttributes'
	// Attributes), or one name and value per call (SNS's
	// SetTopicAttributes' AttributeName and AttributeValue). Default
	// Set<R>Attributes.
	Set string `yaml:"set,omitempty"`
	// Map is the map member of the read output, the create input and a
	// set taking a map. Default Attributes.
	Map string `yaml:"map,omitempty"`
	// Names is the read input's list of the attribute names to read; it
	// gets every attribute of Fields. Default AttributeNames where the
	// read input has it; without one, the read returns them all.
	Names string `yaml:"names,omitempty"`
	// Fields are the attributes the kind manages, by their names in the
	// map. Each is a string spec field, updatable unless it says
	// otherwise.
	Fields map[string]*AttributeField `yaml:"fields" schema:"keyPattern=^[A-Z][A-Za-z0-9]*$"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// AttributeField is one attribute of Attributes.Fields.
type AttributeField struct {
	// CreateOnly attributes go in the create's map and never in a set
	// (SQS's FifoQueue).
	CreateOnly bool `yaml:"createOnly,omitempty"`
	// ReadOnly attributes are status fields AWS reports (QueueArn).
	ReadOnly bool `yaml:"readOnly,omitempty"`
	// Default is the value AWS gives the attribute when it is not set
	// (SQS's DelaySeconds "0"; "" for a policy, which removes it). An
	// attribute the spec drops after the controller applied it is set
	// back to it; without one, dropping it leaves AWS's value.
	Default *string `yaml:"default,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Toggle names the operations that turn a boolean on and off, and where
// its value is read.
type Toggle struct {
	// Enable turns it on; it takes the resource's identifiers only
	// (EnableKeyRotation).
	Enable string `yaml:"enable"`
	// Disable turns it off; it takes the resource's identifiers only
	// (DisableKeyRotation).
	Disable string `yaml:"disable"`
	// Get reads it, with the resource's identifiers
	// (GetKeyRotationStatus).
	Get string `yaml:"get"`
	// ObservedAt is the member of Get's output holding the boolean
	// (KeyRotationEnabled).
	ObservedAt string `yaml:"observedAt"`
	// Emulator records how the end-to-end tests' emulator fails it.
	Emulator *Emulator `yaml:"emulator,omitempty"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}

// Versions names the operations on the versions of a versioned document.
type Versions struct {
	// Create makes a version: it takes the resource's identifier, the
	// document and one boolean that makes the version the default
	// (Create<R>Version by default).
	Create string `yaml:"create,omitempty"`
	// Get reads one version: it takes the identifier and the version's
	// name (Get<R>Version by default).
	Get string `yaml:"get,omitempty"`
	// List lists the versions, each with its name, whether it is the
	// default and its creation time (List<R>Versions by default).
	List string `yaml:"list,omitempty"`
	// Delete deletes one version (Delete<R>Version by default).
	Delete string `yaml:"delete,omitempty"`
	// ObservedAt is the dotted path in Get's output to the document
	// (PolicyVersion.Document).
	ObservedAt string `yaml:"observedAt"`
	// DefaultVersion is the read output member naming the default version
	// (DefaultVersionId), which a resync reads with Get.
	DefaultVersion string `yaml:"defaultVersion"`
	// Max is how many versions AWS keeps at most: a change when Max exist
	// deletes the oldest version that is not the default first.
	Max int `yaml:"max" schema:"minimum=2"`
	// Because says why.
	Because string `yaml:"because,omitempty"`
}
