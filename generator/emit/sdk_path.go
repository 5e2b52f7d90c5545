package emit

import "github.com/kubesmith/kubesmith/generator/model"

// sdkPath gives the SDK's Go field names for a path of member names
// through in: an AWS JSON model names members lowerCamel
// (lifecyclePolicyText), the SDK exports them (LifecyclePolicyText). A
// member the path does not find keeps its name.
func (m *managerWriter) sdkPath(in *model.Struct, path []string) []string {
	out := make([]string, len(path))
	for i, p := range path {
		out[i] = p
		if in == nil {
			continue
		}
		mem := in.FieldByMember(p)
		if mem == nil {
			in = nil
			continue
		}
		out[i] = mem.SDKName
		in = m.svc.Structs[mem.Type.Shape]
	}
	return out
}
