package managed

import "context"

type nameTagKey struct{}

// nameTag is the default tag whose value names the object.
type nameTag struct{ key, value string }

// WithNameTag returns ctx saying which of the default tags names the
// object: the one whose template holds the object's name. The runtime
// calls it beside WithDefaultTags.
func WithNameTag(ctx context.Context, key, value string) context.Context {
	return context.WithValue(ctx, nameTagKey{}, nameTag{key, value})
}

// NameTag returns the default tag that names the object being reconciled,
// already expanded; ok is false when no default tag holds its name. A
// lookup by tag asks a service's tag index for it first: few resources
// carry one object's name, while every resource carries the other
// default tags.
func NameTag(ctx context.Context) (key, value string, ok bool) {
	t, ok := ctx.Value(nameTagKey{}).(nameTag)
	return t.key, t.value, ok
}
