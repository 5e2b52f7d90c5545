package awsjson_test

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestFormatsAgree infers every service that both formats have from each,
// and compares the resources found (by their create operation) and their
// spec field names. The Smithy model is the reference: F/T counts the spec
// fields of the resources both formats find, and fails below 98%.
//
// Every difference must have a reason, or the test fails. The two that
// remain (botocore 1.43.11 of 2026-05 against the Smithy models of
// 2025-04):
//   - the models' versions differ: an operation one model has and the
//     other lacks (a resource added since, or mq's Configuration, which
//     got its DeleteConfiguration since), or a create input member one
//     has and the other lacks or marks otherwise (a member added or
//     removed since; backup's CreatorRequestId became an idempotency
//     token, which leaves the spec);
//   - the AWS JSON model does not mark every union ("union": true): a
//     member the Smithy model makes a union, which inference leaves out,
//     is a structure there (quicksight's DataSourceParameters);
//   - the AWS JSON format has no resource shapes: a Smithy resource shape
//     whose operations are not named Create<R>/Delete<R> (account's
//     AlternateContact, with PutAlternateContact) is found in Smithy only.
func TestFormatsAgree(t *testing.T) {
	pairs := bothFormats(t)
	results := make([]comparison, len(pairs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = compare(pairs[i])
			}
		})
	}
	for i := range pairs {
		next <- i
	}
	close(next)
	wg.Wait()

	var total comparison
	for _, r := range results {
		if r.err != nil {
			t.Errorf("%s: %v", r.service, r.err)
			continue
		}
		total.add(r)
		for _, d := range r.unexplained {
			t.Errorf("%s: %s, for no reason the models show (a reader bug?)", r.service, d)
		}
	}
	t.Logf("formats: %d services compared, %d resources identical, %d/%d fields identical (%.2f%%)",
		len(pairs), total.identical, total.sameFields, total.fields, 100*float64(total.sameFields)/float64(max(total.fields, 1)))
	t.Logf("resources: %d in both formats; in one only, for a reason: %d because the models' versions differ, %d from Smithy resource shapes",
		total.both, total.byVersion, total.byResourceShape)
	t.Logf("fields in one only, for a reason: %d because the models' versions differ, %d unions the AWS JSON model does not mark",
		total.fieldsByVersion, total.unmarkedUnions)
	if total.fields == 0 || float64(total.sameFields) < 0.98*float64(total.fields) {
		t.Errorf("%d/%d spec fields identical, want at least 98%%", total.sameFields, total.fields)
	}
}

// pair is one service's model in each format.
type pair struct {
	service             string
	smithyPath, awsPath string
}

func bothFormats(t *testing.T) []pair {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	smithyDir, ok := smithy.ModelsDir(wd)
	jsonDir, ok2 := awsjson.ModelsDir(wd)
	if !ok || !ok2 {
		t.Skip("models of both formats not found: set AWS_MODELS_DIR and AWS_JSON_MODELS_DIR")
	}
	smithyModels, err := smithy.FindModels(smithyDir)
	if err != nil {
		t.Fatal(err)
	}
	jsonModels, err := awsjson.FindModels(jsonDir)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, mf := range jsonModels {
		byID[mf.SDKID] = mf.Path
	}
	var pairs []pair
	for _, mf := range smithyModels {
		if p, ok := byID[mf.SDKID]; ok {
			pairs = append(pairs, pair{mf.SDKID, mf.Path, p})
		}
	}
	if len(pairs) == 0 {
		t.Fatal("no service is in both formats")
	}
	return pairs
}

// comparison counts what comparing one service, or all, found.
type comparison struct {
	service                                     string
	err                                         error
	both, identical, fields, sameFields         int
	byVersion, byResourceShape, fieldsByVersion int
	unmarkedUnions                              int
	unexplained                                 []string
}

func (c *comparison) add(o comparison) {
	c.both += o.both
	c.identical += o.identical
	c.fields += o.fields
	c.sameFields += o.sameFields
	c.byVersion += o.byVersion
	c.byResourceShape += o.byResourceShape
	c.fieldsByVersion += o.fieldsByVersion
	c.unmarkedUnions += o.unmarkedUnions
}

// inferred is what inference found in one model.
type inferred struct {
	m         *smithy.Model
	resources map[string]*model.Resource // by create operation, else name
	ops       map[string]*smithy.Shape
}

