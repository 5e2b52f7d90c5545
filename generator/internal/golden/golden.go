// Package golden owns the -update flag of the generator's golden tests.
// Every generator test package links it, so that one command refreshes
// every golden file: go test ./generator/... -update.
package golden

import "flag"

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// Update reports whether this run rewrites golden files instead of
// comparing with them.
func Update() bool { return *update }
