// Package v1alpha1 holds the status types that every generated kind shares.
// +kubebuilder:object:generate=false
package v1alpha1
