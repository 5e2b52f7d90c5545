package smithy

import (
	"bytes"
	"encoding/json"
	"maps"
	"strconv"
)

// Traits holds every trait of a shape or member in Raw, and decodes the ones
// code generation needs. The decoded fields always agree with Raw.
type Traits struct {
	// Raw maps absolute trait IDs to their JSON values; the slices alias the
	// file bytes. Nil when there are no traits.
	Raw map[string]json.RawMessage

	// Annotation traits: true when present.
	Required, Sensitive, IdempotencyToken, ReadOnly, Idempotent, Streaming bool
	ClientOptional, Deprecated, Sparse, Input, Output, Box                 bool
	XMLFlattened, XMLAttribute, HTTPLabel, HTTPPayload, HTTPResponseCode   bool
	HTTPQueryParams, UniqueItems, Mixin                                    bool

	Documentation     string
	Title             string
	DeprecatedMessage string

	// Default is the @default value as written, including an explicit null
	// (which removes a default the target shape has); nil when absent.
	Default json.RawMessage

	Length, Range *Bounds
	Pattern       string

	// Enum is the Smithy 1 @enum trait on strings.
	Enum []EnumValue
	// EnumValue is the @enumValue of an enum or intEnum member. Members of
	// enum shapes without one get their name, as the spec defines.
	EnumValue json.RawMessage

	Paginated *Paginated
	// Waiters are the smithy.waiters#waitable waiters of an operation,
	// sorted by name.
	Waiters []Waiter

	JSONName, XMLName string
	XMLNamespace      string // the uri of @xmlNamespace
	TimestampFormat   string

	Error     string // @error: "client" or "server"
	HTTPError int
	HTTP      *HTTP

	HTTPQuery, HTTPHeader, HTTPPrefixHeaders string

	ResourceIdentifier string
	ARN                *ARN
	ARNReference       *ARNReference
	References         []Reference
	Service            *AWSService

	// Protocols lists the protocol traits present (e.g. "aws.protocols#restJson1"), in file order.
	Protocols []string
	Tags      []string

	// LocalTraits are the traits of a mixin that are not copied to shapes using it.
	LocalTraits []string
}

// Bounds is the value of @length or @range.
type Bounds struct {
	Min, Max *float64
}

// EnumValue is one entry of the Smithy 1 @enum trait.
type EnumValue struct {
	Value, Name, Documentation string
	Deprecated                 bool
	Tags                       []string
}

// Paginated is the value of @paginated.
type Paginated struct {
	InputToken, OutputToken, Items, PageSize string
}

// Waiter is one waiter of smithy.waiters#waitable: the states its
// acceptors give the operation's answers.
type Waiter struct {
	Name      string
	Acceptors []Acceptor
}

// Acceptor is one acceptor of a waiter. State is "success", "failure" or
// "retry". An output matcher sets Path, Expected and Comparator (as
// "stringEquals" or "allStringEquals"); an errorType matcher sets
// ErrorType. Other matchers leave all four empty.
type Acceptor struct {
	State                      string
	Path, Expected, Comparator string
	ErrorType                  string
}

// HTTP is the value of @http. Code is 200 when not written.
type HTTP struct {
	Method, URI string
	Code        int
}

// ARN is the value of aws.api#arn.
type ARN struct {
	Template                                string
	Absolute, NoRegion, NoAccount, Reusable bool
	ResourceDelimiter                       string
}

// ARNReference is the value of aws.api#arnReference.
type ARNReference struct {
	Type              string
	Service, Resource ShapeID
}

// Reference is one entry of @references.
type Reference struct {
	Resource ShapeID
	Ids      map[string]string
	Service  ShapeID
	Rel      string
}

// AWSService is the value of aws.api#service.
type AWSService struct {
	SDKID, ArnNamespace, CloudFormationName, CloudTrailEventSource, EndpointPrefix, DocID string
}

// HasDefault reports whether @default gives a value (an explicit null does not).
func (t *Traits) HasDefault() bool {
	return len(t.Default) > 0 && string(t.Default) != "null"
}

// Has reports whether the trait with the given absolute ID is present.
func (t *Traits) Has(id string) bool {
	_, ok := t.Raw[id]
	return ok
}

// EnumString returns a string @enumValue.
func (t *Traits) EnumString() (string, bool) {
	v := t.EnumValue
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	if bytes.IndexByte(v, '\\') < 0 {
		return string(v[1 : len(v)-1]), true // the common case, without a decoder
	}
	var s string
	err := json.Unmarshal(v, &s)
	return s, err == nil
}

// EnumInt returns an integer @enumValue.
func (t *Traits) EnumInt() (int64, bool) {
	n, err := strconv.ParseInt(string(t.EnumValue), 10, 64)
	return n, err == nil
}

// Set sets trait id to value, a JSON value as the JSON AST writes it, and
// decodes it as a model file's trait would be, replacing one already set.
// It lets readers of other model formats build the same traits.
func (t *Traits) Set(id string, value json.RawMessage) error {
	if t.Raw != nil {
		delete(t.Raw, id)
	}
	return t.set("trait "+id, id, value)
}

// clone copies t so that setting traits on the copy leaves t alone; decoded
// values are never modified in place, so sharing them is safe.
func (t Traits) clone() Traits {
	t.Raw = maps.Clone(t.Raw)
	return t
}

// isProtocol reports whether a trait ID names a wire protocol.
func isProtocol(id string) bool {
	switch id {
	case "aws.protocols#awsJson1_0", "aws.protocols#awsJson1_1", "aws.protocols#restJson1",
		"aws.protocols#restXml", "aws.protocols#awsQuery", "aws.protocols#ec2Query",
		"smithy.protocols#rpcv2Cbor":
		return true
	}
	return false
}
