package awsjson_test

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
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
// spec field names and types. The Smithy model is the reference: F/T counts the spec
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
//   - the AWS JSON format has no default values: a boolean or number
//     member Smithy gives a zero default is a value in the SDK, and a
//     pointer from the AWS JSON format (counted, not failed: the Smithy
//     model is used where there is one);
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
	t.Logf("fields in one format only: %d because the models' versions differ, %d unions the AWS JSON model does not mark",
		total.fieldsByVersion, total.unmarkedUnions)
	t.Logf("field types: %d of the fields in both differ, as values in the SDK where Smithy gives a zero default, which the AWS JSON format cannot say; the others are alike",
		total.valueOrPointer)
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
	unmarkedUnions, valueOrPointer              int
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
	c.valueOrPointer += o.valueOrPointer
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
	// Differences are explained by the Smithy model and by the AWS JSON
	// file as read here, not by the reader under test.
	raw, err := readRaw(p.awsPath)
	if err != nil {
		c.err = err
		return c
	}
	sm, aj, facts := sides[0], sides[1], [2]facts{smithyFacts{sides[0]}, raw}
	for key, r := range sm.resources {
		other, ok := aj.resources[key]
		switch {
		case ok:
			c.both++
			c.compareFields(key, r, other, facts)
		case lacksAny(facts[1], r):
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
		if lacksAny(facts[0], r) {
			c.byVersion++
			continue
		}
		c.unexplained = append(c.unexplained, fmt.Sprintf("resource %s (%s) found in the AWS JSON model only", r.Name, key))
	}
	return c
}

// compareFields compares the spec fields of one resource; a field one
// format lacks is explained when the create inputs differ in its member.
func (c *comparison) compareFields(key string, sr, ar *model.Resource, facts [2]facts) {
	byName := func(r *model.Resource) map[string]*model.Field {
		out := map[string]*model.Field{}
		for _, f := range r.Spec {
			out[f.JSONName] = f
		}
		return out
	}
	sf, af := byName(sr), byName(ar)
	same := len(sf) == len(af)
	for name, f := range sf {
		c.fields++
		other, ok := af[name]
		if !ok {
			same = false
			c.fieldDiff(key, name, f.Member, "Smithy", facts)
			continue
		}
		c.sameFields++
		switch {
		case f.Type.SDKValue != other.Type.SDKValue:
			c.valueOrPointer++
		case model.TypeString(f.Type) != model.TypeString(other.Type):
			c.unexplained = append(c.unexplained, fmt.Sprintf("%s spec field %s is %s from Smithy, %s from AWS JSON", key, name, model.TypeString(f.Type), model.TypeString(other.Type)))
		}
	}
	for name, f := range af {
		if _, ok := sf[name]; !ok {
			same = false
			c.fieldDiff(key, name, f.Member, "AWS JSON", facts)
		}
	}
	if same {
		c.identical++
	}
}

func (c *comparison) fieldDiff(key, name, member, only string, facts [2]facts) {
	a, b := facts[0].inputMember(key, member), facts[1].inputMember(key, member)
	switch {
	case !a.present || !b.present || a.token != b.token:
		c.fieldsByVersion++
	case a.union && !b.union:
		c.unmarkedUnions++
	default:
		c.unexplained = append(c.unexplained, fmt.Sprintf("%s spec field %s in the %s model only", key, name, only))
	}
}

// facts are what a model says about operations and create input members.
type facts interface {
	hasOperation(name string) bool
	inputMember(operation, member string) memberFacts
}

// memberFacts say whether an input member exists, is an idempotency token,
// and holds a union (through lists and maps).
type memberFacts struct{ present, token, union bool }

// lacksAny reports whether a model lacks one of the operations r has in
// the other model, which makes r whole in one model only.
func lacksAny(f facts, r *model.Resource) bool {
	for _, op := range []*model.Operation{r.Create, r.Read, r.Update, r.Delete} {
		if op != nil && !f.hasOperation(op.Name) {
			return true
		}
	}
	return false
}

type smithyFacts struct{ in *inferred }

func (s smithyFacts) hasOperation(name string) bool { return s.in.ops[name] != nil }

func (s smithyFacts) inputMember(operation, member string) memberFacts {
	op := s.in.ops[operation]
	if op == nil {
		return memberFacts{}
	}
	in, ok := s.in.m.Shape(op.Input)
	if !ok {
		return memberFacts{}
	}
	mem := in.MemberByName(member)
	if mem == nil {
		return memberFacts{}
	}
	e := s.in.m.Target(mem)
	for e.Type == smithy.TypeList || e.Type == smithy.TypeSet || e.Type == smithy.TypeMap {
		if e.Type == smithy.TypeMap {
			e = s.in.m.Target(e.Value)
		} else {
			e = s.in.m.Target(e.Member)
		}
	}
	return memberFacts{present: true, token: mem.Traits.IdempotencyToken, union: e.Type == smithy.TypeUnion}
}

// rawFile is the part of a service-2.json the explanations read, decoded
// here rather than by the reader under test.
type rawFile struct {
	Operations map[string]struct {
		Input *struct{ Shape string } `json:"input"`
	} `json:"operations"`
	Shapes map[string]rawShape `json:"shapes"`
}

type rawShape struct {
	Members map[string]struct {
		Shape            string `json:"shape"`
		IdempotencyToken bool   `json:"idempotencyToken"`
	} `json:"members"`
	Member *struct{ Shape string } `json:"member"`
	Value  *struct{ Shape string } `json:"value"`
	Union  bool                    `json:"union"`
}

func readRaw(path string) (*rawFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var raw rawFile
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &raw, nil
}

func (r *rawFile) hasOperation(name string) bool {
	_, ok := r.Operations[name]
	return ok
}

func (r *rawFile) inputMember(operation, member string) memberFacts {
	op, ok := r.Operations[operation]
	if !ok || op.Input == nil {
		return memberFacts{}
	}
	mem, ok := r.Shapes[op.Input.Shape].Members[member]
	if !ok {
		return memberFacts{}
	}
	e := r.Shapes[mem.Shape]
	for e.Member != nil || e.Value != nil {
		if e.Value != nil {
			e = r.Shapes[e.Value.Shape]
		} else {
			e = r.Shapes[e.Member.Shape]
		}
	}
	return memberFacts{present: true, token: mem.IdempotencyToken, union: e.Union}
}
