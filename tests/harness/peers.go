package harness

import (
	"fmt"

	"k8s.io/apimachinery/pkg/runtime"
)

// peer is another service's controller in a suite: a package whose tests
// apply kinds of two services (an SNS Subscription of an SQS Queue) runs
// both controllers against the one moto and the one API server.
type peer struct {
	s           *Suite
	addToScheme func(*runtime.Scheme) error
}

// WithPeer adds the generated service's controller to the suite: its CRDs
// go into the same API server, its types into the client's scheme, and its
// binary is built with the suite's. Peer returns it.
func WithPeer(service string, addToScheme func(*runtime.Scheme) error) SuiteOption {
	return func(s *Suite) {
		s.peers = append(s.peers, peer{s: &Suite{Service: service}, addToScheme: addToScheme})
	}
}

// Peer is the suite of a service added with WithPeer, sharing moto and the
// API server: its StartController runs that service's controller under its
// own chart's RBAC.
func (s *Suite) Peer(service string) *Suite {
	for _, p := range s.peers {
		if p.s.Service == service {
			return p.s
		}
	}
	panic(fmt.Sprintf("the %s suite has no peer %s: add it with WithPeer", s.Service, service))
}

// services are the suite's own service and its peers', each with the Suite
// that receives its controller build.
func (s *Suite) services() []peer {
	return append([]peer{{s: s}}, s.peers...)
}

// sharePeers gives each peer the suite's moto and API server.
func (s *Suite) sharePeers() {
	for _, p := range s.peers {
		p.s.Moto, p.s.Kube = s.Moto, s.Kube
	}
}

// StartPeer runs the peer service's controller beside e's, for the same
// test and with the same options: it watches e's namespaces, as the
// ServiceAccount of its own chart's release in e's system namespace.
func (e *Env) StartPeer(service string, o ControllerOptions) *Env {
	e.T.Helper()
	o.nsExist = true
	return e.suite.Peer(service).StartController(e.T, o)
}
