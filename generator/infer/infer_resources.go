package infer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Candidate is a resource inference found in the model, with the names of
// its operations.
type Candidate struct {
	// Name is the resource shape's name, or the R of Create<R>.
	Name string
	// Kind is Name unless generator.yaml renames it.
	Kind string
	// Source is how the resource was found: model.FromResourceShape,
	// model.FromOperationNames or model.FromConfig.
	Source string
	// Shape is the resource shape, nil when there is none.
	Shape *smithy.Shape
	// The operations by role; "" when there is none.
	Create, Read, Update, Delete, List string
	// ReadMany is set when Read lists resources and is filtered by the
	// identifier, as DescribeRepositories is.
	ReadMany bool
	// Found says how each role's operation was found.
	Found map[string]string
	// Identifiers are the resource shape's identifiers, in order.
	Identifiers []string
	// Generate is set when generator.yaml selects the resource.
	Generate bool
	// Suggestions are, for each role inference found no operation for,
	// the model's operations that could fill it, most plausible first.
	Suggestions map[string][]string
}

// The roles of a resource's operations.
const (
	roleCreate = "create"
	roleRead   = "read"
	roleUpdate = "update"
	roleDelete = "delete"
	roleList   = "list"
)

// Roles lists the operation roles in the order they are shown.
func Roles() []string { return []string{roleCreate, roleRead, roleUpdate, roleDelete, roleList} }

// Op returns the operation name of a role.
func (c *Candidate) Op(role string) string { return *c.op(role) }

func (c *Candidate) op(role string) *string {
	switch role {
	case roleCreate:
		return &c.Create
	case roleRead:
		return &c.Read
	case roleUpdate:
		return &c.Update
	case roleDelete:
		return &c.Delete
	}
	return &c.List
}

// Complete reports whether the resource has what a controller needs: a
// create, a read and a delete.
func (c *Candidate) Complete() bool { return len(c.Missing()) == 0 }

// Missing lists the roles a controller needs and the resource lacks.
func (c *Candidate) Missing() []string {
	var missing []string
	for _, role := range []string{roleCreate, roleRead, roleDelete} {
		if c.Op(role) == "" {
			missing = append(missing, role)
		}
	}
	return missing
}

func (c *Candidate) set(role, op, how string) {
	if p := c.op(role); *p == "" && op != "" {
		*p = op
		c.Found[role] = how
	}
}

// inferResources finds resources: each Smithy resource shape, with its
// lifecycle bindings, and then each Create<R> operation, with operations
// named after R. Name patterns also fill the roles a resource shape leaves
// empty. Resources that lack a read or delete are kept, as incomplete, so
// that list can show what generator.yaml would need to add.
func inferResources(st *state) error {
	byName := map[string]*Candidate{}
	for _, rs := range st.resourceShapes {
		c := &Candidate{Name: rs.ID.Name(), Source: model.FromResourceShape, Shape: rs, Found: map[string]string{}}
		const how = "the resource shape's "
		c.set(roleCreate, rs.Create.Name(), how+"create")
		c.set(roleCreate, rs.Put.Name(), how+"put")
		c.set(roleRead, rs.Read.Name(), how+"read")
		c.set(roleUpdate, rs.Update.Name(), how+"update")
		c.set(roleUpdate, rs.Put.Name(), how+"put, which replaces the resource")
		c.set(roleDelete, rs.Delete.Name(), how+"delete")
		c.set(roleList, rs.List.Name(), how+"list")
		for _, id := range rs.Identifiers {
			c.Identifiers = append(c.Identifiers, id.Name)
		}
		st.byNames(c, c.Name)
		byName[c.Name] = c
	}
	for _, name := range keys(st.ops) {
		r, ok := strings.CutPrefix(name, "Create")
		if !ok || r == "" || !isUpper(r[0]) || byName[r] != nil {
			continue
		}
		c := &Candidate{Name: r, Source: model.FromOperationNames, Found: map[string]string{}}
		st.byNames(c, r)
		if c.Read != "" || c.Delete != "" {
			byName[r] = c
		}
	}
	for _, c := range byName {
		c.Kind = c.Name
		st.suggest(c)
		st.candidates = append(st.candidates, c)
	}
	slices.SortFunc(st.candidates, func(a, b *Candidate) int { return cmp.Compare(a.Name, b.Name) })
	return nil
}

