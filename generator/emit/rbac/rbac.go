// Package rbac holds what a generated controller may do in the cluster, as
// one list of rules grouped by where they apply. Both config/rbac and the
// Helm chart are written from it, so the two cannot grant different things.
package rbac

import (
	"bytes"
	"fmt"

	rbacv1 "k8s.io/api/rbac/v1"
	"sigs.k8s.io/yaml"
)

// RoleAccountMapName is the ConfigMap, in the controller's own namespace,
// that maps AWS accounts to IAM roles for cross-account management. The
// runtime reads it under the same name.
const RoleAccountMapName = "ack-role-account-map"

// Rules are the controller's permissions, by the scope each group needs.
type Rules struct {
	// Watched apply in every namespace the controller watches: its kinds,
	// the Secrets their secret fields name, events about them, and the
	// objects their references name. A ClusterRole when it watches all.
	Watched []rbacv1.PolicyRule
	// Cluster are on cluster-scoped objects, so they need a ClusterRole
	// whatever the install scope: the namespace annotations.
	Cluster []rbacv1.PolicyRule
	// CARM apply in the controller's own namespace, only with cross-account
	// management on: the role account map.
	CARM []rbacv1.PolicyRule
	// LeaderElection apply in the namespace of the leader election Lease.
	LeaderElection []rbacv1.PolicyRule
}

// Kind is one kind the controller reconciles.
type Kind struct {
	Plural string
	// Secrets is true when the kind has a field given as a Secret key.
	Secrets bool
	// Bytes is true when the kind has a field given as a ConfigMap or
	// Secret key's bytes (a BytesSource).
	Bytes bool
}

// Target is a kind of another API group that references read.
type Target struct{ Group, Plural string }

// For returns the rules of a controller for group's kinds, reading
// targets through references. Resource lists are in the order given.
func For(group string, kinds []Kind, targets []Target) Rules {
	var plurals, status []string
	secrets, sources := false, false
	for _, k := range kinds {
		plurals = append(plurals, k.Plural)
		status = append(status, k.Plural+"/status")
		secrets = secrets || k.Secrets || k.Bytes
		sources = sources || k.Bytes
	}
	watched := []rbacv1.PolicyRule{
		// The reconciler watches its kinds and writes them only by patch:
		// finalizers and late-initialized spec fields, then status.
		{APIGroups: []string{group}, Resources: plurals, Verbs: []string{"get", "list", "watch", "patch"}},
		{APIGroups: []string{group}, Resources: status, Verbs: []string{"patch"}},
		// Events about the objects, through the events.k8s.io API.
		{APIGroups: []string{"events.k8s.io"}, Resources: []string{"events"}, Verbs: []string{"create", "patch"}},
	}
	if secrets {
		// One uncached read per secret field before a create or update:
		// never a list or a watch, which would copy every Secret.
		watched = append(watched, rbacv1.PolicyRule{APIGroups: []string{""}, Resources: []string{"secrets"}, Verbs: []string{"get"}})
	}
	if sources {
		// Byte sources are read every pass, so from the cache: a ConfigMap
		// informer lists and watches.
		watched = append(watched, rbacv1.PolicyRule{APIGroups: []string{""}, Resources: []string{"configmaps"}, Verbs: []string{"get", "list", "watch"}})
	}
	for _, t := range targets {
		watched = append(watched, rbacv1.PolicyRule{APIGroups: []string{t.Group}, Resources: []string{t.Plural}, Verbs: []string{"get"}})
	}
	return Rules{
		Watched: watched,
		// A metadata informer on namespaces: list and watch, read from cache.
		Cluster: []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"namespaces"}, Verbs: []string{"list", "watch"}}},
		CARM: []rbacv1.PolicyRule{{
			APIGroups: []string{""}, Resources: []string{"configmaps"},
			ResourceNames: []string{RoleAccountMapName}, Verbs: []string{"get"},
		}},
		LeaderElection: []rbacv1.PolicyRule{
			{APIGroups: []string{"coordination.k8s.io"}, Resources: []string{"leases"}, Verbs: []string{"get", "create", "update"}},
			// controller-runtime reports leadership changes through the core events API.
			{APIGroups: []string{""}, Resources: []string{"events"}, Verbs: []string{"create", "patch"}},
		},
	}
}

// YAML writes rules as the YAML list a Role's "rules" key holds.
func YAML(rules []rbacv1.PolicyRule) ([]byte, error) {
	data, err := yaml.Marshal(rules)
	if err != nil {
		return nil, fmt.Errorf("rbac rules: %w", err)
	}
	return bytes.TrimSuffix(data, []byte("\n")), nil
}
