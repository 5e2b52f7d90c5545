package model

// Statements reads a keyed collection from a JSON policy document, as
// Lambda's GetPolicy returns a function's permissions: each statement is
// an entry (the put input's members, as EntryInPut), named by its Sid,
// which is the member EntryKeys holds.
type Statements struct {
	// Document is the member of the get output holding the document.
	Document string
	// Members are the entry members read from a statement: each from the
	// statement element of its name, else from the condition key whose
	// name after its prefix is the member's.
	Members []string
	// Unread are the entry members no statement holds, taken as the spec
	// has them.
	Unread []string
}
