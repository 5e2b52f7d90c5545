package managed

import (
	"context"
	"maps"
	"slices"
	"strings"
)

// awsTagPrefix marks tags that AWS itself adds (aws:cloudformation:...).
// Users cannot set or remove them, so they never count as drift.
const awsTagPrefix = "aws:"

type defaultTagsKey struct{}

// WithDefaultTags returns ctx carrying the tags the controller adds to
// every resource it creates. The runtime calls it; generated code reads
// the tags back with DefaultTags.
func WithDefaultTags(ctx context.Context, tags map[string]string) context.Context {
	return context.WithValue(ctx, defaultTagsKey{}, tags)
}

// DefaultTags returns the controller's default tags for the object being
// reconciled, already expanded (namespace, name, controller version).
func DefaultTags(ctx context.Context) map[string]string {
	tags, _ := ctx.Value(defaultTagsKey{}).(map[string]string)
	return tags
}

// DesiredTags merges the default tags under the spec's: a tag the user
// sets wins over a default with the same key.
func DesiredTags(ctx context.Context, spec map[string]string) map[string]string {
	out := maps.Clone(DefaultTags(ctx))
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, spec)
	return out
}

// TagChanges returns what to tag and untag so that observed becomes
// desired; callers untag before they tag. Keys starting with "aws:" are
// AWS's own and are never touched. A key whose value changes is untagged
// too: AWS's tag calls overwrite a key, but some implementations (moto's
// DynamoDB) append a second tag of the same key, which then never reads
// back as one value and, past a page of tags, makes the tag read repeat
// its pages.
func TagChanges(desired, observed map[string]string) (set map[string]string, remove []string) {
	set = map[string]string{}
	for k, v := range desired {
		if strings.HasPrefix(k, awsTagPrefix) {
			continue
		}
		if ov, ok := observed[k]; !ok || ov != v {
			set[k] = v
		}
	}
	for k := range observed {
		if strings.HasPrefix(k, awsTagPrefix) {
			continue
		}
		_, keep := desired[k]
		if _, changed := set[k]; !keep || changed {
			remove = append(remove, k)
		}
	}
	slices.Sort(remove)
	return set, remove
}

// TagsDiffer reports whether observed tags need a change to become desired.
func TagsDiffer(desired, observed map[string]string) bool {
	set, remove := TagChanges(desired, observed)
	return len(set) > 0 || len(remove) > 0
}

// TagsToPut is the whole tag set to send to an API whose put replaces
// every tag at once (S3's PutBucketTagging): the desired tags, and the
// aws: tags AWS reported, since AWS refuses a put that drops or sets
// them.
func TagsToPut(desired, observed map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range desired {
		if !strings.HasPrefix(k, awsTagPrefix) {
			out[k] = v
		}
	}
	for k, v := range observed {
		if strings.HasPrefix(k, awsTagPrefix) {
			out[k] = v
		}
	}
	return out
}
