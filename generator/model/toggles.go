package model

// Toggle turns a boolean spec field on with Enable and off with Disable,
// each taking the resource's identifiers only; Get (nil: the resource's
// read) reports it at ObservedPath.
type Toggle struct {
	Enable, Disable, Get *Operation
	ObservedPath         []string
	EmulatorGap          string
}
