package awsjson

import (
	"encoding/json"
	"fmt"
	"strings"
)

// paginators converts paginators-1.json into the @paginated trait of each
// operation. Paginators with more than one token or result key, which
// @paginated cannot say, are left out.
func paginators(data []byte) (map[string]map[string]any, error) {
	if data == nil {
		return nil, nil
	}
	var f struct {
		Pagination map[string]struct {
			InputToken  any    `json:"input_token"`
			OutputToken any    `json:"output_token"`
			LimitKey    string `json:"limit_key"`
			ResultKey   any    `json:"result_key"`
		} `json:"pagination"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	out := map[string]map[string]any{}
	for op, p := range f.Pagination {
		in, inOK := p.InputToken.(string)
		outTok, outOK := p.OutputToken.(string)
		if !inOK || !outOK {
			continue
		}
		pg := map[string]any{"inputToken": in, "outputToken": outTok}
		if items, ok := single(p.ResultKey); ok {
			pg["items"] = items
		}
		if p.LimitKey != "" {
			pg["pageSize"] = p.LimitKey
		}
		out[op] = pg
	}
	return out, nil
}

// single is a string, or the only string of a list.
func single(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []any:
		if len(v) == 1 {
			s, ok := v[0].(string)
			return s, ok
		}
	}
	return "", false
}

// waiter is one waiter of waiters-2.json.
type waiter struct {
	Operation   string     `json:"operation"`
	Delay       int        `json:"delay"`
	Description string     `json:"description"`
	Acceptors   []acceptor `json:"acceptors"`
}

type acceptor struct {
	State    string          `json:"state"`
	Matcher  string          `json:"matcher"`
	Argument string          `json:"argument"`
	Expected json.RawMessage `json:"expected"`
}

// waiters converts waiters-2.json into the smithy.waiters#waitable trait of
// each operation, keyed by operation name.
func waiters(data []byte) (map[string]map[string]any, error) {
	if data == nil {
		return nil, nil
	}
	var f struct {
		Waiters map[string]waiter `json:"waiters"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	out := map[string]map[string]any{}
	for name, w := range f.Waiters {
		var acceptors []map[string]any
		for i, a := range w.Acceptors {
			m, err := a.matcher()
			if err != nil {
				return nil, fmt.Errorf("waiter %s: acceptor %d: %w", name, i, err)
			}
			if m != nil {
				acceptors = append(acceptors, map[string]any{"state": a.State, "matcher": m})
			}
		}
		if len(acceptors) == 0 {
			continue // S3's HeadBucket waiters match HTTP statuses only
		}
		if out[w.Operation] == nil {
			out[w.Operation] = map[string]any{}
		}
		wt := map[string]any{"acceptors": acceptors}
		if w.Delay > 0 {
			wt["minDelay"] = w.Delay
		}
		setString(wt, "documentation", w.Description)
		out[w.Operation][name] = wt
	}
	return out, nil
}

// matcher is the Smithy matcher of an acceptor, or nil for one Smithy
// cannot say (an HTTP status other than 200, any error at all).
func (a acceptor) matcher() (map[string]any, error) {
	var expected any
	if err := json.Unmarshal(a.Expected, &expected); err != nil {
		return nil, fmt.Errorf("expected: %w", err)
	}
	comparators := map[string]string{"path": "stringEquals", "pathAll": "allStringEquals", "pathAny": "anyStringEquals"}
	switch a.Matcher {
	case "path", "pathAll", "pathAny":
		cmp := comparators[a.Matcher]
		if _, ok := expected.(bool); ok {
			cmp = strings.Replace(strings.Replace(cmp, "String", "Boolean", 1), "string", "boolean", 1)
		}
		want, ok := expected.(string)
		if !ok {
			want = string(a.Expected) // true, or a number
		}
		return map[string]any{"output": map[string]any{"path": a.Argument, "expected": want, "comparator": cmp}}, nil
	case "error":
		if code, ok := expected.(string); ok {
			return map[string]any{"errorType": code}, nil
		}
	case "status":
		if expected == float64(200) {
			return map[string]any{"success": true}, nil
		}
	default:
		return nil, fmt.Errorf("unknown matcher %q", a.Matcher)
	}
	return nil, nil
}
