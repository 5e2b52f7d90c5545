package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Controller emits cmd/controller/main.go, which runs every kind of the
// service through the shared operator.
func Controller(svc *model.Service) (File, error) {
	f := newFile("main")
	f.PackageComment(fmt.Sprintf("Command controller reconciles the %s kinds against AWS.", svc.Group))
	args := []jen.Code{jen.Lit(svc.Name), jen.Qual(APIPackage(svc), "AddToScheme")}
	for _, r := range svc.Resources {
		pkg := fmt.Sprintf("%s/generated/%s/resources/%s", modulePath, svc.Name, strings.ToLower(r.Kind))
		args = append(args, jen.Qual(reconcPkg, "Register").Call(jen.Qual(pkg, "Kind").Call()))
	}
	f.Func().Id("main").Params().Block(jen.Qual(operatorPkg, "Main").Call(args...))
	return render("cmd/controller/main.go", f)
}
