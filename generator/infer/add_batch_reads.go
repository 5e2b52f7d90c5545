package infer

import (
	"strconv"

	"github.com/kubesmith/kubesmith/generator/model"
)

// addBatchReads sets up batched observation where generator.yaml's
// batchRead asks for it. The read must list resources filtered by a list
// of identifiers, need no other input, and return each description with
// its identifier, so that one answer can be handed out per resource.
func addBatchReads(st *state) error {
	for _, w := range st.work {
		if !w.resolved() || w.rc.BatchRead == nil {
			continue
		}
		br := w.rc.BatchRead
		if why := st.batchable(w.r); why != "" {
			st.errorf(w.at.At("batchRead"), "%s cannot be read in batches: %s", w.r.Kind, why)
			continue
		}
		w.r.BatchSize = br.Size
		reason := "batchRead in generator.yaml"
		if br.Because != "" {
			reason += ": " + br.Because
		}
		w.decide("batch read", w.r.Read.Name+" with up to "+strconv.Itoa(br.Size)+" "+w.r.Read.Filter.Member, "%s", reason)
	}
	return nil
}

// batchable says why r's read cannot take many identifiers at once; ""
// when it can.
func (st *state) batchable(r *model.Resource) string {
	read := r.Read
	f := read.Filter
	if !read.Many || f == nil || !f.List {
		return read.Name + " takes no list of identifiers"
	}
	for _, mem := range read.Input {
		if mem.Required && mem.Name != f.Member {
			return read.Name + " requires " + mem.Name + " besides " + f.Member
		}
	}
	desc := st.svc.Structs[read.Output]
	if desc == nil || desc.FieldByMember(f.Identifier) == nil || desc.FieldByMember(f.Identifier).Type.Kind != model.String {
		return "the descriptions " + read.Name + " lists do not name their " + f.Identifier
	}
	return ""
}
