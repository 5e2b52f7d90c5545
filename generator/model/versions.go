package model

// Versions sets a spec field holding a document that AWS keeps in
// versions, one of them the default: IAM's PolicyDocument, changed by
// CreatePolicyVersion with SetAsDefault, read by GetPolicyVersion of the
// policy's DefaultVersionId, listed by ListPolicyVersions and removed by
// DeletePolicyVersion.
type Versions struct {
	Create, Get, List, Delete *Operation
	// IDMember is the resource's identifier the four take; VersionMember
	// the member Get and Delete take naming one version (VersionId).
	IDMember, VersionMember string
	// DocumentMember is Create's member taking the document and
	// DefaultMember its boolean that makes the version the default.
	DocumentMember, DefaultMember string
	// ObservedAt is the path in Get's output to the document.
	ObservedAt []string
	// DefaultVersion is the read output member naming the default version.
	DefaultVersion string
	// Listed is List's output member listing the versions; ListedID,
	// ListedDefault and ListedCreated are a listed version's name, whether
	// it is the default, and its creation time.
	Listed, ListedID, ListedDefault, ListedCreated string
	// Max is how many versions AWS keeps at most.
	Max int
}
