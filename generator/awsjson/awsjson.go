// Package awsjson reads AWS API models in the AWS JSON model format, the
// service-2.json files of botocore's data folder (with their waiters-2.json
// and paginators-1.json), into the model generator/smithy produces from a
// Smithy JSON AST, so that inference and emitters cannot tell which format
// a service came from.
//
// The format has no default values: every boolean and number member
// becomes nullable, as aws-sdk-go-v2 holds them for services Smithy does
// not give defaults to (EC2, the one service only this format carries).
package awsjson

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Files are the files of one version of one service: service-2.json, and
// waiters-2.json and paginators-1.json, which may be nil.
type Files struct {
	Service, Waiters, Paginators []byte
}

// Load reads the model at path, a service-2.json or service-2.json.gz,
// with the waiters-2.json and paginators-1.json beside it when they exist.
func Load(path string) (*smithy.Model, error) {
	service, err := readMaybeGzip(path)
	if err != nil {
		return nil, err
	}
	files := Files{Service: service}
	dir := filepath.Dir(path)
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{"waiters-2.json", &files.Waiters}, {"paginators-1.json", &files.Paginators}} {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		*f.dst = data
	}
	return Parse(files, path)
}

// readMaybeGzip reads a file, uncompressing it when its name ends in .gz.
func readMaybeGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !strings.HasSuffix(path, ".gz") {
		return io.ReadAll(f)
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// Parse converts the files of one service; name is the service file's name
// for errors and Model.File.
func Parse(files Files, name string) (*smithy.Model, error) {
	var f file
	if err := json.Unmarshal(files.Service, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if f.Metadata.ServiceID == "" {
		return nil, fmt.Errorf("%s: metadata has no serviceId", name)
	}
	pages, err := paginators(files.Paginators)
	if err != nil {
		return nil, fmt.Errorf("%s: paginators-1.json: %w", name, err)
	}
	waits, err := waiters(files.Waiters)
	if err != nil {
		return nil, fmt.Errorf("%s: waiters-2.json: %w", name, err)
	}
	c := &converter{f: &f, file: name, ns: namespace(f.Metadata.ServiceID), pages: pages, waiters: waits,
		jsonNames: protocol(f.Metadata) == "json" || protocol(f.Metadata) == "rest-json"}
	m, err := c.model()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// namespace is the Smithy namespace AWS gives a service:
// "com.amazonaws.acmpca" for the service ID "ACM PCA".
func namespace(serviceID string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(serviceID) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return "com.amazonaws." + b.String()
}

// protocol is the service's protocol: the first of "protocols", which
// lists them in the order clients should prefer, else "protocol".
func protocol(md metadata) string {
	if len(md.Protocols) > 0 {
		return md.Protocols[0]
	}
	return md.Protocol
}

// encode writes v as JSON without escaping HTML, which documentation is
// full of.
func encode(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
