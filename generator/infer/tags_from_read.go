package infer

import "github.com/kubesmith/kubesmith/generator/model"

// tagsFromRead takes the tags to compare from the resource's read where
// generator.yaml's tags.fromRead asks (EKS's DescribeCluster returns
// them): a resync then lists none, and the tag API's list serves updates.
func (st *state) tagsFromRead(w *work, api *model.TagAPI) {
	if w.rc == nil || w.rc.Tags == nil || !w.rc.Tags.FromRead {
		return
	}
	at := w.at.At("tags", "fromRead")
	read := st.svc.Structs[w.r.Read.Output]
	if read == nil || len(w.r.Tags.Path) != 1 || read.FieldByMember(w.r.Tags.Path[0]) == nil {
		st.errorf(at, "tags.fromRead: %s returns no member %v to compare the tags with", w.r.Read.Name, w.r.Tags.Path)
		return
	}
	api.ReadMember = w.r.Tags.Path[0]
	w.decide("tags read", w.r.Read.Name+" "+api.ReadMember, "tags.fromRead in generator.yaml: compared from the read, no %s per resync", api.List.Name)
}
