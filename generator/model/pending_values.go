package model

// PendingValues is the read output's structure of values AWS has accepted
// but not yet applied (RDS's PendingModifiedValues, filled while a change
// waits for the maintenance window or is being made).
type PendingValues struct {
	// Member is the read output member holding the structure; Shape is
	// the structure's shape.
	Member string
	Shape  string
	// Fields pair a spec field with the member of Shape that holds its
	// pending value.
	Fields []PendingValue
	// EmulatorGap says how the end-to-end tests' emulator fails them.
	EmulatorGap string
}

// PendingValue is one spec field whose value may be pending.
type PendingValue struct {
	Field  *Field
	Member string
}

// CreateVariant is an operation that makes the resource instead of the
// create while the spec sets When (RDS's RestoreDBInstanceFromDBSnapshot
// while dbSnapshotIdentifier is set).
type CreateVariant struct {
	Operation *Operation
	When      *Field
}
