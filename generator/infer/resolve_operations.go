package infer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// resolveOperations resolves each resource's operations: their input
// members, and where in their output the resource description is. It also
// names the identifiers: a resource shape's, else the members the read
// requires.
func resolveOperations(st *state) error {
	for _, w := range st.work {
		c, r := w.c, w.r
		create := st.ops[c.Create]
		w.createIn, _ = st.m.Shape(create.Input)
		var err error
		if r.Create, err = st.operation(create, w.createIn); err != nil {
			return err
		}
		if err := st.clientToken(create, r.Create); err != nil {
			return err
		}
		if r.Read, err = st.read(w); err != nil {
			return err
		}
		if r.Delete, err = st.operation(st.ops[c.Delete], w.createIn); err != nil {
			return err
		}
		r.Delete.Filter = deleteFilter(st.m, st.ops[c.Delete])
		r.Create.Unsuccessful = unsuccessful(st.m, create)
		r.Delete.Unsuccessful = unsuccessful(st.m, st.ops[c.Delete])
		if c.Update != "" {
			if r.Update, err = st.operation(st.ops[c.Update], w.createIn); err != nil {
				return err
			}
		}
		if c.List != "" {
			if r.List, err = st.listing(st.ops[c.List], w.createIn); err != nil {
				return err
			}
		}
		if r.Read.Output == "" {
			st.problem(w, w.at, "read operation %s returns no structure to observe", c.Read)
			continue
		}
		if err := st.createReturnsRead(w); err != nil {
			return err
		}
		w.ids = append(st.identifierNames(w), identifiedBy(w)...)
	}
	return nil
}

// resolved reports whether w got far enough to classify its fields.
func (w *work) resolved() bool { return w.r.Read != nil && w.r.Read.Output != "" }

// read resolves the read operation, which may list resources: either
// inference found it as Describe<Rs> or List<Rs>, or its output holds no
// description of the resource but a list of them.
func (st *state) read(w *work) (*model.Operation, error) {
	op := st.ops[w.c.Read]
	if !w.c.ReadMany {
		out, ok := st.m.Shape(op.Output)
		if !ok {
			return st.operation(op, w.createIn)
		}
		_, _, score := st.description(out, w.createIn)
		if items, _ := st.listMember(op, w.createIn); score > 0 || items == nil {
			return st.operation(op, w.createIn)
		}
	}
	o, err := st.listing(op, w.createIn)
	if err != nil || o.Output == "" {
		return o, err
	}
	ids := w.c.Identifiers
	if len(ids) == 0 {
		ids = deleteIdentifiers(st.m, st.ops[w.c.Create], st.ops[w.c.Delete])
	}
	if err := st.groupListing(w, o, op, w.createIn, ids); err != nil {
		return nil, err
	}
	if o.Filter = findFilter(st.m, op, ids); o.Filter == nil && st.scanRead(w, op, o, ids) {
		return o, nil
	}
	if o.Filter == nil {
		st.problem(w, w.at.At("operations", "read"), "%s lists resources but has no input that filters by an identifier (%v)", op.ID.Name(), ids)
	}
	return o, nil
}

// operation resolves an operation's input members and finds the resource
// description in its output: of the output and its structure members, the
// one sharing most member names with the create input, else the only
// structure member (DescribeTable returns {Table: TableDescription}), else
// the output itself.
func (st *state) operation(op *smithy.Shape, createIn *smithy.Shape) (*model.Operation, error) {
	o := &model.Operation{Name: op.ID.Name()}
	if err := st.inputs(op, o); err != nil {
		return nil, err
	}
	out, ok := st.m.Shape(op.Output)
	if !ok {
		return o, nil
	}
	desc, path, _ := st.description(out, createIn)
	o.OutputPath = path
	s, err := st.typer.structure(desc)
	if err != nil {
		return nil, err
	}
	if desc == out {
		s.TopLevel = true
		s.SDKType = o.Name + "Output"
	}
	o.Output = s.Shape
	return o, nil
}

// description finds the resource description in an output shape, the
// member path to it, and how many member names it shares with the create
// input.
func (st *state) description(out, createIn *smithy.Shape) (*smithy.Shape, []string, int) {
	desc, best := out, overlap(out, createIn)
	var path []string
	for _, mem := range out.Members {
		if target := st.m.Target(mem); target.Type == smithy.TypeStructure {
			if n := overlap(target, createIn); n > best {
				desc, best, path = target, n, []string{sdkFieldName(mem.Name)}
			}
		}
	}
	if path == nil && len(out.Members) == 1 {
		if target := st.m.Target(out.Members[0]); target.Type == smithy.TypeStructure {
			desc, path = target, []string{sdkFieldName(out.Members[0].Name)}
		}
	}
	return desc, path, best
}

// listing resolves an operation that lists resources: OutputPath leads to
// the list, whose elements are Output.
func (st *state) listing(op *smithy.Shape, createIn *smithy.Shape) (*model.Operation, error) {
	o := &model.Operation{Name: op.ID.Name(), Many: true}
	if err := st.inputs(op, o); err != nil {
		return nil, err
	}
	items, elem := st.listMember(op, createIn)
	if items == nil {
		return o, nil
	}
	s, err := st.typer.structure(elem)
	if err != nil {
		return nil, err
	}
	o.OutputPath, o.Output = []string{sdkFieldName(items.Name)}, s.Shape
	return o, nil
}

