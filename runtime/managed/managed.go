// Package managed defines the narrow contract between the shared reconciler
// and the code generated for each kind.
package managed

import (
	"context"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"sigs.k8s.io/controller-runtime/pkg/client"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

// Object is a custom resource of a generated kind.
type Object interface {
	client.Object
	GetManagedStatus() *ackv1alpha1.ManagedStatus
}

// Observation is what one read of the AWS resource found. The runtime
// reuses one observation for every decision of a pass, so a kind reads AWS
// once per pass.
type Observation struct {
	// Exists is false when AWS reports the resource missing.
	Exists bool
	// ARN identifies the resource when the read returns it.
	ARN *string
	// Diff lists the spec paths (JSON names, dot separated) whose desired
	// value differs from AWS.
	Diff []string
	// Pending is set while AWS reports a transitional state such as
	// CREATING; the runtime then checks back soon instead of updating.
	Pending string
	// Failed is set while AWS reports a state it gave up in, such as
	// CREATE_FAILED; the runtime reports it as Terminal unless the spec
	// asks for a change.
	Failed string
	// Observed is the spec as AWS reports it, a value of the kind's spec
	// type: the desired spec with every field the read returns replaced by
	// AWS's value. Adoption copies it into the spec, and late
	// initialization copies Kind.LateInitFields from it. Optional: without
	// it the runtime neither adopts nor late-initializes.
	Observed any
	// Immutable lists the spec paths that differ from AWS where no update
	// can make the change: create-only fields, and list elements no
	// element action can change. The runtime refuses such a spec.
	Immutable []string
}

// Changed reports whether the top-level spec field named by its JSON name
// differs, so that an update sends only the fields that need it.
func (o Observation) Changed(field string) bool {
	return slices.ContainsFunc(o.Diff, func(p string) bool {
		return p == field || strings.HasPrefix(p, field+".") || strings.HasPrefix(p, field+"[")
	})
}

// ChangedOtherThan reports whether a spec field other than the named
// top-level ones differs: a kind whose tags or sub-resources have their own
// operations calls its update proper only when something else needs it.
func (o Observation) ChangedOtherThan(fields ...string) bool {
	for _, p := range o.Diff {
		if !slices.ContainsFunc(fields, func(f string) bool { return (Observation{Diff: []string{p}}).Changed(f) }) {
			return true
		}
	}
	return false
}

// External performs the AWS calls for one kind. Observe fills the object's
// status from AWS; Create and Update may fill it from their outputs. The
// runtime shares one External per target across concurrent reconciles, so
// it must be safe for concurrent use (an SDK client is).
type External[T Object] interface {
	Observe(ctx context.Context, obj T) (Observation, error)
	Create(ctx context.Context, obj T) error
	Update(ctx context.Context, obj T, obs Observation) error
	Delete(ctx context.Context, obj T) error
}

// Kind describes one generated kind to the runtime. Only Name, New and
// Connect are required; the rest switch on runtime features the kind's
// API supports.
type Kind[T Object] struct {
	// Name is the Kubernetes kind, for example "Table".
	Name string
	// New returns an empty object of the kind.
	New func() T
	// Connect returns the kind's AWS client for one account and region
	// (cfg.Region is the region the object resolved to). The runtime
	// caches the result per region, account, role and endpoint, so Connect
	// runs once per combination.
	Connect func(cfg aws.Config, opts ClientOptions) External[T]
	// TerminalCodes are AWS error codes that only a spec change can fix,
	// beyond the validation classes every kind shares: the client errors
	// of the kind's operations that no retry fixes (see IsTerminal).
	TerminalCodes []string
	// RecoverableCodes are AWS error codes that a retry may get past,
	// even where the shared validation codes say otherwise.
	RecoverableCodes []string
	// AlreadyExistsCodes are the Create error codes that mean the
	// resource's identifier is taken, e.g. ResourceInUseException. Such a
	// create is Terminal: the runtime never takes over a resource it did
	// not create unless the object asks for adoption.
	AlreadyExistsCodes []string
	// LateInitFields are the spec paths (JSON names, dot separated, no
	// list indexes) that AWS defaults when the user leaves them empty.
	// The runtime copies them from Observation.Observed into the spec
	// once, so that a later change in AWS shows as drift.
	LateInitFields []string
	// References fill spec fields from other objects, of any kind and
	// service, found by group, version and kind.
	References []Reference
	// SecretFields are the spec paths of the fields that hold an
	// ackv1alpha1.SecretKeyReference: JSON names, dot separated, where *
	// stands for every element of a list or every value of a map, as in
	// "password", "config.token" or "rules.*.passphrase". The runtime
	// reads the Secret keys they name before Create and Update and hands
	// the values over with WithSecrets; a manager reads them with
	// SecretValue or a SecretReader.
	SecretFields []string
	// SecretMapFields are the spec paths, written the same way, of the
	// fields that hold an ackv1alpha1.SecretReference: every key of the
	// Secret it names is read, for a map AWS marks @sensitive. Each path
	// ends in From; without it, it names the map's own entries
	// (environment.variablesFrom beside environment.variables).
	SecretMapFields []string
	// AssignedIdentifier is set when AWS, not the spec, chooses the
	// resource's identifier, so Observe needs a status field to find it. A
	// create whose outcome is unknown can then only be settled by a
	// Finder, the create's client token, or a person; never by creating
	// again blindly.
	AssignedIdentifier bool
	// ClientToken is set when the create operation takes an idempotency
	// token: a retried create with the same token cannot make a second
	// resource.
	ClientToken bool
	// IdempotentCreate is set when the create sent again with the same
	// input returns the resource the first made (SNS's CreateTopic, by
	// name): a lost answer is settled by creating again.
	IdempotentCreate bool
	// AppliedFields are the top-level spec fields that the read does not
	// return, or not always. The runtime records a hash of the value it
	// last applied in status.lastApplied: an updatable field whose spec
	// value moves away from the record joins the observation's Diff, so
	// the manager sends it once; a create-only one is refused.
	AppliedFields []AppliedField
	// ByteSources are the spec paths (as SecretFields) of BytesSource
	// fields: the runtime reads the ConfigMap or Secret key each names at
	// the start of every pass, and the manager finds the bytes with
	// BytesFrom and BytesSHA256.
	ByteSources []string
	// BatchSize, when set, is how many identifiers one batch read of the
	// kind takes: the kind's External is a BatchReader, and the resyncs of
	// unchanged resources are read together (see the reconciler's batch).
	BatchSize int
	// Global is set for a kind of a service with one endpoint per
	// partition (IAM): its calls go to the controller's region, so region
	// annotations neither break nor matter, and the region is not pinned.
	Global bool
}

// ClientOptions are the controller-wide settings a kind's AWS client is
// built with, beyond what aws.Config carries.
type ClientOptions struct {
	// PathStyle asks for path-style addressing (https://endpoint/bucket
	// rather than https://bucket.endpoint) on clients whose service has
	// it: an emulator at localhost or at an IP address has no host name
	// per bucket.
	PathStyle bool
}

// AppliedField is one of Kind.AppliedFields.
type AppliedField struct {
	// Field is the JSON name of the top-level spec field.
	Field string
	// CreateOnly is set when AWS takes the field only at create.
	CreateOnly bool
	// Observed is set for a field that AWS does report back and the
	// manager compares itself: a configuration with operations of its
	// own. The record only tells the manager that the controller applied
	// a value, so that once the spec drops the field it still reads it,
	// and deletes it, once.
	Observed bool
}

// Applied reports whether the runtime recorded applying a value of the
// top-level spec field (Kind.AppliedFields, by JSON name) to AWS.
func Applied(obj Object, field string) bool {
	_, ok := obj.GetManagedStatus().LastApplied[field]
	return ok
}

// Owned reports whether obj created or adopted its AWS resource, as its
// status records. Observing one (read-only) is not owning it: an object
// that owns nothing never changes or deletes anything in AWS. Until it
// owns one (an adoption to come, a read-only object), a manager reads
// every configuration AWS may hold, not only those the spec sets.
func Owned(obj Object) bool {
	md := obj.GetManagedStatus().ACKResourceMetadata
	return md != nil && md.Ownership != ""
}
