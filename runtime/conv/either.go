package conv

// Either is a when it is set, else b: a spec value, else the status's
// record of it.
func Either[T any](a, b *T) *T {
	if a != nil {
		return a
	}
	return b
}
