package reconciler

import (
	"context"
	"fmt"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/log"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// A diff in a field holding a byte source (Lambda's code.zipFileFrom)
// while the spec stayed put is no drift when the ConfigMap or Secret
// changed: AWS still has what was sent. status.lastApplied keeps, under
// the source's spec path, a hash of the bytes last applied, so the pass
// can tell the two apart and say which it was.

// seenSource is one byte source the pass read.
type seenSource struct {
	path  string // spec path, such as code.zipFileFrom
	label string // what it names, such as ConfigMap apps/code key function.zip
	hash  string
}

// seenSources are the byte sources the spec names, with a hash of the
// bytes the pass read for them (ctx from withByteSources).
func (r *Reconciler[T]) seenSources(ctx context.Context, obj T) []seenSource {
	if len(r.kind.ByteSources) == 0 {
		return nil
	}
	spec, err := specOf(obj)
	if err != nil {
		return nil
	}
	var seen []seenSource
	for _, field := range r.kind.ByteSources {
		for _, at := range pathValues(spec, field) {
			h := managed.BytesSHA256(ctx, at.path)
			var src ackv1alpha1.BytesSource
			// A Secret's bytes leave no hash in the status, which anyone
			// who can read the object reads (as fingerprint records
			// versions, not values): its edits are told as drift.
			if h == "" || fromValue(at.value, &src) != nil || src.SecretKeyRef != nil {
				continue
			}
			// A prefix is enough to tell an edit, and says less of the bytes.
			seen = append(seen, seenSource{path: at.path, label: sourceLabel(obj.GetNamespace(), src), hash: h[:16]})
		}
	}
	return seen
}

func sourceLabel(ns string, src ackv1alpha1.BytesSource) string {
	if ref := src.ConfigMapKeyRef; ref != nil {
		return fmt.Sprintf("ConfigMap %s/%s key %s", ns, ref.Name, ref.Key)
	}
	if ref := src.SecretKeyRef; ref != nil {
		return fmt.Sprintf("Secret %s/%s key %s", ns, ref.Name, ref.Key)
	}
	return ""
}

// changedSources are the sources whose bytes differ from the record of
// what was last applied; one with no record is not known to have changed.
func changedSources(seen []seenSource, record map[string]string) []seenSource {
	var changed []seenSource
	for _, s := range seen {
		if old, known := record[s.path]; known && old != s.hash {
			changed = append(changed, s)
		}
	}
	return changed
}

// recordSources adds the hashes of the sources' bytes to the record.
func recordSources(status *ackv1alpha1.ManagedStatus, seen []seenSource) {
	for _, s := range seen {
		if status.LastApplied == nil {
			status.LastApplied = map[string]string{}
		}
		status.LastApplied[s.path] = s.hash
	}
}

// splitSourced splits diff paths into those under a changed source's
// top-level field and the rest, and describes the changed sources.
func splitSourced(diff []string, changed []seenSource) (sourced, rest []string, labels string) {
	var tops, names []string
	for _, s := range changed {
		tops = append(tops, managed.TopField(s.path))
		names = append(names, s.label)
	}
	for _, p := range diff {
		if slices.Contains(tops, managed.TopField(p)) {
			sourced = append(sourced, p)
		} else {
			rest = append(rest, p)
		}
	}
	return sourced, rest, strings.Join(names, ", ")
}

// sourceChanged reports an update sent because a ConfigMap or Secret the
// spec names changed, not AWS, and any drift sent with it.
func (r *Reconciler[T]) sourceChanged(ctx context.Context, p *pass[T], sent []string, changed []seenSource) {
	sourced, rest, labels := splitSourced(sent, changed)
	if len(sourced) > 0 {
		r.event(p.obj, corev1.EventTypeNormal, "SourceChanged", "Update", "sent %s again: %s changed", strings.Join(sourced, ", "), labels)
		log.FromContext(ctx).Info("sent a changed source", "fields", sourced, "sources", labels)
	}
	if len(rest) > 0 {
		r.driftCorrected(ctx, p, rest, "put back "+strings.Join(rest, ", ")+", changed in AWS outside Kubernetes")
	}
}
