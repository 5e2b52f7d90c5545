package reconciler

import (
	"strconv"
	"strings"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// pendingCreate is the value of AnnotationCreatePending: when a create was
// sent, and where. The place rides in the same metadata write as the
// finalizer, so a create whose answer is lost is settled where it went
// even if the region or account the object resolves to changes meanwhile.
type pendingCreate struct {
	since           time.Time
	region, account string
	// generation and secrets are the spec generation and the Secrets'
	// fingerprint the create sent, for the records its lost status write
	// held (see restoreCreateRecords).
	generation int64
	secrets    string
}

// String is "<RFC3339 time> region=<region> account=<account>
// generation=<n> secrets=<fingerprint>"; the time alone is the format of
// earlier versions, and still read.
func (c pendingCreate) String() string {
	s := c.since.UTC().Format(time.RFC3339)
	if c.region != "" {
		s += " region=" + c.region
	}
	if c.account != "" {
		s += " account=" + c.account
	}
	if c.generation > 0 {
		s += " generation=" + strconv.FormatInt(c.generation, 10)
	}
	if c.secrets != "" {
		s += " secrets=" + c.secrets
	}
	return s
}

// readPendingCreate reads an object's create record. An unreadable time
// reads as the zero time: the record still stands.
func readPendingCreate(obj client.Object) (pendingCreate, bool) {
	v, ok := obj.GetAnnotations()[AnnotationCreatePending]
	if !ok {
		return pendingCreate{}, false
	}
	fields := strings.Fields(v)
	var c pendingCreate
	if len(fields) > 0 {
		c.since, _ = time.Parse(time.RFC3339, fields[0])
	}
	for _, f := range fields[min(1, len(fields)):] {
		switch k, val, _ := strings.Cut(f, "="); k {
		case "region":
			c.region = val
		case "account":
			c.account = val
		case "generation":
			c.generation, _ = strconv.ParseInt(val, 10, 64)
		case "secrets":
			c.secrets = val
		}
	}
	return c, true
}
