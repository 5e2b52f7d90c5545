package awsjson

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// converter turns one decoded service-2.json into a Smithy model.
type converter struct {
	f       *file
	file    string
	ns      string
	pages   map[string]map[string]any
	waiters map[string]map[string]any
	// renamed are the shapes renamed by renameClashes, with their new names.
	renamed map[string]string
	// jsonNames says a member's locationName is its JSON name (the json
	// and rest-json protocols); otherwise it is its XML name.
	jsonNames bool
}

// traits are Smithy traits by ID, with their values as the JSON AST
// writes them.
type traits map[string]any

// empty is the value of an annotation trait, {}.
type empty struct{}

// id is the ID of a shape or operation of the format.
func (c *converter) id(name string) smithy.ShapeID {
	return smithy.ShapeID(c.ns + "#" + name)
}

// shapeID is the ID of a shape the format names, renamed when it clashes
// with an operation.
func (c *converter) shapeID(name string) smithy.ShapeID {
	if n, ok := c.renamed[name]; ok {
		name = n
	}
	return c.id(name)
}

// model converts the operations and every shape they reach; shapes that
// no operation reaches are left out, as a Smithy model holds only the
// service's closure.
func (c *converter) model() (*smithy.Model, error) {
	m := &smithy.Model{Version: "2.0", File: c.file, Shapes: map[smithy.ShapeID]*smithy.Shape{}}
	reached, err := c.reach()
	if err != nil {
		return nil, err
	}
	c.renameClashes(reached)
	for _, name := range reached {
		s := c.f.Shapes[name]
		shape, err := c.shape(name, &s)
		if err != nil {
			return nil, fmt.Errorf("shape %q: %w", name, err)
		}
		m.Shapes[shape.ID] = shape
	}
	svc, err := c.service()
	if err != nil {
		return nil, err
	}
	m.Shapes[unitID] = &smithy.Shape{ID: unitID, Type: smithy.TypeStructure}
	if _, taken := m.Shapes[svc.ID]; taken {
		return nil, fmt.Errorf("the service shape %s would replace a shape of that name", svc.ID)
	}
	m.Shapes[svc.ID] = svc
	for _, name := range slices.Sorted(maps.Keys(c.f.Operations)) {
		op, err := c.operation(name, c.f.Operations[name])
		if err != nil {
			return nil, fmt.Errorf("operation %q: %w", name, err)
		}
		m.Shapes[op.ID] = op
		svc.Operations = append(svc.Operations, op.ID)
	}
	return m, nil
}

// renameClashes gives a shape that has an operation's name, which the
// format allows and Smithy does not, the name AWS's Smithy models mostly
// give it: the name with "Shape" added (medialive's UpdateNodeStateShape).
func (c *converter) renameClashes(reached []string) {
	c.renamed = map[string]string{}
	for _, name := range reached {
		if _, clash := c.f.Operations[name]; clash {
			c.renamed[name] = name + "Shape"
		}
	}
}

