package smithy

import (
	"encoding/json"
	"slices"
	"strings"
)

// traits reads a "traits" object into t.
func (d *decoder) traits(t *Traits) error {
	return d.object(func(key []byte) error {
		id, err := d.idFromKey(key)
		if err != nil {
			return err
		}
		if _, dup := t.Raw[id]; dup {
			return d.errorAt(d.keyPos, "duplicate trait %q", id)
		}
		return d.trait(t, id)
	})
}

// trait reads the value of trait id into t, keeping it raw and decoded.
func (d *decoder) trait(t *Traits, id string) error {
	d.atTrait = id
	d.peek()
	start := d.pos
	if err := d.traitValue(t, id); err != nil {
		return err
	}
	if t.Raw == nil {
		t.Raw = make(map[string]json.RawMessage, 4)
	}
	t.Raw[id] = d.data[start:d.pos:d.pos]
	d.atTrait = ""
	return nil
}

// set replaces trait id of t with the given value, as mixins and apply do.
// The value was read from file already, so errors are unlikely.
func (t *Traits) set(file, id string, value json.RawMessage) error {
	d := &decoder{data: value, name: file}
	if err := d.trait(t, id); err != nil {
		return err
	}
	return d.end()
}

// annotate sets the flag of an annotation trait, reporting whether id is one.
func (t *Traits) annotate(id string) bool {
	switch id {
	case "smithy.api#required":
		t.Required = true
	case "smithy.api#sensitive":
		t.Sensitive = true
	case "smithy.api#idempotencyToken":
		t.IdempotencyToken = true
	case "smithy.api#readonly":
		t.ReadOnly = true
	case "smithy.api#idempotent":
		t.Idempotent = true
	case "smithy.api#streaming":
		t.Streaming = true
	case "smithy.api#clientOptional":
		t.ClientOptional = true
	case "smithy.api#sparse":
		t.Sparse = true
	case "smithy.api#input":
		t.Input = true
	case "smithy.api#output":
		t.Output = true
	case "smithy.api#box":
		t.Box = true
	case "smithy.api#xmlFlattened":
		t.XMLFlattened = true
	case "smithy.api#xmlAttribute":
		t.XMLAttribute = true
	case "smithy.api#httpLabel":
		t.HTTPLabel = true
	case "smithy.api#httpPayload":
		t.HTTPPayload = true
	case "smithy.api#httpResponseCode":
		t.HTTPResponseCode = true
	case "smithy.api#httpQueryParams":
		t.HTTPQueryParams = true
	case "smithy.api#uniqueItems":
		t.UniqueItems = true
	default:
		if !isProtocol(id) {
			return false
		}
		if !slices.Contains(t.Protocols, id) {
			// Full slice expression: the slice may be shared with a mixin's traits.
			t.Protocols = append(t.Protocols[:len(t.Protocols):len(t.Protocols)], id)
		}
	}
	return true
}

