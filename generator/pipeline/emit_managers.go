package pipeline

func emitManagers(s *State) error {
	for _, r := range s.Model.Resources {
		s.Kind = r.Kind
		files, err := s.Gen.Manager(r)
		if err != nil {
			return err
		}
		s.Files = append(s.Files, files...)
	}
	return nil
}