// byNames fills c's empty roles from operations named after the resource
// r: Create<R>; Describe<R>, Get<R> or Get<R>Attributes, else a
// Describe<Rs> or List<Rs> that can filter by the identifier; Update<R>,
// Modify<R>, Put<R> or Set<R>Attributes; Delete<R> or Delete<Rs>; List<Rs> or
// Describe<Rs>.
func (st *state) byNames(c *Candidate, r string) {
	try := func(role string, names ...string) {
		for _, n := range names {
			if _, ok := st.ops[n]; ok {
				c.set(role, n, "named "+strings.Replace(n, r, "<R>", 1))
				return
			}
		}
	}
	plurals := plurals(r)
	try(roleCreate, "Create"+r)
	try(roleRead, "Describe"+r, "Get"+r, "Get"+r+"Attributes")
	try(roleUpdate, "Update"+r, "Modify"+r, "Put"+r, "Set"+r+"Attributes")
	try(roleDelete, "Delete"+r)
	for _, p := range plurals {
		// DeleteVpcEndpoints takes a list; identifierInputs sends one.
		try(roleDelete, "Delete"+p)
	}
	var lists []string
	for _, p := range plurals {
		lists = append(lists, "List"+p, "Describe"+p)
	}
	try(roleList, lists...)
	if c.Read != "" {
		return
	}
	ids := c.Identifiers
	if len(ids) == 0 {
		ids = deleteIdentifiers(st.m, st.ops[c.Create], st.ops[c.Delete])
	}
	for _, n := range lists {
		if op, ok := st.ops[n]; ok && findFilter(st.m, op, ids) != nil {
			c.set(roleRead, n, "named "+strings.Replace(n, r, "<R>", 1)+", which can filter by "+findFilter(st.m, op, ids).Identifier)
			c.ReadMany = true
			return
		}
	}
}

// plurals are the ways the name r may be written in the plural.
func plurals(r string) []string {
	out := []string{r + "s", r + "es"}
	if strings.HasSuffix(r, "y") {
		out = append(out, r[:len(r)-1]+"ies")
	}
	return out
}

// requiredInputs lists the required members of op's input.
func requiredInputs(m *smithy.Model, op *smithy.Shape) []string {
	if op == nil {
		return nil
	}
	in, ok := m.Shape(op.Input)
	if !ok {
		return nil
	}
	var names []string
	for _, mem := range in.Members {
		if mem.Traits.Required {
			names = append(names, mem.Name)
		}
	}
	return names
}

// findFilter finds the member of a listing operation's input that narrows
// the list to the resource with the identifier ids[i]: a list named in the
// plural (RepositoryNames for RepositoryName) or a string of the same name.
func findFilter(m *smithy.Model, op *smithy.Shape, ids []string) *model.Filter {
	in, ok := m.Shape(op.Input)
	if !ok {
		return nil
	}
	for _, id := range ids {
		for _, mem := range in.Members {
			target := m.Target(mem)
			switch {
			case target.Type == smithy.TypeString && strings.EqualFold(mem.Name, id):
				return &model.Filter{Member: mem.Name, Identifier: id}
			case (target.Type == smithy.TypeList || target.Type == smithy.TypeSet) && slices.ContainsFunc(plurals(id), func(p string) bool { return strings.EqualFold(mem.Name, p) }):
				return &model.Filter{Member: mem.Name, List: true, Identifier: id}
			case target.Type == smithy.TypeString && strings.EqualFold(mem.Name, id+"Prefix"):
				return &model.Filter{Member: mem.Name, Identifier: id, Prefix: true}
			}
		}
	}
	return nil
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
