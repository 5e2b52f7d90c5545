package pipeline

func emitReadme(s *State) error {
	s.Files = append(s.Files, s.Gen.Readme(s.sampleLinks))
	return nil
}