// traitValue decodes the value of trait id into t, or skips it when t
// keeps it raw only. Annotation values are not checked: only presence counts.
func (d *decoder) traitValue(t *Traits, id string) (err error) {
	if t.annotate(id) {
		return d.skip()
	}
	switch id {
	case "smithy.api#deprecated":
		t.Deprecated = true
		return d.object(func(k []byte) (err error) {
			if string(k) == "message" {
				t.DeprecatedMessage, err = d.str()
				return err
			}
			return d.skip()
		})
	case "smithy.api#mixin":
		t.Mixin = true
		return d.object(func(k []byte) error {
			if string(k) != "localTraits" {
				return d.skip()
			}
			t.LocalTraits = nil
			return d.array(func() error {
				id, err := d.id()
				t.LocalTraits = append(t.LocalTraits, string(id))
				return err
			})
		})
	case "smithy.api#documentation":
		t.Documentation, err = d.str()
	case "smithy.api#title":
		t.Title, err = d.str()
	case "smithy.api#default":
		t.Default, err = d.raw()
	case "smithy.api#length":
		t.Length, err = d.bounds()
	case "smithy.api#range":
		t.Range, err = d.bounds()
	case "smithy.api#pattern":
		t.Pattern, err = d.str()
	case "smithy.api#enum":
		t.Enum, err = d.enumTrait()
	case "smithy.api#enumValue":
		if c := d.peek(); c != '"' && c != '-' && (c < '0' || c > '9') {
			return d.unexpected("string or integer")
		}
		t.EnumValue, err = d.raw()
	case "smithy.api#paginated":
		t.Paginated, err = d.paginated()
	case "smithy.waiters#waitable":
		t.Waiters, err = d.waiters()
	case "smithy.api#jsonName":
		t.JSONName, err = d.str()
	case "smithy.api#xmlName":
		t.XMLName, err = d.str()
	case "smithy.api#xmlNamespace":
		return d.object(func(k []byte) (err error) {
			if string(k) == "uri" {
				t.XMLNamespace, err = d.str()
				return err
			}
			return d.skip()
		})
	case "smithy.api#timestampFormat":
		t.TimestampFormat, err = d.str()
	case "smithy.api#error":
		start := d.pos
		if t.Error, err = d.str(); err == nil && t.Error != "client" && t.Error != "server" {
			return d.errorAt(start, `must be "client" or "server", not %q`, t.Error)
		}
	case "smithy.api#httpError":
		var n int64
		n, err = d.integer()
		t.HTTPError = int(n)
	case "smithy.api#http":
		t.HTTP, err = d.http()
	case "smithy.api#httpQuery":
		t.HTTPQuery, err = d.str()
	case "smithy.api#httpHeader":
		t.HTTPHeader, err = d.str()
	case "smithy.api#httpPrefixHeaders":
		t.HTTPPrefixHeaders, err = d.str()
	case "smithy.api#resourceIdentifier":
		t.ResourceIdentifier, err = d.str()
	case "smithy.api#references":
		t.References, err = d.references()
	case "smithy.api#tags":
		t.Tags, err = d.strings()
	case "aws.api#arn":
		t.ARN, err = d.arn()
	case "aws.api#arnReference":
		t.ARNReference, err = d.arnReference()
	case "aws.api#service":
		t.Service, err = d.awsService()
	default:
		return d.skip()
	}
	return err
}

func (d *decoder) strings() (list []string, err error) {
	err = d.array(func() error {
		s, err := d.str()
		list = append(list, s)
		return err
	})
	return list, err
}

func (d *decoder) bounds() (*Bounds, error) {
	b := &Bounds{}
	return b, d.object(func(k []byte) error {
		var dst **float64
		switch string(k) {
		case "min":
			dst = &b.Min
		case "max":
			dst = &b.Max
		default:
			return d.skip()
		}
		f, err := d.float()
		*dst = &f
		return err
	})
}

func (d *decoder) enumTrait() (list []EnumValue, err error) {
	err = d.array(func() error {
		var v EnumValue
		err := d.object(func(k []byte) (err error) {
			switch string(k) {
			case "value":
				v.Value, err = d.str()
			case "name":
				v.Name, err = d.str()
			case "documentation":
				v.Documentation, err = d.str()
			case "deprecated":
				v.Deprecated, err = d.boolean()
			case "tags":
				v.Tags, err = d.strings()
			default:
				err = d.skip()
			}
			return err
		})
		list = append(list, v)
		return err
	})
	return list, err
}

func (d *decoder) paginated() (*Paginated, error) {
	p := &Paginated{}
	return p, d.object(func(k []byte) (err error) {
		switch string(k) {
		case "inputToken":
			p.InputToken, err = d.str()
		case "outputToken":
			p.OutputToken, err = d.str()
		case "items":
			p.Items, err = d.str()
		case "pageSize":
			p.PageSize, err = d.str()
		default:
			err = d.skip()
		}
		return err
	})
}

