package pipeline

func emitTypes(s *State) error {
	files, err := s.Gen.Types()
	s.Files = append(s.Files, files...)
	return err
}
