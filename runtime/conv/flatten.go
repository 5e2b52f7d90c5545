package conv

// Flatten joins the lists that groups hold, in order: EC2's
// DescribeInstances lists reservations, each listing instances.
func Flatten[G, E any](groups []G, elems func(G) []E) []E {
	var out []E
	for _, g := range groups {
		out = append(out, elems(g)...)
	}
	return out
}
