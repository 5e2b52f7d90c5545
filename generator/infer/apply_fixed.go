package infer

import (
	"fmt"
	"strconv"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// applyFixed makes an integer spec field take the one value v: optional,
// defaulted to v by the API server, and bounded to v, so that the create
// always sends it. RunInstances requires MinCount and MaxCount; at 1 it
// makes exactly the one instance the object manages.
func (st *state) applyFixed(f *model.Field, v int, at config.Key) {
	if f.Type.Kind != model.Int {
		st.errorf(at, "fixed applies to integer fields; %s is %s", f.Member, model.TypeString(f.Type))
		return
	}
	bound := float64(v)
	f.Required = false
	f.Default = strconv.Itoa(v)
	f.Validation.Minimum, f.Validation.Maximum = &bound, &bound
	f.Reason += fmt.Sprintf("; fixed: %d in generator.yaml, so it is optional, defaults to %d and takes no other value", v, v)
}
