// Package panics describes a recovered panic for an error message.
package panics

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// Site is the file:line of the function that raised the panic being
// recovered, called from the deferred function that recovered it: the
// first frame past the runtime's own below the first panic on the stack,
// since code that adds context to a panic panics again above it.
func Site() string {
	pcs := make([]uintptr, 128)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	site, afterPanic := "", false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			afterPanic, site = true, ""
		case afterPanic && site == "" && !strings.HasPrefix(f.Function, "runtime."):
			site = fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
		}
		if !more {
			return site
		}
	}
}
