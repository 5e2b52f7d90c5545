package pipeline

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// The model formats a service can be read from.
const (
	FormatSmithy  = "smithy"
	FormatAWSJSON = "awsjson"
)

// ModelDirs are the folders of the two model formats; either may be "".
type ModelDirs struct {
	Smithy  string // AWS_MODELS_DIR: <sdk-id>/service/<version>/<sdk-id>-<version>.json
	AWSJSON string // AWS_JSON_MODELS_DIR: <name>/<api-version>/service-2.json[.gz]
}

func loadModel(s *State) error {
	if s.Smithy != nil {
		return nil // given by the caller
	}
	format := ""
	if s.Config != nil {
		format = s.Config.ModelFormat
	}
	mf, got, m, err := LoadModel(ModelDirs{Smithy: s.ModelsDir, AWSJSON: s.AWSJSONModelsDir}, s.Service, format)
	if err != nil {
		return err
	}
	s.ModelFile, s.ModelFormat, s.Smithy = mf, got, m
	return nil
}

// LoadModel reads a service's model in the given format, or, when format
// is "", from the Smithy models where they have the service and from the
// AWS JSON models otherwise. It returns the file and the format it read.
func LoadModel(dirs ModelDirs, service, format string) (smithy.ModelFile, string, *smithy.Model, error) {
	switch format {
	case FormatSmithy, "":
		mf, err := smithy.FindModel(dirs.Smithy, service)
		if err == nil {
			m, err := smithy.Load(mf.Path)
			return mf, FormatSmithy, m, err
		}
		if format != "" || dirs.AWSJSON == "" {
			return mf, "", nil, err
		}
		mf, found, jsonErr := awsjson.FindModel(dirs.AWSJSON, service)
		if jsonErr != nil || !found {
			return mf, "", nil, fmt.Errorf("%w; nor is it under %s", err, dirs.AWSJSON)
		}
		m, err := awsjson.Load(mf.Path)
		return mf, FormatAWSJSON, m, err
	case FormatAWSJSON:
		if dirs.AWSJSON == "" {
			return smithy.ModelFile{}, "", nil, fmt.Errorf("modelFormat is %s, but there are no AWS JSON models: set AWS_JSON_MODELS_DIR to botocore's data folder", format)
		}
		mf, found, err := awsjson.FindModel(dirs.AWSJSON, service)
		if err == nil && !found {
			err = fmt.Errorf("no AWS JSON model for service %q under %s", service, dirs.AWSJSON)
		}
		if err != nil {
			return mf, "", nil, err
		}
		m, err := awsjson.Load(mf.Path)
		if err == nil {
			err = borrowDefaults(dirs, service, m)
		}
		return mf, FormatAWSJSON, m, err
	}
	return smithy.ModelFile{}, "", nil, fmt.Errorf("unknown model format %q (want %s or %s)", format, FormatSmithy, FormatAWSJSON)
}

// borrowDefaults gives a service read from the AWS JSON format, by choice,
// the nullability of the Smithy copy beside it (awsjson.BorrowDefaults),
// so that the generated Go matches the SDK's values and pointers.
func borrowDefaults(dirs ModelDirs, service string, m *smithy.Model) error {
	if dirs.Smithy == "" {
		return nil
	}
	mf, err := smithy.FindModel(dirs.Smithy, service)
	if err != nil {
		return nil // no Smithy copy: EC2's, whose SDK holds pointers
	}
	ref, err := smithy.Load(mf.Path)
	if err != nil {
		return fmt.Errorf("reading %s for its defaults: %w", mf.Path, err)
	}
	awsjson.BorrowDefaults(m, ref)
	return nil
}
