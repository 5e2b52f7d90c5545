package pipeline

func emitController(s *State) error {
	f, err := s.Gen.Controller()
	s.Files = append(s.Files, f)
	return err
}
