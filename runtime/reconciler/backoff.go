package reconciler

import (
	"math/rand/v2"
	"sync"
	"time"
)

// backoff is the workqueue rate limiter for recoverable errors: the delay
// doubles per consecutive failure of an item up to max, with jitter so
// that resources failing together (an outage) do not retry together.
type backoff[K comparable] struct {
	base, max time.Duration
	rand      func() float64

	mu       sync.Mutex
	failures map[K]int
}

func newBackoff[K comparable](base, max time.Duration) *backoff[K] {
	return &backoff[K]{base: base, max: max, rand: rand.Float64, failures: map[K]int{}}
}

// When returns the delay before the next retry of item.
func (b *backoff[K]) When(item K) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := b.failures[item]
	b.failures[item] = n + 1
	d := b.base
	for range n {
		if d >= b.max/2 {
			d = b.max
			break
		}
		d *= 2
	}
	d = min(d, b.max)
	// Equal jitter: at least half the delay, so the backoff still grows.
	return d/2 + time.Duration(b.rand()*float64(d/2))
}

// Forget resets item after a success.
func (b *backoff[K]) Forget(item K) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.failures, item)
}

// NumRequeues is how often item failed in a row.
func (b *backoff[K]) NumRequeues(item K) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures[item]
}
