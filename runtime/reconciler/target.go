package reconciler

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// RoleMapper finds the IAM role to assume for an AWS account named by a
// namespace's owner-account-id annotation.
type RoleMapper interface {
	Role(ctx context.Context, account string) (roleARN, externalID string, err error)
}

// RoleAccountMapName is the ConfigMap, in the controller's namespace, that
// maps account IDs to role ARNs; the name is the incumbent's.
const RoleAccountMapName = "ack-role-account-map"

// ConfigMapRoles reads the role map from a ConfigMap: keys are account
// IDs, values role ARNs. An optional key "<account>.externalID" holds the
// external ID that role's trust policy requires.
type ConfigMapRoles struct {
	// Reader should be uncached: the controller may not be allowed to
	// watch ConfigMaps, and a missing permission must show as an error.
	Reader    client.Reader
	Namespace string
	Name      string
}

// Role implements RoleMapper.
func (c ConfigMapRoles) Role(ctx context.Context, account string) (string, string, error) {
	if c.Namespace == "" {
		return "", "", fmt.Errorf("the namespace asks for account %s through %s, but the controller does not know its own namespace: set ACK_SYSTEM_NAMESPACE", account, AnnotationOwnerAccountID)
	}
	var cm corev1.ConfigMap
	if err := c.Reader.Get(ctx, types.NamespacedName{Namespace: c.Namespace, Name: c.Name}, &cm); err != nil {
		return "", "", fmt.Errorf("reading the role map for account %s: %w", account, err)
	}
	role := cm.Data[account]
	if role == "" {
		return "", "", fmt.Errorf("ConfigMap %s/%s maps no role to account %s", c.Namespace, c.Name, account)
	}
	return role, cm.Data[account+".externalID"], nil
}

// placement is where one object's resource lives.
type placement struct {
	target awsclient.Target
	// account is the owner account the namespace asks for; empty means the
	// controller's own.
	account string
}

// place resolves the region (resource annotation, then namespace
// default-region, then the controller's) and the account (namespace
// owner-account-id). Once the resource exists both are pinned in status,
// and a different answer is Terminal rather than a silent move; a
// deletion always goes to the pinned place.
func (r *Reconciler[T]) place(ctx context.Context, obj T, nsAnnotations map[string]string, deleting bool) (placement, error) {
	pinnedRegion, pinnedAccount := r.pinned(obj)

	region := obj.GetAnnotations()[AnnotationRegion]
	if region == "" {
		region = nsAnnotations[AnnotationDefaultRegion]
	}
	if region == "" || r.kind.Global && r.opts.DefaultRegion != "" {
		region = r.opts.DefaultRegion
	}
	if r.kind.Global {
		// One endpoint serves every region of the partition (IAM): the
		// annotations name no place, so a change of them moves nothing.
		pinnedRegion = ""
	}
	if pinnedRegion != "" {
		if region != pinnedRegion && !deleting {
			return placement{}, managed.Terminalf("the resource lives in region %s but now resolves to %s; a region cannot change, so restore the %s annotation (or the namespace's %s) or recreate the resource", pinnedRegion, region, AnnotationRegion, AnnotationDefaultRegion)
		}
		region = pinnedRegion
	}
	if region == "" {
		return placement{}, managed.Terminalf("no AWS region: set the %s annotation on the resource, %s on its namespace, or the controller's --aws-region", AnnotationRegion, AnnotationDefaultRegion)
	}

	p := placement{target: awsclient.Target{Region: region}}
	account := nsAnnotations[AnnotationOwnerAccountID]
	if pinnedAccount != "" && account != pinnedAccount {
		// The namespace names another account, or none: the resource still
		// lives where it was made, and only a deletion may go there.
		if account == "" {
			own, err := r.ownAccount(ctx, p.target)
			if err != nil {
				return placement{}, err
			}
			if own == pinnedAccount {
				return p, nil
			}
		}
		if !deleting {
			return placement{}, managed.Terminalf("the resource lives in account %s but the namespace now names %s; an account cannot change, so restore %s or recreate the resource", pinnedAccount, describeAccount(account), AnnotationOwnerAccountID)
		}
		account = pinnedAccount
	}
	if account == "" {
		return p, nil
	}
	if r.opts.Roles == nil {
		return placement{}, managed.Terminalf("the namespace sets %s, but the controller runs with --enable-carm=false", AnnotationOwnerAccountID)
	}
	role, externalID, err := r.opts.Roles.Role(ctx, account)
	if err != nil {
		return placement{}, err
	}
	p.account = account
	p.target.RoleARN, p.target.ExternalID = role, externalID
	return p, nil
}

// pinned is where the status says the resource lives, else where a
// create whose answer is not recorded yet was sent.
func (r *Reconciler[T]) pinned(obj T) (region, account string) {
	if md := obj.GetManagedStatus().ACKResourceMetadata; md != nil && md.Region != nil {
		return deref(md.Region), deref(md.OwnerAccountID)
	}
	if _, pending := r.createPending(obj); pending {
		rec, _ := readPendingCreate(obj)
		return rec.region, rec.account
	}
	return "", ""
}

func describeAccount(account string) string {
	if account == "" {
		return "none (the controller's own account)"
	}
	return account
}

// pinAccount records the account a resource is about to be made in, the
// controller's own included, so a later change of annotation or
// credentials is refused instead of creating or deleting elsewhere.
func (r *Reconciler[T]) pinAccount(ctx context.Context, p *pass[T]) error {
	if p.place.account != "" {
		return nil
	}
	md := p.obj.GetManagedStatus().ACKResourceMetadata
	if md != nil && md.OwnerAccountID != nil {
		return nil
	}
	own, err := r.ownAccount(ctx, p.place.target)
	if err != nil {
		return err
	}
	p.place.account = own
	return nil
}

// ownAccount is the account of the controller's own credentials in a
// target's region, asked of AWS once per target.
func (r *Reconciler[T]) ownAccount(ctx context.Context, t awsclient.Target) (string, error) {
	r.mu.Lock()
	account, ok := r.accounts[t]
	r.mu.Unlock()
	if ok {
		return account, nil
	}
	cfg, err := r.opts.AWS(ctx, t)
	if err != nil {
		return "", err
	}
	account, err = r.opts.CallerAccount(ctx, cfg)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	r.accounts[t] = account
	r.mu.Unlock()
	return account, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