// reach lists the shapes the operations reach, sorted, and checks that
// every reference names a shape.
func (c *converter) reach() ([]string, error) {
	seen := map[string]bool{}
	var visit func(from, name string) error
	visit = func(from, name string) error {
		if seen[name] {
			return nil
		}
		s, ok := c.f.Shapes[name]
		if !ok {
			return fmt.Errorf("%s refers to shape %q, which is not defined", from, name)
		}
		seen[name] = true
		for _, m := range s.Members {
			if err := visit(fmt.Sprintf("shape %q member %q", name, m.Name), m.Shape); err != nil {
				return err
			}
		}
		for _, r := range []*ref{s.Member, s.Key, s.Value} {
			if r != nil {
				if err := visit(fmt.Sprintf("shape %q", name), r.Shape); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(c.f.Operations)) {
		op := c.f.Operations[name]
		refs := slices.Clone(op.Errors)
		for _, r := range []*ref{op.Input, op.Output} {
			if r != nil {
				refs = append(refs, *r)
			}
		}
		for _, r := range refs {
			if err := visit(fmt.Sprintf("operation %q", name), r.Shape); err != nil {
				return nil, err
			}
		}
	}
	return slices.Sorted(maps.Keys(seen)), nil
}

// service makes the service shape: the metadata becomes its traits, and
// the targetPrefix of JSON services its name, as in AWS's Smithy models.
func (c *converter) service() (*smithy.Shape, error) {
	md := c.f.Metadata
	name := md.TargetPrefix
	if name == "" {
		name = strings.NewReplacer(" ", "", "-", "").Replace(md.ServiceID)
	}
	aws := map[string]any{"sdkId": md.ServiceID, "endpointPrefix": md.EndpointPrefix}
	if arn := firstNonEmpty(md.SigningName, md.EndpointPrefix); arn != "" {
		aws["arnNamespace"] = arn
	}
	tr := traits{
		"aws.api#service": aws,
		"aws.auth#sigv4":  map[string]string{"name": firstNonEmpty(md.SigningName, md.EndpointPrefix)},
	}
	protocols := md.Protocols
	if len(protocols) == 0 {
		protocols = []string{md.Protocol}
	}
	for _, p := range protocols {
		id, err := protocolTrait(p, md.JSONVersion)
		if err != nil {
			return nil, err
		}
		tr[id] = empty{}
	}
	if md.AWSQueryCompatible != nil {
		tr["aws.protocols#awsQueryCompatible"] = empty{}
	}
	if md.XMLNamespace != "" {
		tr["smithy.api#xmlNamespace"] = map[string]string{"uri": md.XMLNamespace}
	}
	setString(tr, "smithy.api#documentation", c.f.Documentation)
	setString(tr, "smithy.api#title", md.ServiceFullName)
	t, err := build(tr)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	return &smithy.Shape{ID: c.id(name), Type: smithy.TypeService, Version: md.APIVersion, Traits: t}, nil
}

// protocolTrait is the Smithy trait of a protocol of the format.
func protocolTrait(p, jsonVersion string) (string, error) {
	switch p {
	case "json":
		if jsonVersion == "1.0" {
			return "aws.protocols#awsJson1_0", nil
		}
		return "aws.protocols#awsJson1_1", nil
	case "rest-json":
		return "aws.protocols#restJson1", nil
	case "rest-xml":
		return "aws.protocols#restXml", nil
	case "query":
		return "aws.protocols#awsQuery", nil
	case "ec2":
		return "aws.protocols#ec2Query", nil
	case "smithy-rpc-v2-cbor":
		return "smithy.protocols#rpcv2Cbor", nil
	}
	return "", fmt.Errorf("metadata: unknown protocol %q", p)
}

func (c *converter) operation(name string, o operation) (*smithy.Shape, error) {
	op := &smithy.Shape{ID: c.id(name), Type: smithy.TypeOperation}
	if o.Input != nil {
		op.Input = c.shapeID(o.Input.Shape)
	}
	if o.Output != nil {
		op.Output = c.shapeID(o.Output.Shape)
	}
	for _, e := range o.Errors {
		op.Errors = append(op.Errors, c.shapeID(e.Shape))
	}
	http := map[string]any{"method": o.HTTP.Method, "uri": o.HTTP.RequestURI}
	if o.HTTP.ResponseCode != 0 {
		http["code"] = o.HTTP.ResponseCode
	}
	tr := traits{"smithy.api#http": http}
	setString(tr, "smithy.api#documentation", o.Documentation)
	setFlag(tr, "smithy.api#idempotent", o.Idempotent)
	setFlag(tr, "smithy.api#readonly", o.ReadOnly)
	deprecated(tr, o.Deprecated, o.DeprecatedMessage)
	if o.Endpoint != nil && o.Endpoint.HostPrefix != "" {
		tr["smithy.api#endpoint"] = map[string]string{"hostPrefix": o.Endpoint.HostPrefix}
	}
	if p, ok := c.pages[name]; ok {
		tr["smithy.api#paginated"] = p
	}
	if w, ok := c.waiters[name]; ok {
		tr["smithy.waiters#waitable"] = w
	}
	var err error
	op.Traits, err = build(tr)
	return op, err
}

// shape converts one shape of the format to its Smithy shape.
func (c *converter) shape(name string, s *shape) (*smithy.Shape, error) {
	out := &smithy.Shape{ID: c.shapeID(name)}
	tr := traits{}
	setString(tr, "smithy.api#documentation", s.Documentation)
	setFlag(tr, "smithy.api#sensitive", s.Sensitive)
	deprecated(tr, s.Deprecated, s.DeprecatedMessage)
	var err error
	switch s.Type {
	case "structure":
		err = c.structure(out, s, tr)
	case "list":
		out.Type = smithy.TypeList
		bounds(tr, "smithy.api#length", s)
		setFlag(tr, "smithy.api#sparse", s.Sparse)
		setFlag(tr, "smithy.api#xmlFlattened", s.Flattened)
		if s.Member == nil {
			return nil, fmt.Errorf("a list needs a member")
		}
		out.Member, err = c.member(out.ID, "member", *s.Member, false, false)
	case "map":
		out.Type = smithy.TypeMap
		bounds(tr, "smithy.api#length", s)
		setFlag(tr, "smithy.api#sparse", s.Sparse)
		setFlag(tr, "smithy.api#xmlFlattened", s.Flattened)
		if s.Key == nil || s.Value == nil {
			return nil, fmt.Errorf("a map needs a key and a value")
		}
		if out.Key, err = c.member(out.ID, "key", *s.Key, false, false); err == nil {
			out.Value, err = c.member(out.ID, "value", *s.Value, false, false)
		}
	case "string":
		out.Type = smithy.TypeString
		bounds(tr, "smithy.api#length", s)
		setString(tr, "smithy.api#pattern", s.Pattern)
		if len(s.Enum) > 0 {
			out.Type = smithy.TypeEnum
			out.Members, err = enumMembers(out.ID, s.Enum)
		}
	case "blob":
		out.Type = smithy.TypeBlob
		bounds(tr, "smithy.api#length", s)
		setFlag(tr, "smithy.api#streaming", s.Streaming)
	case "boolean", "integer", "long", "float", "double":
		out.Type = smithy.ShapeType(s.Type)
		bounds(tr, "smithy.api#range", s)
		setFlag(tr, "smithy.api#box", s.Box)
	case "timestamp":
		out.Type = smithy.TypeTimestamp
		setString(tr, "smithy.api#timestampFormat", s.TimestampFormat)
	default:
		return nil, fmt.Errorf("unknown shape type %q", s.Type)
	}
	if err != nil {
		return nil, err
	}
	out.Traits, err = build(tr)
	return out, err
}

// enumMembers are the members of an enum shape, as AWS's Smithy models
// write a string with an enum: one per value, each targeting Unit with
// the value as its @enumValue, named after the value.
func enumMembers(parent smithy.ShapeID, values []string) ([]*smithy.Member, error) {
	var members []*smithy.Member
	taken := map[string]bool{}
	for _, v := range values {
		name := enumName(v)
		for i := 2; taken[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s_%d", enumName(v), i)
		}
		taken[strings.ToLower(name)] = true
		t, err := build(traits{"smithy.api#enumValue": v})
		if err != nil {
			return nil, fmt.Errorf("enum value %q: %w", v, err)
		}
		members = append(members, &smithy.Member{Name: name, ID: parent.WithMember(name), Target: unitID, Traits: t})
	}
	return members, nil
}

// enumName makes a member name of an enum value: letters and digits kept,
// anything else an underscore, upper case ("pay-per-request" is
// PAY_PER_REQUEST), and an underscore before a leading digit.
func enumName(v string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(v) {
		if 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" || name[0] >= '0' && name[0] <= '9' || name[0] == '_' {
		name = "V" + name
	}
	return name
}

// unitID is the Smithy prelude's empty structure, which enum members target.
const unitID smithy.ShapeID = "smithy.api#Unit"

// structure converts a structure, which the format also uses for unions,
// documents, event streams and errors.
func (c *converter) structure(out *smithy.Shape, s *shape, tr traits) error {
	switch {
	case s.Document:
		out.Type = smithy.TypeDocument
		return nil
	case s.Union:
		out.Type = smithy.TypeUnion
	case s.EventStream:
		out.Type = smithy.TypeUnion
		tr["smithy.api#streaming"] = empty{}
	default:
		out.Type = smithy.TypeStructure
	}
	if s.Exception || s.Error != nil {
		errorTraits(tr, s)
	}
	for _, m := range s.Members {
		mem, err := c.member(out.ID, m.Name, m.ref, slices.Contains(s.Required, m.Name), m.Name == s.Payload)
		if err != nil {
			return err
		}
		out.Members = append(out.Members, mem)
	}
	return nil
}

// errorTraits marks an error shape: a fault is the server's, anything
// else the client's; the code and status the protocol sends go along.
func errorTraits(tr traits, s *shape) {
	tr["smithy.api#error"] = "client"
	if s.Fault {
		tr["smithy.api#error"] = "server"
	}
	if s.Retryable != nil {
		tr["smithy.api#retryable"] = map[string]bool{"throttling": s.Retryable.Throttling}
	}
	if s.Error == nil {
		return
	}
	if s.Error.HTTPStatusCode != 0 {
		tr["smithy.api#httpError"] = s.Error.HTTPStatusCode
	}
	if s.Error.Code != "" {
		tr["aws.protocols#awsQueryError"] = map[string]any{"code": s.Error.Code, "httpResponseCode": s.Error.HTTPStatusCode}
	}
}

// member converts a member; where it travels in an HTTP message, and under
// which name, become the HTTP binding and name traits Smithy uses.
func (c *converter) member(parent smithy.ShapeID, name string, r ref, required, payload bool) (*smithy.Member, error) {
	tr := traits{}
	setFlag(tr, "smithy.api#httpPayload", payload)
	setString(tr, "smithy.api#documentation", r.Documentation)
	setFlag(tr, "smithy.api#required", required)
	setFlag(tr, "smithy.api#idempotencyToken", r.IdempotencyToken)
	setFlag(tr, "smithy.api#box", r.Box)
	deprecated(tr, r.Deprecated, r.DeprecatedMessage)
	setFlag(tr, "smithy.api#hostLabel", r.HostLabel)
	setFlag(tr, "smithy.api#xmlAttribute", r.XMLAttribute)
	setFlag(tr, "smithy.api#xmlFlattened", r.Flattened)
	setFlag(tr, "smithy.api#eventPayload", r.EventPayload)
	setString(tr, "smithy.api#timestampFormat", r.TimestampFormat)
	setString(tr, "aws.protocols#ec2QueryName", r.QueryName)
	if r.JSONValue {
		tr["smithy.api#mediaType"] = "application/json"
	}
	if r.XMLNamespace != nil {
		tr["smithy.api#xmlNamespace"] = r.XMLNamespace
	}
	switch r.Location {
	case "header":
		tr["smithy.api#httpHeader"] = r.LocationName
	case "headers":
		tr["smithy.api#httpPrefixHeaders"] = r.LocationName
	case "querystring":
		if t := c.f.Shapes[r.Shape]; t.Type == "map" {
			tr["smithy.api#httpQueryParams"] = empty{}
		} else {
			tr["smithy.api#httpQuery"] = r.LocationName
		}
	case "uri":
		tr["smithy.api#httpLabel"] = empty{}
	case "statusCode":
		tr["smithy.api#httpResponseCode"] = empty{}
	case "":
		if r.LocationName != "" && c.jsonNames {
			tr["smithy.api#jsonName"] = r.LocationName
		} else if r.LocationName != "" {
			tr["smithy.api#xmlName"] = r.LocationName
		}
	default:
		return nil, fmt.Errorf("member %q: unknown location %q", name, r.Location)
	}
	t, err := build(tr)
	if err != nil {
		return nil, fmt.Errorf("member %q: %w", name, err)
	}
	return &smithy.Member{Name: name, ID: parent.WithMember(name), Target: c.shapeID(r.Shape), Traits: t}, nil
}

// bounds sets the @length or @range a shape's min and max give.
func bounds(tr traits, id string, s *shape) {
	b := map[string]float64{}
	if s.Min != nil {
		b["min"] = *s.Min
	}
	if s.Max != nil {
		b["max"] = *s.Max
	}
	if len(b) > 0 {
		tr[id] = b
	}
}

func deprecated(tr traits, on bool, message string) {
	if !on && message == "" {
		return
	}
	d := map[string]string{}
	if message != "" {
		d["message"] = message
	}
	tr["smithy.api#deprecated"] = d
}

func setFlag(tr map[string]any, id string, on bool) {
	if on {
		tr[id] = empty{}
	}
}

func setString(tr map[string]any, id, value string) {
	if value != "" {
		tr[id] = value
	}
}

// build decodes the traits as the Smithy reader decodes a file's, in a
// fixed order.
func build(tr traits) (smithy.Traits, error) {
	var t smithy.Traits
	for _, id := range slices.Sorted(maps.Keys(tr)) {
		raw, err := encode(tr[id])
		if err == nil {
			err = t.Set(id, raw)
		}
		if err != nil {
			return t, fmt.Errorf("trait %s: %w", id, err)
		}
	}
	return t, nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
