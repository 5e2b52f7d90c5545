package reconciler

import (
	"slices"
	"strconv"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// Action is one thing the reconciler may do to a resource. A policy is an
// explicit set of them, in the manner of crossplane's management policies,
// so that every mode reads as a list of what it allows.
type Action string

const (
	ActionObserve        Action = "Observe"        // read AWS and publish status
	ActionCreate         Action = "Create"         // create a missing resource
	ActionUpdate         Action = "Update"         // correct differences from the spec
	ActionDelete         Action = "Delete"         // delete in AWS when the object goes
	ActionLateInitialize Action = "LateInitialize" // copy AWS defaults into an empty spec
	ActionAdopt          Action = "Adopt"          // take over a resource this object did not create
)

// Adoption modes, for ActionAdopt.
const (
	adoptReadSpec = "read-spec" // adopt: AWS's values replace the spec
	adoptFillSpec = "fill-spec" // adopt-or-create: AWS fills only what the spec leaves empty
)

// Policy is what the reconciler may do to one object, resolved from its
// annotations, its namespace's and the controller's flags.
type Policy struct {
	Actions []Action
	// Paused stops everything, deletion included.
	Paused bool
	// AdoptMode says how an adopted resource's spec is filled.
	AdoptMode string
	// AdoptionFields are spec values naming the resource to adopt.
	AdoptionFields map[string]any
	// Why explains the policy in conditions and events, e.g. "read-only".
	Why string
}

// Has reports whether the policy allows a.
func (p Policy) Has(a Action) bool { return slices.Contains(p.Actions, a) }

func (p Policy) without(a Action) Policy {
	p.Actions = slices.DeleteFunc(slices.Clone(p.Actions), func(x Action) bool { return x == a })
	return p
}

// policyInput is everything a policy depends on.
type policyInput struct {
	annotations    map[string]string // the object's
	deletionPolicy string            // already resolved: object, namespace, flag
}

// resolvePolicy turns annotations into a policy. Invalid values are
// Terminal errors: guessing what a typo meant could delete or take over a
// resource.
func resolvePolicy(in policyInput) (Policy, error) {
	a := in.annotations
	paused, err := boolAnnotation(a, AnnotationPaused)
	if err != nil {
		return Policy{}, err
	}
	if paused {
		return Policy{Paused: true, Why: "paused"}, nil
	}
	readOnly, err := boolAnnotation(a, AnnotationReadOnly)
	if err != nil {
		return Policy{}, err
	}
	if readOnly {
		// Observe only: a read-only object never writes to AWS, and deleting
		// it never deletes the AWS resource.
		return Policy{Actions: []Action{ActionObserve}, Why: "read-only"}, nil
	}
	p := Policy{Actions: []Action{ActionObserve, ActionCreate, ActionUpdate, ActionDelete, ActionLateInitialize}}
	switch v := a[AnnotationAdoptionPolicy]; v {
	case "":
	case AdoptionPolicyAdopt:
		p = p.without(ActionCreate)
		p.Actions = append(p.Actions, ActionAdopt)
		p.AdoptMode, p.Why = adoptReadSpec, "adopt"
	case AdoptionPolicyAdoptOrCreate:
		p.Actions = append(p.Actions, ActionAdopt)
		p.AdoptMode, p.Why = adoptFillSpec, "adopt-or-create"
	default:
		return Policy{}, managed.Terminalf("%s %q is not %s or %s", AnnotationAdoptionPolicy, v, AdoptionPolicyAdopt, AdoptionPolicyAdoptOrCreate)
	}
	if raw := a[AnnotationAdoptionFields]; raw != "" {
		if !p.Has(ActionAdopt) {
			return Policy{}, managed.Terminalf("%s is set but %s is not; set it to %s or %s", AnnotationAdoptionFields, AnnotationAdoptionPolicy, AdoptionPolicyAdopt, AdoptionPolicyAdoptOrCreate)
		}
		fields, err := parseAdoptionFields(raw)
		if err != nil {
			return Policy{}, err
		}
		p.AdoptionFields = fields
	}
	switch in.deletionPolicy {
	case "", DeletionPolicyDelete:
	case DeletionPolicyRetain:
		p = p.without(ActionDelete)
	default:
		return Policy{}, managed.Terminalf("%s %q is not %s or %s", AnnotationDeletionPolicy, in.deletionPolicy, DeletionPolicyDelete, DeletionPolicyRetain)
	}
	return p, nil
}

func boolAnnotation(a map[string]string, key string) (bool, error) {
	v, ok := a[key]
	if !ok || v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, managed.Terminalf("%s %q is not true or false", key, v)
	}
	return b, nil
}
