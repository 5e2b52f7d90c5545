package awsjson

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// file is service-2.json: the service's metadata, operations and shapes.
type file struct {
	Metadata      metadata             `json:"metadata"`
	Documentation string               `json:"documentation"`
	Operations    map[string]operation `json:"operations"`
	Shapes        map[string]shape     `json:"shapes"`
}

type metadata struct {
	APIVersion         string    `json:"apiVersion"`
	EndpointPrefix     string    `json:"endpointPrefix"`
	JSONVersion        string    `json:"jsonVersion"`
	Protocol           string    `json:"protocol"`
	Protocols          []string  `json:"protocols"`
	ServiceFullName    string    `json:"serviceFullName"`
	ServiceID          string    `json:"serviceId"`
	SigningName        string    `json:"signingName"`
	TargetPrefix       string    `json:"targetPrefix"`
	XMLNamespace       string    `json:"xmlNamespace"`
	AWSQueryCompatible *struct{} `json:"awsQueryCompatible"`
}

type operation struct {
	Name              string   `json:"name"`
	HTTP              httpSpec `json:"http"`
	Input             *ref     `json:"input"`
	Output            *ref     `json:"output"`
	Errors            []ref    `json:"errors"`
	Documentation     string   `json:"documentation"`
	Idempotent        bool     `json:"idempotent"`
	ReadOnly          bool     `json:"readonly"`
	Deprecated        bool     `json:"deprecated"`
	DeprecatedMessage string   `json:"deprecatedMessage"`
	Endpoint          *struct {
		HostPrefix string `json:"hostPrefix"`
	} `json:"endpoint"`
}

type httpSpec struct {
	Method       string `json:"method"`
	RequestURI   string `json:"requestUri"`
	ResponseCode int    `json:"responseCode"`
}

// ref is a reference to a shape, as members, inputs, outputs and errors
// write it, with the member properties the format puts beside it.
type ref struct {
	Shape             string        `json:"shape"`
	Documentation     string        `json:"documentation"`
	Location          string        `json:"location"`
	LocationName      string        `json:"locationName"`
	QueryName         string        `json:"queryName"`
	IdempotencyToken  bool          `json:"idempotencyToken"`
	Box               bool          `json:"box"`
	Deprecated        bool          `json:"deprecated"`
	DeprecatedMessage string        `json:"deprecatedMessage"`
	HostLabel         bool          `json:"hostLabel"`
	JSONValue         bool          `json:"jsonvalue"`
	Flattened         bool          `json:"flattened"`
	XMLAttribute      bool          `json:"xmlAttribute"`
	XMLNamespace      *xmlNamespace `json:"xmlNamespace"`
	TimestampFormat   string        `json:"timestampFormat"`
	EventPayload      bool          `json:"eventpayload"`
}

type xmlNamespace struct {
	Prefix string `json:"prefix,omitempty"`
	URI    string `json:"uri"`
}

// shape is one entry of "shapes"; which fields are set depends on Type.
type shape struct {
	Type              string          `json:"type"`
	Members           members         `json:"members"`
	Member            *ref            `json:"member"`
	Key               *ref            `json:"key"`
	Value             *ref            `json:"value"`
	Required          []string        `json:"required"`
	Enum              []string        `json:"enum"`
	Min               *float64        `json:"min"`
	Max               *float64        `json:"max"`
	Pattern           string          `json:"pattern"`
	Sensitive         bool            `json:"sensitive"`
	Box               bool            `json:"box"`
	Documentation     string          `json:"documentation"`
	Deprecated        bool            `json:"deprecated"`
	DeprecatedMessage string          `json:"deprecatedMessage"`
	Exception         bool            `json:"exception"`
	Fault             bool            `json:"fault"`
	Error             *errorSpec      `json:"error"`
	Retryable         *retryable      `json:"retryable"`
	Union             bool            `json:"union"`
	Document          bool            `json:"document"`
	EventStream       bool            `json:"eventstream"`
	Event             bool            `json:"event"`
	Payload           string          `json:"payload"`
	Streaming         bool            `json:"streaming"`
	Sparse            bool            `json:"sparse"`
	Flattened         bool            `json:"flattened"`
	TimestampFormat   string          `json:"timestampFormat"`
	LocationName      string          `json:"locationName"`
	XMLNamespace      json.RawMessage `json:"xmlNamespace"`
}

type errorSpec struct {
	Code           string `json:"code"`
	HTTPStatusCode int    `json:"httpStatusCode"`
	SenderFault    bool   `json:"senderFault"`
}

type retryable struct {
	Throttling bool `json:"throttling"`
}

// members keeps the members of a structure in file order, which a Go map
// would lose.
type members []member

type member struct {
	Name string
	ref
}

func (ms *members) UnmarshalJSON(data []byte) error {
	d := json.NewDecoder(bytes.NewReader(data))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("members: want an object")
	}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		m := member{Name: tok.(string)}
		if err := d.Decode(&m.ref); err != nil {
			return fmt.Errorf("member %s: %w", m.Name, err)
		}
		*ms = append(*ms, m)
	}
	_, err := d.Token()
	return err
}
