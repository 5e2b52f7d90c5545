package managed

import (
	"context"
	"errors"
)

// BatchReader is implemented by the External of a kind whose read takes a
// list of identifiers (EC2's DescribeSecurityGroups with GroupIds), so
// that the runtime can observe many unchanged resources of one region and
// account in one call (Kind.BatchSize). Observe stays the read of every
// other pass.
type BatchReader[T Object] interface {
	// BatchID is the identifier the batch read takes for obj; "" while
	// AWS has assigned none.
	BatchID(obj T) string
	// ReadBatch reads the resources ids name in one call and returns
	// their descriptions by identifier. An identifier missing from the
	// answer is no proof the resource is gone: the runtime confirms it
	// with Observe. A list AWS refuses whole because one of its
	// identifiers is unknown (EC2's InvalidGroup.NotFound) is reported
	// as ErrBatchMiss.
	ReadBatch(ctx context.Context, ids []string) (map[string]any, error)
	// ObserveFrom is Observe on a description ReadBatch returned.
	ObserveFrom(ctx context.Context, obj T, desc any) (Observation, error)
}

// ErrBatchMiss is a batch read refused because one of its identifiers
// names no resource; the runtime splits the list to find the others.
var ErrBatchMiss = errors.New("a batch read named a resource AWS does not have")
