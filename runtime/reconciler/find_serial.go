package reconciler

import "context"

// Looking for what a lost create made lists the kind's resources, the
// costliest read a kind has: EC2's tag filters make moto read every
// resource's tags for every resource, so one lookup at 1,000 security
// groups takes seconds and grows with each resource held. Creates are
// lost in bursts, when AWS is overloaded; concurrent lookups then
// multiply the load that lost them, each runs past the call timeout, is
// retried, and the next is slower still. One lookup per kind at a time
// keeps a burst to the sum of its lookups.

// findGate admits one lookup at a time.
type findGate chan struct{}

func newFindGate() findGate { return make(findGate, 1) }

// enter waits for the gate; a pass whose context ends first gives up.
func (g findGate) enter(ctx context.Context) error {
	select {
	case g <- struct{}{}:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (g findGate) leave() { <-g }