func inferModel(service string, m *smithy.Model) (*inferred, error) {
	res, err := infer.Run(service, m, config.Empty(service+"/generator.yaml"), infer.Options{All: true})
	if err != nil {
		return nil, err
	}
	in := &inferred{m: m, resources: map[string]*model.Resource{}, ops: map[string]*smithy.Shape{}}
	for _, r := range res.Service.Resources {
		key := r.Name
		if r.Create != nil {
			key = r.Create.Name
		}
		in.resources[key] = r
	}
	for _, s := range m.Shapes {
		if s.Type == smithy.TypeOperation {
			in.ops[s.ID.Name()] = s
		}
	}
	return in, nil
}

func compare(p pair) (c comparison) {
	c.service = p.service
	defer func() {
		if r := recover(); r != nil {
			c.err = fmt.Errorf("panic: %v", r)
		}
	}()
	var sides [2]*inferred
	for i, load := range []func() (*smithy.Model, error){
		func() (*smithy.Model, error) { return smithy.Load(p.smithyPath) },
		func() (*smithy.Model, error) { return awsjson.Load(p.awsPath) },
	} {
		m, err := load()
		if err == nil {
			sides[i], err = inferModel(p.service, m)
		}
		if err != nil {
			c.err = fmt.Errorf("%s format: %w", [2]string{"smithy", "awsjson"}[i], err)
			return c
		}
	}
	sm, aj := sides[0], sides[1]
	for key, r := range sm.resources {
		other, ok := aj.resources[key]
		switch {
		case ok:
			c.both++
			c.compareFields(key, r, other, sm, aj)
		case aj.lacksAny(r):
			c.byVersion++
		case r.Source == model.FromResourceShape:
			c.byResourceShape++
		default:
			c.unexplained = append(c.unexplained, fmt.Sprintf("resource %s (%s) found in the Smithy model only", r.Name, key))
		}
	}
	for key, r := range aj.resources {
		if _, ok := sm.resources[key]; ok {
			continue
		}
		if sm.lacksAny(r) {
			c.byVersion++
			continue
		}
		c.unexplained = append(c.unexplained, fmt.Sprintf("resource %s (%s) found in the AWS JSON model only", r.Name, key))
	}
	return c
}

// compareFields compares the spec field names of one resource; a field one
// format lacks is explained when the create inputs differ in its member.
func (c *comparison) compareFields(key string, sr, ar *model.Resource, sm, aj *inferred) {
	names := func(r *model.Resource) map[string]string {
		out := map[string]string{}
		for _, f := range r.Spec {
			out[f.JSONName] = f.Member
		}
		return out
	}
	sf, af := names(sr), names(ar)
	same := len(sf) == len(af)
	for name, member := range sf {
		c.fields++
		if _, ok := af[name]; ok {
			c.sameFields++
			continue
		}
		same = false
		c.fieldDiff(key, name, member, "Smithy", sm, aj)
	}
	for name, member := range af {
		if _, ok := sf[name]; !ok {
			same = false
			c.fieldDiff(key, name, member, "AWS JSON", sm, aj)
		}
	}
	if same {
		c.identical++
	}
}

func (c *comparison) fieldDiff(key, name, member, only string, sm, aj *inferred) {
	a, b := inputMember(sm, key, member), inputMember(aj, key, member)
	if a == nil || b == nil || a.Traits.IdempotencyToken != b.Traits.IdempotencyToken {
		c.fieldsByVersion++
		return
	}
	if element(sm.m, a).Type == smithy.TypeUnion && element(aj.m, b).Type == smithy.TypeStructure {
		c.unmarkedUnions++
		return
	}
	c.unexplained = append(c.unexplained, fmt.Sprintf("%s spec field %s in the %s model only", key, name, only))
}

// lacksAny reports whether the model lacks one of the operations r has in
// the other model, which makes r whole in one model only.
func (in *inferred) lacksAny(r *model.Resource) bool {
	for _, op := range []*model.Operation{r.Create, r.Read, r.Update, r.Delete} {
		if op != nil && in.ops[op.Name] == nil {
			return true
		}
	}
	return false
}

// element is the shape a member holds, through lists and maps.
func element(m *smithy.Model, mem *smithy.Member) *smithy.Shape {
	s := m.Target(mem)
	for s.Type == smithy.TypeList || s.Type == smithy.TypeSet || s.Type == smithy.TypeMap {
		if s.Type == smithy.TypeMap {
			s = m.Target(s.Value)
		} else {
			s = m.Target(s.Member)
		}
	}
	return s
}

// inputMember is the member of the create operation's input.
func inputMember(in *inferred, create, member string) *smithy.Member {
	op := in.ops[create]
	if op == nil {
		return nil
	}
	s, ok := in.m.Shape(op.Input)
	if !ok {
		return nil
	}
	return s.MemberByName(member)
}
