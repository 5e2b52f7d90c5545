package emit

import "github.com/dave/jennifer/jen"

// endPass ends the update after a sub-resource's put where the resource
// takes one update at a time (oneUpdatePerPass): the runtime requeues,
// the next pass waits while AWS reports the resource pending, and then
// sends the next put that differs.
func (m *managerWriter) endPass() []jen.Code {
	if !m.r.OneUpdatePerPass {
		return nil
	}
	return []jen.Code{
		jen.Comment("One update at a time: the next pass sends the next, once AWS is done with this one."),
		jen.Return(jen.Nil()),
	}
}
