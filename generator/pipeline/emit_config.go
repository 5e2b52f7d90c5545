package pipeline

func emitConfig(s *State) error {
	iam, err := s.Gen.IAMPolicy()
	if err != nil {
		return err
	}
	rbac, err := s.Gen.RBAC()
	if err != nil {
		return err
	}
	s.Files = append(append(s.Files, iam), rbac...)
	return nil
}
