package emit

import "github.com/dave/jennifer/jen"

// absent is the condition that err says the sub-resource is unset: HTTP
// status 404, or one of its absent codes (JSON protocols answer a missing
// ECR lifecycle policy with status 400 and the code alone).
func absent(s subResource) jen.Code {
	cond := jen.Qual(managedPkg, "HTTPStatus").Call(jen.Err()).Op("==").Qual("net/http", "StatusNotFound")
	if len(s.AbsentCodes) == 0 {
		return cond
	}
	codes := []jen.Code{jen.Err()}
	for _, c := range s.AbsentCodes {
		codes = append(codes, jen.Lit(c))
	}
	return cond.Op("||").Qual(managedPkg, "HasErrorCode").Call(codes...)
}

// notAbsent is the negation of absent.
func notAbsent(s subResource) jen.Code {
	if len(s.AbsentCodes) == 0 {
		return jen.Qual(managedPkg, "HTTPStatus").Call(jen.Err()).Op("!=").Qual("net/http", "StatusNotFound")
	}
	return jen.Op("!").Parens(absent(s))
}
