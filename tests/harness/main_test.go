package harness

import (
	"os"
	"testing"
)

// moto is this package's shared server, as an e2e package would have it.
var moto *Moto

func TestMain(m *testing.M) {
	os.Exit(RunWithMoto(m, func(mo *Moto) { moto = mo }))
}
