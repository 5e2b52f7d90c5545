package infer

import (
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// tagPages finds how the list tag operation pages: the input and output
// tokens its @paginated trait names (KMS's ListResourceTags: Marker and
// NextMarker), else NextToken where both input and output have it. Both
// stay "" for an operation that answers in one page.
func (st *state) tagPages(api *model.TagAPI, out *model.Struct) (in, next string) {
	has := func(name string) bool {
		return out.FieldByMember(name) != nil && slices.ContainsFunc(api.List.Input, func(m *model.Member) bool { return m.Name == name })
	}
	if p := st.m.Pagination(st.ops[api.List.Name]); p != nil && p.InputToken != "" && p.OutputToken != "" {
		if out.FieldByMember(p.OutputToken) != nil && slices.ContainsFunc(api.List.Input, func(m *model.Member) bool { return m.Name == p.InputToken }) {
			return p.InputToken, p.OutputToken
		}
	}
	if has("NextToken") {
		return "NextToken", "NextToken"
	}
	return "", ""
}
