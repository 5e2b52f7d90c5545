package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// fallbackRootsPkg embeds a CA bundle that crypto/x509 falls back to.
const fallbackRootsPkg = "golang.org/x/crypto/x509roots/fallback"

// Controller emits cmd/controller/main.go, which runs every kind of the
// service through the shared operator; the operator owns the flags.
func (g *Gen) Controller() (File, error) {
	f := newFile("main")
	f.PackageComment(fmt.Sprintf("Command controller reconciles the %s kinds against AWS.", g.svc.Group))
	// The controller image holds no /etc/ssl: these CA roots serve AWS's
	// TLS endpoints when the system has none, and stay unused when it has.
	f.Anon(fallbackRootsPkg)
	args := []jen.Code{jen.Lit(g.svc.Name), jen.Qual(g.APIPackage(), "AddToScheme")}
	for _, r := range g.svc.Resources {
		args = append(args, jen.Qual(reconcPkg, "Register").Call(jen.Qual(g.resourcePackage(r), "Kind").Call()))
	}
	f.Func().Id("main").Params().Block(jen.Qual(operatorPkg, "Main").Call(args...))
	return render("cmd/controller/main.go", f)
}
