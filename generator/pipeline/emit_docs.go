package pipeline

// emitDocs writes the reference docs: a page per kind and the service's
// index of them.
func emitDocs(s *State) error {
	files, err := s.Gen.Docs()
	if err != nil {
		return err
	}
	s.Files = append(s.Files, files...)
	return nil
}
