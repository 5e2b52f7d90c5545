// Package conditions names the conditions every generated kind reports and
// sets them without churn.
package conditions

import (
	"slices"
	"strings"
	"unicode/utf8"

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

// The API server's limits on a condition (metav1.Condition's validation):
// a status write that breaks one is refused as a whole.
const (
	maxReasonLen  = 1024
	maxMessageLen = 32768
	// fallbackReason stands in for a reason with no letter to start from.
	fallbackReason = "Error"
)

// Set records a condition. meta.SetStatusCondition keeps the
// lastTransitionTime unless the status flips, so an unchanged resource
// produces an unchanged status. The reason and message are made valid, and
// ACK.Terminal is kept first (see order).
func Set(conds *[]metav1.Condition, generation int64, typ string, status bool, reason, message string) {
	s := metav1.ConditionFalse
	if status {
		s = metav1.ConditionTrue
	}
	meta.SetStatusCondition(conds, metav1.Condition{
		Type:               typ,
		Status:             s,
		Reason:             Reason(reason),
		Message:            Message(message),
		ObservedGeneration: generation,
	})
	order(*conds)
}

// Advance moves the conditions observed at generation from to generation
// to, for a spec write that changes nothing they say.
func Advance(conds []metav1.Condition, from, to int64) {
	for i := range conds {
		if conds[i].ObservedGeneration == from {
			conds[i].ObservedGeneration = to
		}
	}
}

// order moves ACK.Terminal to the front. Argo CD's health check for
// *.services.k8s.aws scans the conditions in order and stops at the first
// ACK.Terminal=True (Degraded) or Ready (False: Progressing, True:
// Healthy); appended in order of first appearance, a Ready that predates
// the Terminal error would hide it behind Progressing forever.
func order(conds []metav1.Condition) {
	slices.SortStableFunc(conds, func(a, b metav1.Condition) int {
		return rank(a.Type) - rank(b.Type)
	})
}

func rank(typ string) int {
	if typ == Terminal {
		return 0
	}
	return 1
}

// Reason makes s a valid condition reason: the pattern
// ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$, at most 1024 characters. AWS
// error codes such as KMS.DisabledException contain dots; each character
// outside the pattern becomes an underscore.
func Reason(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !isLetter(r) })
	s = strings.Map(func(r rune) rune {
		if isLetter(r) || (r >= '0' && r <= '9') || r == '_' || r == ',' || r == ':' {
			return r
		}
		return '_'
	}, s)
	if len(s) > maxReasonLen {
		s = s[:maxReasonLen]
	}
	s = strings.TrimRight(s, ",:")
	if s == "" {
		return fallbackReason
	}
	return s
}

func isLetter(r rune) bool { return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') }

// Message cuts s to the API server's limit, on a character boundary, and
// says that it did.
func Message(s string) string {
	if len(s) <= maxMessageLen {
		return s
	}
	const cut = " … (truncated)"
	s = s[:maxMessageLen-len(cut)]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + cut
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
