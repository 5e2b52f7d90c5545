package harness

import (
	"context"
	"fmt"
	"strings"
	"time"

	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

// Managed is an object of any generated kind.
type Managed interface {
	client.Object
	GetManagedStatus() *ackv1alpha1.ManagedStatus
}

// WaitFor polls obj until cond accepts it; cond explains a refusal. It
// returns the accepted object.
func WaitFor[T Managed](e *Env, obj T, what string, cond func(T) error) T {
	e.T.Helper()
	key := client.ObjectKeyFromObject(obj)
	got := obj.DeepCopyObject().(T)
	Eventually(e.T, Wait, 200*time.Millisecond, func() error {
		if exited, err := e.exited(); exited {
			e.T.Fatalf("the controller exited: %v", err)
		}
		if err := e.K.Get(context.Background(), key, got); err != nil {
			return err
		}
		if err := cond(got); err != nil {
			return fmt.Errorf("%s %s: %w", key, what, err)
		}
		return nil
	})
	return got
}

// WaitReady waits for Ready=True at the current generation.
func WaitReady[T Managed](e *Env, obj T) T {
	e.T.Helper()
	return WaitFor(e, obj, "to be Ready", ConditionIs[T]("Ready", metav1.ConditionTrue))
}

// ConditionIs accepts an object whose condition typ has status at the
// object's current generation.
func ConditionIs[T Managed](typ string, status metav1.ConditionStatus) func(T) error {
	return func(obj T) error {
		c := apimeta.FindStatusCondition(obj.GetManagedStatus().Conditions, typ)
		if c == nil || c.Status != status || c.ObservedGeneration != obj.GetGeneration() {
			return fmt.Errorf("want %s=%s at generation %d, conditions %s", typ, status, obj.GetGeneration(), DescribeConditions(obj))
		}
		return nil
	}
}

// CheckOwnership fails the test unless obj's status names its resource's
// ARN and the ownership want.
func CheckOwnership(e *Env, obj Managed, want ackv1alpha1.Ownership) {
	e.T.Helper()
	if md := obj.GetManagedStatus().ACKResourceMetadata; md == nil || md.Ownership != want || md.ARN == nil {
		e.T.Errorf("%s: resource metadata %+v, want ownership %s and the ARN", obj.GetName(), md, want)
	}
}

// DescribeConditions shows an object's conditions for a failure message.
func DescribeConditions(obj Managed) string {
	var parts []string
	for _, c := range obj.GetManagedStatus().Conditions {
		parts = append(parts, fmt.Sprintf("%s=%s(%s, gen %d): %s", c.Type, c.Status, c.Reason, c.ObservedGeneration, c.Message))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// Condition is the object's condition typ, or an empty one.
func Condition(obj Managed, typ string) *metav1.Condition {
	c := apimeta.FindStatusCondition(obj.GetManagedStatus().Conditions, typ)
	if c == nil {
		return &metav1.Condition{}
	}
	return c
}

// Edit changes an object with a merge patch, so that a status write by the
// controller in between cannot make the edit conflict.
func Edit[T Managed](e *Env, obj T, edit func(T)) {
	e.T.Helper()
	cur := obj.DeepCopyObject().(T)
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(obj), cur); err != nil {
		e.T.Fatal(err)
	}
	patch := client.MergeFrom(cur.DeepCopyObject().(T))
	edit(cur)
	if err := e.K.Patch(context.Background(), cur, patch); err != nil {
		e.T.Fatal(err)
	}
}
