package conv

// Attribute is one attribute of a string map AWS returns (SQS's
// GetQueueAttributes), nil when the map lacks it.
func Attribute(attrs map[string]string, name string) *string {
	v, ok := attrs[name]
	if !ok {
		return nil
	}
	return &v
}

// Attributes is the map of the attributes that are set, nil when none is:
// a create or set sends only what the spec gives.
func Attributes(attrs map[string]*string) map[string]string {
	var out map[string]string
	for name, v := range attrs {
		if v == nil {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[name] = *v
	}
	return out
}
