package smithy

import (
	"reflect"
	"testing"
)

func TestTraits(t *testing.T) {
	m := loadFixture(t, "traits.json")
	svc := mustShape(t, m, "example.traits#Service").Traits
	list := mustShape(t, m, "example.traits#ListThings").Traits
	put := mustShape(t, m, "example.traits#PutThing").Traits
	name := mustShape(t, m, "example.traits#ThingName").Traits
	arn := mustShape(t, m, "example.traits#ThingArn").Traits
	things := mustShape(t, m, "example.traits#ThingList")
	member := func(shape ShapeID, name string) *Traits { return &mustMember(t, m, shape, name).Traits }
	in, out, putIn := ShapeID("example.traits#ListThingsInput"), ShapeID("example.traits#ListThingsOutput"), ShapeID("example.traits#PutThingInput")

	tests := []struct {
		reason string
		got    any
		want   any
	}{
		{"aws.api#service", svc.Service, &AWSService{
			SDKID: "Traits Test", ArnNamespace: "traits", CloudFormationName: "Traits",
			CloudTrailEventSource: "traits.amazonaws.com", EndpointPrefix: "traits-api", DocID: "traits-2020-01-01"}},
		{"protocol traits in file order; aws.auth#sigv4 is not one", svc.Protocols,
			[]string{"aws.protocols#restJson1", "aws.protocols#awsJson1_0"}},
		{"protocol settings stay in Raw", string(svc.Raw["aws.protocols#restJson1"]), `{"http": ["h2", "http/1.1"]}`},
		{"unknown traits are kept raw", string(svc.Raw["aws.auth#sigv4"]), `{"name": "traits"}`},
		{"Has", []bool{svc.Has("aws.auth#sigv4"), svc.Has("smithy.api#required")}, []bool{true, false}},
		{"@title", svc.Title, "Traits Test Service"},
		{"@xmlNamespace", svc.XMLNamespace, "http://example.com/doc/2020-01-01/"},
		{"@tags", svc.Tags, []string{"internal", "beta"}},
		{"@paginated", list.Paginated, &Paginated{Items: "things"}},
		{"Pagination completes @paginated from the service", m.Pagination(mustShape(t, m, "example.traits#ListThings")),
			&Paginated{InputToken: "nextToken", OutputToken: "nextToken", Items: "things", PageSize: "maxResults"}},
		{"Pagination of an unpaginated operation", m.Pagination(mustShape(t, m, "example.traits#PutThing")), (*Paginated)(nil)},
		{"@http without code defaults to 200", list.HTTP, &HTTP{Method: "GET", URI: "/things", Code: 200}},
		{"@http with code", put.HTTP, &HTTP{Method: "PUT", URI: "/things/{name}", Code: 201}},
		{"@readonly and @idempotent", []bool{list.ReadOnly, list.Idempotent, put.ReadOnly, put.Idempotent}, []bool{true, false, false, true}},
		{"@documentation", list.Documentation, "Lists things."},
		{"@deprecated with a message", []any{put.Deprecated, put.DeprecatedMessage}, []any{true, "Use PutThing2."}},
		{"@deprecated without one", []any{member(putIn, "old").Deprecated, member(putIn, "old").DeprecatedMessage}, []any{true, ""}},
		{"@httpQuery", member(in, "nextToken").HTTPQuery, "next"},
		{"@range keeps large bounds close", member(in, "maxResults").Range, &Bounds{Min: ptr(1.0), Max: ptr(9223372036854775807.0)}},
		{"@httpQueryParams", member(in, "filters").HTTPQueryParams, true},
		{"@idempotencyToken and @httpHeader", []any{member(in, "token").IdempotencyToken, member(in, "token").HTTPHeader}, []any{true, "X-Token"}},
		{"@input and @output", []bool{mustShape(t, m, in).Traits.Input, mustShape(t, m, out).Traits.Output}, []bool{true, true}},
		{"@jsonName", member(out, "things").JSONName, "Things"},
		{"@httpResponseCode", member(out, "status").HTTPResponseCode, true},
		{"@httpPrefixHeaders", member(out, "meta").HTTPPrefixHeaders, "X-Meta-"},
		{"@required, @httpLabel and @resourceIdentifier",
			[]any{member(putIn, "name").Required, member(putIn, "name").HTTPLabel, member(putIn, "name").ResourceIdentifier},
			[]any{true, true, "thingName"}},
		{"@httpPayload", member(putIn, "body").HTTPPayload, true},
		{"@default and @clientOptional", []any{string(member(putIn, "count").Default), member(putIn, "count").HasDefault(), member(putIn, "count").ClientOptional},
			[]any{"0", true, true}},
		{"@default(null) is kept but gives no default", []any{string(member(putIn, "enabled").Default), member(putIn, "enabled").HasDefault()},
			[]any{"null", false}},
		{"@default on a shape, and @box", []any{string(mustShape(t, m, "example.traits#DefaultTrue").Traits.Default), mustShape(t, m, "example.traits#DefaultTrue").Traits.Box},
			[]any{"true", true}},
		{"no @default", member(in, "nextToken").HasDefault(), false},
		{"@timestampFormat", member(putIn, "created").TimestampFormat, "date-time"},
		{"@xmlAttribute and @xmlName", []any{member(putIn, "id").XMLAttribute, member(putIn, "id").XMLName}, []any{true, "ID"}},
		{"@error and @httpError", []any{mustShape(t, m, "example.traits#NotFound").Traits.Error, mustShape(t, m, "example.traits#NotFound").Traits.HTTPError},
			[]any{"client", 404}},
		{"@length", name.Length, &Bounds{Min: ptr(1.0), Max: ptr(64.0)}},
		{"@pattern unescaped", name.Pattern, `^[a-z\-]+$`},
		{"@sensitive", name.Sensitive, true},
		{"@references", name.References, []Reference{
			{Resource: "example.traits#Thing", Ids: map[string]string{"name": "thingName"}, Service: "example.traits#Service", Rel: "self"},
			{Resource: "example.traits#Thing"}}},
		{"aws.api#arn", arn.ARN, &ARN{Template: "thing/{name}", Absolute: true, NoRegion: true, NoAccount: true, Reusable: true, ResourceDelimiter: "/"}},
		{"aws.api#arnReference", arn.ARNReference, &ARNReference{Type: "AWS::Traits::Thing", Service: "example.traits#Service", Resource: "example.traits#Thing"}},
		{"@streaming", mustShape(t, m, "example.traits#Payload").Traits.Streaming, true},
		{"@sparse, @uniqueItems and @xmlFlattened", []bool{things.Traits.Sparse, things.Traits.UniqueItems, things.Traits.XMLFlattened}, []bool{true, true, true}},
		{"member @xmlName", things.Member.Traits.XMLName, "item"},
		{"Smithy 1 @enum", mustShape(t, m, "example.traits#OldEnum").Traits.Enum, []EnumValue{
			{Value: "a", Name: "A", Documentation: "The A.", Tags: []string{"x"}},
			{Value: "b", Deprecated: true}}},
		{"shapes without traits have no Raw map", mustShape(t, m, "example.traits#Filters").Traits.Raw == nil, true},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.reason, tt.got, tt.want)
		}
	}
}
