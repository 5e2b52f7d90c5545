package model

// ImpliedFlag is the value a boolean delete flag takes while another
// flag's annotation is set and its own is not (RDS's SkipFinalSnapshot
// false while the object names a final snapshot).
type ImpliedFlag struct {
	Member     string
	GoName     string
	Annotation string
	Value      bool
}
