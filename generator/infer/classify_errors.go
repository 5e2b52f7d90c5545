package infer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// classifyErrors sorts the errors of each kind's operations (and the
// service's common errors) into Terminal, which only a spec change fixes,
// and Recoverable, which a retry with backoff may get past:
//
//   - Recoverable: @retryable, @error("server"), an @httpError of 408, 421,
//     429 or 5xx, a code the SDK's retryer retries or treats as
//     throttling (LimitExceededException is a client error that is
//     throttling), and client errors whose name speaks of a passing
//     state or of something outside the spec (…InUse…, …InProgress…,
//     …Conflict…, …Unavailable…, …State…, AccessDenied…).
//   - Terminal: every other @error("client").
//   - Neither: not-found and already-exists codes, which the runtime
//     reads in context (a create that finds the name taken is Terminal,
//     a read that finds nothing is not an error).
//
// generator.yaml's terminalCodes and recoverableCodes override the
// model. Codes in no list are decided at run time: the SDK's retryer and
// a shared list of validation codes; any other is Recoverable, since a
// wrong Terminal waits for the resync period while a wrong Recoverable
// costs one call per backoff.
func classifyErrors(st *state) error {
	codes := st.errorCodes()
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for i, c := range w.rc.RecoverableCodes {
			st.checkCode(c, codes, w.at.At("recoverableCodes", strconv.Itoa(i)))
			if slices.Contains(w.rc.TerminalCodes, c) {
				st.errorf(w.at.At("recoverableCodes", strconv.Itoa(i)), "error code %q is in both terminalCodes and recoverableCodes", c)
			}
		}
		for i, c := range w.rc.TerminalCodes {
			st.checkCode(c, codes, w.at.At("terminalCodes", strconv.Itoa(i)))
		}
		st.classifyKindErrors(w)
	}
	return nil
}

func (st *state) classifyKindErrors(w *work) {
	r := w.r
	terminal, recoverable := slices.Clone(w.rc.TerminalCodes), slices.Clone(w.rc.RecoverableCodes)
	for _, e := range st.kindErrors(r) {
		code := errorCode(e)
		if slices.Contains(terminal, code) || slices.Contains(recoverable, code) {
			continue // configured
		}
		switch errorClass(e) {
		case classTerminal:
			terminal = append(terminal, code)
		case classRecoverable:
			recoverable = append(recoverable, code)
		}
	}
	slices.Sort(terminal)
	slices.Sort(recoverable)
	r.TerminalCodes, r.RecoverableCodes = terminal, recoverable
	if len(terminal) > 0 {
		w.decide("terminal codes", strings.Join(terminal, ", "), "client errors of the kind's operations that a retry cannot fix, and terminalCodes in generator.yaml")
	}
	if len(recoverable) > 0 {
		w.decide("recoverable codes", strings.Join(recoverable, ", "), "retryable, throttling, server and passing-state errors of the kind's operations, and recoverableCodes in generator.yaml")
	}
}

// kindErrors are the error shapes of every operation the kind's manager
// calls, and the service's common errors, each once.
func (st *state) kindErrors(r *model.Resource) []*smithy.Shape {
	ops := []*model.Operation{r.Create, r.Read, r.Update, r.Delete}
	for _, sr := range r.SubResources {
		ops = append(ops, sr.Put, sr.Get, sr.Delete)
	}
	if r.Tags != nil && r.Tags.API != nil {
		ops = append(ops, r.Tags.API.Tag, r.Tags.API.Untag, r.Tags.API.List)
	}
	ids := slices.Clone(st.service.Errors)
	for _, op := range ops {
		if op == nil {
			continue
		}
		if s, ok := st.ops[op.Name]; ok {
			ids = append(ids, s.Errors...)
		}
	}
	var out []*smithy.Shape
	for _, id := range ids {
		if e, ok := st.m.Shape(id); ok && e.Traits.Error != "" && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

type errClass int

const (
	classUndecided errClass = iota
	classTerminal
	classRecoverable
)

// passingNames mark client errors that a retry may get past, or whose fix
// lies outside the spec (permissions, quotas), so that retrying picks the
// fix up without a spec change.
var passingNames = []string{
	"InUse", "InProgress", "Conflict", "Concurrent", "Unavailable", "State", "Busy", "Pending",
	"Throttl", "TooMany", "LimitExceeded", "Timeout", "AccessDenied", "Unauthorized", "Forbidden",
}

// errorClass applies the rule of classifyErrors to one error shape.
func errorClass(e *smithy.Shape) errClass {
	code, name := errorCode(e), e.ID.Name()
	_, throttle := retry.DefaultThrottleErrorCodes[code]
	_, retryable := retry.DefaultRetryableErrorCodes[code]
	status := e.Traits.HTTPError
	switch {
	case notFound(e) || alreadyExists(e):
		return classUndecided
	case e.Traits.Has("smithy.api#retryable") || e.Traits.Error == "server" || throttle || retryable,
		status == 408 || status == 421 || status == 429 || status >= 500:
		return classRecoverable
	case slices.ContainsFunc(passingNames, func(p string) bool { return strings.Contains(name, p) || strings.Contains(code, p) }):
		return classRecoverable
	case e.Traits.Error == "client":
		return classTerminal
	}
	return classUndecided
}
