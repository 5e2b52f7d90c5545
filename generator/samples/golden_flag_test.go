package samples

// Linked so that go test ./generator/... -update is accepted here too.
import _ "github.com/kubesmith/kubesmith/generator/internal/golden"
