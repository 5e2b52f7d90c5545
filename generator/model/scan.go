package model

// Scan reads a resource through a list operation that cannot filter by
// its identifiers (KMS's ListAliases): every page is read until the
// element whose Members equal the resource's identifiers is found.
// InputToken and OutputToken page through the list ("" when it has one
// page).
type Scan struct {
	Members                 []string
	InputToken, OutputToken string
}
