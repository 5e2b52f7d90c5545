package infer

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inferErrorCodes sets the error codes that mean the resource is gone:
// generator.yaml's notFoundCodes, else the errors of the read operation
// (and the service's common errors) that say so by name (NotFound,
// NoSuch…, NonExistent…) or by HTTP status 404. The codes that mean the
// name is taken come from alreadyExistsCodes, else from the create
// operation's errors (see alreadyExists). Terminal and recoverable codes
// are classify_errors' work. A configured code that is not in the model
// but close to one that is, is taken for a typo.
func inferErrorCodes(st *state) error {
	codes := st.errorCodes()
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		r := w.r
		for i, c := range w.rc.NotFoundCodes {
			st.checkCode(c, codes, w.at.At("notFoundCodes", strconv.Itoa(i)))
		}
		st.inferAlreadyExists(w, codes)
		if len(w.rc.NotFoundCodes) > 0 {
			r.NotFoundCodes = w.rc.NotFoundCodes
			w.decide("not found codes", strings.Join(r.NotFoundCodes, ", "), "notFoundCodes in generator.yaml")
			continue
		}
		read := st.ops[w.c.Read]
		for _, id := range slices.Concat(read.Errors, st.service.Errors) {
			e, ok := st.m.Shape(id)
			if !ok || !notFound(e) {
				continue
			}
			if code := errorCode(e); !slices.Contains(r.NotFoundCodes, code) {
				r.NotFoundCodes = append(r.NotFoundCodes, code)
			}
		}
		if len(r.NotFoundCodes) > 0 {
			w.decide("not found codes", strings.Join(r.NotFoundCodes, ", "), "errors of %s that say the resource does not exist", read.ID.Name())
		}
	}
	return nil
}

// inferAlreadyExists sets the create error codes that mean the name is
// taken, so that the runtime never mistakes them for a passing fault.
func (st *state) inferAlreadyExists(w *work, codes []string) {
	r := w.r
	if len(w.rc.AlreadyExistsCodes) > 0 {
		for i, c := range w.rc.AlreadyExistsCodes {
			st.checkCode(c, codes, w.at.At("alreadyExistsCodes", strconv.Itoa(i)))
		}
		r.AlreadyExistsCodes = w.rc.AlreadyExistsCodes
		w.decide("already exists codes", strings.Join(r.AlreadyExistsCodes, ", "), "alreadyExistsCodes in generator.yaml")
		return
	}
	create := st.ops[w.c.Create]
	for _, id := range create.Errors {
		e, ok := st.m.Shape(id)
		if !ok || !alreadyExists(e) {
			continue
		}
		if code := errorCode(e); !slices.Contains(r.AlreadyExistsCodes, code) {
			r.AlreadyExistsCodes = append(r.AlreadyExistsCodes, code)
		}
	}
	if len(r.AlreadyExistsCodes) > 0 {
		w.decide("already exists codes", strings.Join(r.AlreadyExistsCodes, ", "), "errors of %s that say the resource exists", create.ID.Name())
	}
}

// alreadyExists tells a create error that means the name is taken: by
// name (…AlreadyExists…, …AlreadyOwnedByYou), or, for the vaguer
// …InUse… and …Conflict… errors, by documentation that speaks of an
// existing resource (DynamoDB's ResourceInUseException: "You attempted to
// recreate an existing table"). TableInUseException ("being created or
// deleted") and BackupInUseException do not qualify.
func alreadyExists(e *smithy.Shape) bool {
	n := e.ID.Name()
	if strings.Contains(n, "AlreadyExist") || strings.Contains(n, "AlreadyOwnedByYou") {
		return true
	}
	if !strings.HasPrefix(n, "ResourceInUse") && !strings.Contains(n, "Conflict") {
		return false
	}
	doc := strings.ToLower(e.Traits.Documentation)
	return (strings.Contains(doc, "already exist") || strings.Contains(doc, "existing")) &&
		!strings.Contains(doc, "not exist")
}

func notFound(e *smithy.Shape) bool {
	n := e.ID.Name()
	return e.Traits.HTTPError == 404 || strings.Contains(n, "NotFound") || strings.HasPrefix(n, "NoSuch") ||
		strings.Contains(n, "NonExistent") || strings.Contains(n, "DoesNotExist")
}

// errorCode is the code AWS returns for an error shape: its awsQueryError
// code when it has one, else its name.
func errorCode(e *smithy.Shape) string {
	if raw, ok := e.Traits.Raw["aws.protocols#awsQueryError"]; ok {
		var v struct{ Code string }
		if json.Unmarshal(raw, &v) == nil && v.Code != "" {
			return v.Code
		}
	}
	return e.ID.Name()
}

// errorCodes lists the codes of every error shape of the model.
func (st *state) errorCodes() []string {
	var codes []string
	for _, s := range st.m.Shapes {
		if s.Traits.Error != "" {
			codes = append(codes, errorCode(s))
			if code := s.ID.Name(); code != errorCode(s) {
				codes = append(codes, code)
			}
		}
	}
	slices.Sort(codes)
	return codes
}

// checkCode reports a configured error code that is probably a typo.
func (st *state) checkCode(code string, codes []string, at config.Key) {
	if _, found := slices.BinarySearch(codes, code); found {
		return
	}
	if hint := config.DidYouMean(code, codes); hint != "" {
		st.errorf(at, "error code %q is not in the model%s", code, hint)
	}
}
