package emit

import "fmt"

// ShapePanic is a panic raised while emitting the code of one shape. The
// pipeline turns it into an error naming the shape.
type ShapePanic struct {
	Shape string
	Value any
}

func (p *ShapePanic) Error() string { return fmt.Sprintf("shape %s: %v", p.Shape, p.Value) }

// inShape, deferred around the emission of a shape's code, panics again
// with the shape's name, unless a shape inside it already named itself.
func inShape(shape string) {
	p := recover()
	if p == nil {
		return
	}
	if _, named := p.(*ShapePanic); named {
		panic(p)
	}
	panic(&ShapePanic{Shape: shape, Value: p})
}
