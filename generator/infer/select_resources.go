package infer

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// selectResources applies generator.yaml to the candidates, operation
// overrides and kind names first, and chooses the resources to resolve:
// those under resources: and those include matches, less those exclude
// matches, or what the Options ask for. A name in resources: that
// inference does not know declares a resource, which must name its
// operations.
func selectResources(st *state) error {
	cfg := st.cfg
	byName := map[string]*Candidate{}
	var known []string
	for _, c := range st.candidates {
		byName[c.Name] = c
		known = append(known, c.Name)
	}
	for _, name := range keys(cfg.Resources) {
		rc, at := cfg.Resources[name], config.Key{"resources", name}
		c := byName[name]
		if c == nil {
			if rc.Operations.Create == "" && rc.Operations.Read == "" && rc.Operations.Delete == "" {
				st.errorf(at, "no resource %s in the %s model%s; to declare one, name its create, read and delete operations under operations:", name, st.name, config.DidYouMean(name, known))
				continue
			}
			c = &Candidate{Name: name, Kind: name, Source: model.FromConfig, Found: map[string]string{}}
			byName[name] = c
			st.candidates = append(st.candidates, c)
		}
		st.overrideOperations(c, rc, at.At("operations"))
		if rc.Kind != "" {
			c.Kind = rc.Kind
		}
		c.Generate = true
		if !c.Complete() {
			st.errorf(at, "%s has %s; name it under operations:", name, c.MissingText())
		}
	}
	slices.SortFunc(st.candidates, func(a, b *Candidate) int { return cmp.Compare(a.Name, b.Name) })
	st.includeExclude()
	st.checkKinds()
	chosen, err := st.chosen()
	if err != nil {
		return err
	}
	st.typer = newTyper(st.m, st.service, st.svc.Structs)
	for _, c := range chosen {
		st.typer.reserve(c.Kind)
		rc := cfg.Resource(c.Name)
		w := &work{
			c:      c,
			rc:     rc,
			at:     config.Key{"resources", c.Name},
			strict: c.Generate && !st.opts.All && st.opts.Only == "",
			r: &model.Resource{
				Kind:       c.Kind,
				Plural:     names.Plural(c.Kind),
				ShortNames: rc.ShortNames,
				Name:       c.Name,
				Source:     c.Source,
				Because:    rc.Because,
			},
		}
		if c.Kind != c.Name {
			w.decide("kind", c.Kind, "renamed from %s in generator.yaml", c.Name)
		}
		for _, role := range Roles() {
			if op := c.Op(role); op != "" {
				w.decide(role, op, "%s", c.Found[role])
			}
		}
		st.work = append(st.work, w)
		st.svc.Resources = append(st.svc.Resources, w.r)
	}
	return nil
}

// overrideOperations applies a resource's operations: entry.
func (st *state) overrideOperations(c *Candidate, rc *config.Resource, at config.Key) {
	for _, role := range Roles() {
		name := map[string]string{
			roleCreate: rc.Operations.Create, roleRead: rc.Operations.Read, roleUpdate: rc.Operations.Update,
			roleDelete: rc.Operations.Delete, roleList: rc.Operations.List,
		}[role]
		switch {
		case name == "":
			continue
		case role == roleUpdate && name == "none":
			c.Update = ""
			c.Found[role] = "generator.yaml says there is none"
			continue
		case st.ops[name] == nil:
			st.errorf(at.At(role), "%s operation %q is not in the model%s", role, name, config.DidYouMean(name, keys(st.ops)))
			continue
		}
		*c.op(role) = name
		c.Found[role] = "named in generator.yaml"
		if role == roleRead {
			c.ReadMany = false // resolve_operations finds out from the output
		}
	}
}

// includeExclude marks the candidates include selects and exclude
// removes. Every pattern must match some resource.
func (st *state) includeExclude() {
	match := func(list string, i int, pattern string) []*Candidate {
		var out []*Candidate
		var names []string
		for _, c := range st.candidates {
			names = append(names, c.Name)
			if ok, _ := path.Match(pattern, c.Name); ok {
				out = append(out, c)
			}
		}
		if len(out) == 0 {
			st.errorf(config.Key{list, strconv.Itoa(i)}, "%s pattern %q matches no resource of %s%s", list, pattern, st.name, config.DidYouMean(pattern, names))
		}
		return out
	}
	for i, p := range st.cfg.Include {
		for _, c := range match("include", i, p) {
			switch {
			case c.Complete():
				c.Generate = true
			case p == c.Name:
				st.errorf(config.Key{"include", strconv.Itoa(i)}, "%s has %s; name it under resources.%s.operations", c.Name, c.MissingText(), c.Name)
			}
		}
	}
	for i, p := range st.cfg.Exclude {
		for _, c := range match("exclude", i, p) {
			if _, ok := st.cfg.Resources[c.Name]; ok {
				st.errorf(config.Key{"exclude", strconv.Itoa(i)}, "exclude pattern %q matches %s, which resources: configures; remove one", p, c.Name)
			}
			c.Generate = false
		}
	}
}

// checkKinds fails when two generated resources would have the same kind.
func (st *state) checkKinds() {
	seen := map[string]string{}
	for _, c := range st.candidates {
		if !c.Generate && !(st.opts.All && c.Complete()) {
			continue
		}
		if other, ok := seen[c.Kind]; ok {
			st.errorf(config.Key{"resources", c.Name, "kind"}, "%s and %s would both be kind %s; give one another kind:", other, c.Name, c.Kind)
		}
		seen[c.Kind] = c.Name
	}
}

// chosen lists the resources to resolve, in kind order.
func (st *state) chosen() ([]*Candidate, error) {
	var out []*Candidate
	switch {
	case st.opts.Only != "":
		var names []string
		for _, c := range st.candidates {
			names = append(names, c.Name)
			if c.Name == st.opts.Only || c.Kind == st.opts.Only {
				out = []*Candidate{c}
			}
		}
		if out == nil {
			return nil, fmt.Errorf("%s has no resource %q%s", st.name, st.opts.Only, config.DidYouMean(st.opts.Only, names))
		}
		if !out[0].Complete() {
			return nil, fmt.Errorf("%s has %s; name it under resources.%s.operations in generator.yaml", st.opts.Only, out[0].MissingText(), out[0].Name)
		}
	case st.opts.All:
		for _, c := range st.candidates {
			if c.Complete() {
				out = append(out, c)
			}
		}
	default:
		for _, c := range st.candidates {
			if c.Generate {
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Candidate) int { return cmp.Compare(a.Kind, b.Kind) })
	return out, nil
}
