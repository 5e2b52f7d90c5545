package emit

import "github.com/dave/jennifer/jen"

// observeTagsWithRead adds the tags field to the diff when the tags the
// resource's read returned at member differ from the desired ones (aws:
// tags aside), where the tag operations take the ARN (tags.fromRead).
func (m *managerWriter) observeTagsWithRead(member string) []jen.Code {
	f := m.tagsField()
	read := m.svc.Structs[m.r.Read.Output].FieldByMember(member)
	return []jen.Code{
		jen.Comment("The read returns the tags; aws: tags never count."),
		jen.If(jen.Qual(managedPkg, "TagsDiffer").Call(desiredTags(), m.tagsFromSDK(read.Type, jen.Id("desc").Dot(read.SDKName)))).Block(
			jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(f.JSONName)),
		),
	}
}