// listMember finds the output member listing resources: a list of
// structures, the one sharing most member names with the create input.
func (st *state) listMember(op *smithy.Shape, createIn *smithy.Shape) (*smithy.Member, *smithy.Shape) {
	out, ok := st.m.Shape(op.Output)
	if !ok {
		return nil, nil
	}
	var items *smithy.Member
	var elem *smithy.Shape
	best := -1
	for _, mem := range out.Members {
		list := st.m.Target(mem)
		if list.Type != smithy.TypeList && list.Type != smithy.TypeSet {
			continue
		}
		if e := st.m.Target(list.Member); e.Type == smithy.TypeStructure {
			if n := overlap(e, createIn); n > best {
				items, elem, best = mem, e, n
			}
		}
	}
	return items, elem
}

// inputs resolves an operation's input members. Idempotency tokens are
// left out, as the SDK fills them in.
func (st *state) inputs(op *smithy.Shape, o *model.Operation) error {
	in, ok := st.m.Shape(op.Input)
	if !ok {
		return nil
	}
	for _, mem := range in.Members {
		if mem.Traits.IdempotencyToken {
			o.Skipped = append(o.Skipped, model.Skipped{Member: mem.Name, Reason: "an idempotency token, which the SDK fills in"})
			continue
		}
		typ, err := st.typer.memberType(mem)
		var u unsupported
		if errors.As(err, &u) {
			o.Skipped = append(o.Skipped, model.Skipped{Member: mem.Name, Reason: u.reason})
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", op.ID, err)
		}
		o.Input = append(o.Input, &model.Member{Name: mem.Name, GoName: sdkFieldName(mem.Name), Type: typ, Required: mem.Traits.Required})
	}
	return nil
}

// clientToken records the create input's idempotency token member: the
// @idempotencyToken one, which inputs left out, else a string member named
// ClientToken or ClientRequestToken, which some models leave without the
// trait; it then leaves the spec too. The runtime sends one token per
// create, so a create retried after a lost answer cannot make a second
// resource.
func (st *state) clientToken(op *smithy.Shape, o *model.Operation) error {
	in, ok := st.m.Shape(op.Input)
	if !ok {
		return nil
	}
	for _, mem := range in.Members {
		named := tokenNamed(mem.Name)
		if !mem.Traits.IdempotencyToken && !named {
			continue
		}
		typ, err := st.typer.memberType(mem)
		if errors.As(err, new(unsupported)) || err == nil && typ.Kind != model.String {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", op.ID, err)
		}
		o.Token = &model.Member{Name: mem.Name, GoName: sdkFieldName(mem.Name), Type: typ, Required: mem.Traits.Required}
		reason := "the idempotency token; the runtime sends one per create"
		if !mem.Traits.IdempotencyToken {
			reason = "a client token, by its name; the runtime sends one per create"
			o.Input = slices.DeleteFunc(o.Input, func(m *model.Member) bool { return m.Name == mem.Name })
		}
		if i := slices.IndexFunc(o.Skipped, func(s model.Skipped) bool { return s.Member == mem.Name }); i >= 0 {
			o.Skipped[i].Reason = reason
		} else {
			o.Skipped = append(o.Skipped, model.Skipped{Member: mem.Name, Reason: reason})
		}
		return nil
	}
	return nil
}

// overlap counts the member names two structures share, leaving out a
// client token (by trait or by name) of b, a create input: an output
// echoing it (CreateNetworkAcl's {NetworkAcl, ClientToken}) is no
// description of the resource.
func overlap(a, b *smithy.Shape) int {
	if a == nil || b == nil {
		return 0
	}
	n := 0
	for _, m := range a.Members {
		if in := b.MemberByName(m.Name); in != nil && !in.Traits.IdempotencyToken && !tokenNamed(m.Name) {
			n++
		}
	}
	return n
}

// identifierNames are the input members that name the resource: a
// resource shape's identifiers as the read input binds them, else the
// members the read input requires, and the filter's identifier for a read
// that lists.
func (st *state) identifierNames(w *work) []string {
	in, _ := st.m.Shape(st.ops[w.c.Read].Input)
	var ids []string
	add := func(name string) {
		if name != "" && !slices.Contains(ids, name) {
			ids = append(ids, name)
		}
	}
	if f := w.r.Read.Filter; f != nil {
		add(f.Identifier)
	}
	if in == nil {
		return ids
	}
	for _, id := range w.c.Identifiers {
		for _, mem := range in.Members {
			if mem.Name == id || mem.Traits.ResourceIdentifier == id {
				add(mem.Name)
			}
		}
	}
	if len(w.c.Identifiers) == 0 {
		for _, mem := range in.Members {
			if mem.Traits.Required && (w.r.Read.Filter == nil || mem.Name != w.r.Read.Filter.Member) {
				add(mem.Name)
			}
		}
		// A list read takes the delete's other identifiers as optional
		// filters (ListGrants' GrantId beside the required KeyId).
		if w.r.Read.Many && w.r.Read.Filter != nil {
			for _, name := range identifierInputs(st.m, st.ops[w.c.Delete]) {
				if in.MemberByName(name) != nil {
					add(name)
				}
			}
		}
	}
	if len(ids) == 0 {
		// A read that requires nothing (IAM's GetUser reads the caller
		// without UserName) is named by what the delete requires.
		for _, name := range deleteIdentifiers(st.m, st.ops[w.c.Create], st.ops[w.c.Delete]) {
			if in.MemberByName(name) != nil {
				add(name)
			}
		}
	}
	return ids
}

// tokenNamed says whether a member's name makes it a client token.
func tokenNamed(name string) bool {
	return strings.EqualFold(name, "ClientToken") || strings.EqualFold(name, "ClientRequestToken")
}
