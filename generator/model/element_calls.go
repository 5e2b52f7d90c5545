package model

// ElementCalls changes a list of strings, which the create takes and the
// read returns, one element per call: an OIDC provider's ClientIDList,
// by AddClientIDToOpenIDConnectProvider and
// RemoveClientIDFromOpenIDConnectProvider.
type ElementCalls struct {
	Add, Remove *Operation
	// Member is the input member of both taking the element.
	Member string
}
