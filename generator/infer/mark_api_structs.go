package infer

// markAPIStructs flags the structures spec and status use, directly or
// through other structures: those become API types.
func markAPIStructs(st *state) error {
	for _, r := range st.svc.Resources {
		for _, s := range usedStructs(st.svc, r) {
			s.InAPI = true
		}
	}
	return nil
}