// waiters reads smithy.waiters#waitable, sorting the waiters by name.
func (d *decoder) waiters() (list []Waiter, err error) {
	err = d.object(func(k []byte) error {
		w := Waiter{Name: string(k)}
		err := d.object(func(k []byte) error {
			if string(k) != "acceptors" {
				return d.skip()
			}
			return d.array(func() error {
				a, err := d.acceptor()
				w.Acceptors = append(w.Acceptors, a)
				return err
			})
		})
		list = append(list, w)
		return err
	})
	slices.SortFunc(list, func(a, b Waiter) int { return strings.Compare(a.Name, b.Name) })
	return list, err
}

func (d *decoder) acceptor() (a Acceptor, err error) {
	err = d.object(func(k []byte) (err error) {
		switch string(k) {
		case "state":
			a.State, err = d.str()
		case "matcher":
			err = d.object(func(k []byte) (err error) {
				switch string(k) {
				case "output":
					return d.object(func(k []byte) (err error) {
						switch string(k) {
						case "path":
							a.Path, err = d.str()
						case "expected":
							a.Expected, err = d.str()
						case "comparator":
							a.Comparator, err = d.str()
						default:
							err = d.skip()
						}
						return err
					})
				case "errorType":
					a.ErrorType, err = d.str()
				default:
					err = d.skip()
				}
				return err
			})
		default:
			err = d.skip()
		}
		return err
	})
	return a, err
}

func (d *decoder) http() (*HTTP, error) {
	h := &HTTP{Code: 200}
	return h, d.object(func(k []byte) (err error) {
		switch string(k) {
		case "method":
			h.Method, err = d.str()
		case "uri":
			h.URI, err = d.str()
		case "code":
			var n int64
			n, err = d.integer()
			h.Code = int(n)
		default:
			err = d.skip()
		}
		return err
	})
}

func (d *decoder) references() (list []Reference, err error) {
	err = d.array(func() error {
		var r Reference
		err := d.object(func(k []byte) (err error) {
			switch string(k) {
			case "resource":
				r.Resource, err = d.id()
			case "service":
				r.Service, err = d.id()
			case "rel":
				r.Rel, err = d.str()
			case "ids":
				r.Ids = map[string]string{}
				err = d.object(func(k []byte) (err error) {
					r.Ids[string(k)], err = d.str()
					return err
				})
			default:
				err = d.skip()
			}
			return err
		})
		list = append(list, r)
		return err
	})
	return list, err
}

func (d *decoder) arn() (*ARN, error) {
	a := &ARN{}
	return a, d.object(func(k []byte) (err error) {
		switch string(k) {
		case "template":
			a.Template, err = d.str()
		case "absolute":
			a.Absolute, err = d.boolean()
		case "noRegion":
			a.NoRegion, err = d.boolean()
		case "noAccount":
			a.NoAccount, err = d.boolean()
		case "reusable":
			a.Reusable, err = d.boolean()
		case "resourceDelimiter":
			a.ResourceDelimiter, err = d.str()
		default:
			err = d.skip()
		}
		return err
	})
}

func (d *decoder) arnReference() (*ARNReference, error) {
	a := &ARNReference{}
	return a, d.object(func(k []byte) (err error) {
		switch string(k) {
		case "type":
			a.Type, err = d.str()
		// service and resource are not checked as shape IDs: AWS models
		// put plain service names there too.
		case "service":
			var v string
			v, err = d.str()
			a.Service = ShapeID(v)
		case "resource":
			var v string
			v, err = d.str()
			a.Resource = ShapeID(v)
		default:
			err = d.skip()
		}
		return err
	})
}

func (d *decoder) awsService() (*AWSService, error) {
	s := &AWSService{}
	return s, d.object(func(k []byte) (err error) {
		switch string(k) {
		case "sdkId":
			s.SDKID, err = d.str()
		case "arnNamespace":
			s.ArnNamespace, err = d.str()
		case "cloudFormationName":
			s.CloudFormationName, err = d.str()
		case "cloudTrailEventSource":
			s.CloudTrailEventSource, err = d.str()
		case "endpointPrefix":
			s.EndpointPrefix, err = d.str()
		case "docId":
			s.DocID, err = d.str()
		default:
			err = d.skip()
		}
		return err
	})
}
