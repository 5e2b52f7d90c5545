package infer

import (
	"strings"
	"unicode"

	"github.com/kubesmith/kubesmith/generator/model"
)

// lastWordARN is the read output's ARN member named after the last word
// of the resource's name, where none is named after the whole name or
// plainly Arn: EKS's PodIdentityAssociation has associationArn. The
// member also stays a status field of its own (status.associationARN, as
// the incumbent has it), since its name is no resource's.
func lastWordARN(c *Candidate, s *model.Struct) *model.Field {
	i := strings.LastIndexFunc(c.Name, unicode.IsUpper)
	if i <= 0 {
		return nil
	}
	for _, f := range s.Fields {
		if f.Type.Kind == model.String && strings.EqualFold(f.Member, c.Name[i:]+"Arn") {
			return f
		}
	}
	return nil
}
