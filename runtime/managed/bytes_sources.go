package managed

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
)

// SourceBytes are the bytes of the ConfigMap and Secret keys an object's
// spec names through BytesSource fields (Kind.ByteSources), by the field's
// spec path. The runtime reads them at the start of every pass, from its
// cache, and hands them to the manager through the context: Observe
// compares their hash with what AWS reports, Create and Update send them.
type SourceBytes map[string][]byte

type sourceBytesKey struct{}

// WithSourceBytes returns ctx carrying the bytes read for one pass.
func WithSourceBytes(ctx context.Context, b SourceBytes) context.Context {
	return context.WithValue(ctx, sourceBytesKey{}, b)
}

// BytesFrom returns the bytes read for the BytesSource at the spec path,
// or fallback (the spec's own value) when the spec sets no source there.
func BytesFrom(ctx context.Context, path string, fallback []byte) []byte {
	b, _ := ctx.Value(sourceBytesKey{}).(SourceBytes)
	if v, ok := b[path]; ok {
		return v
	}
	return fallback
}

// BytesSHA256 is the base64 of the SHA-256 of the bytes read for the
// spec path, as Lambda reports a package's CodeSha256; "" when the spec
// sets no source there.
func BytesSHA256(ctx context.Context, path string) string {
	b, _ := ctx.Value(sourceBytesKey{}).(SourceBytes)
	v, ok := b[path]
	if !ok {
		return ""
	}
	sum := sha256.Sum256(v)
	return base64.StdEncoding.EncodeToString(sum[:])
}
