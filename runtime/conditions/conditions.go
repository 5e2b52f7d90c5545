// Package conditions names the conditions every generated kind reports and
// sets them without churn.
package conditions

import (
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The condition types. Ready follows kstatus; the ACK.* names match the
// incumbent so that Argo CD's built-in health checks work unchanged.
const (
	Ready              = "Ready"
	Synced             = "ACK.ResourceSynced"
	Terminal           = "ACK.Terminal"
	Recoverable        = "ACK.Recoverable"
	ReferencesResolved = "ACK.ReferencesResolved"
	LateInitialized    = "ACK.LateInitialized"
)

// Set records a condition. meta.SetStatusCondition keeps the
// lastTransitionTime unless the status flips, so an unchanged resource
// produces an unchanged status.
func Set(conds *[]metav1.Condition, generation int64, typ string, status bool, reason, message string) {
	s := metav1.ConditionFalse
	if status {
		s = metav1.ConditionTrue
	}
	meta.SetStatusCondition(conds, metav1.Condition{
		Type:               typ,
		Status:             s,
		Reason:             reason,
		Message:            message,
		ObservedGeneration: generation,
	})
}

// Remove drops a condition that no longer applies.
func Remove(conds *[]metav1.Condition, typ string) {
	meta.RemoveStatusCondition(conds, typ)
}

// IsTrue reports whether a condition is True for generation.
func IsTrue(conds []metav1.Condition, typ string, generation int64) bool {
	c := meta.FindStatusCondition(conds, typ)
	return c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == generation
}
