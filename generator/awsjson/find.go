package awsjson

import (
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// ModelsDir locates botocore's data folder: $AWS_JSON_MODELS_DIR, else a
// shared/botocore-models folder in start or one of its parents, where this
// project's checkouts keep it. ok is false when there is none.
func ModelsDir(start string) (dir string, ok bool) {
	if dir := os.Getenv("AWS_JSON_MODELS_DIR"); dir != "" {
		return dir, true
	}
	start, err := filepath.Abs(start)
	if err != nil {
		return "", false
	}
	for d := start; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "shared", "botocore-models")
		if info, err := os.Stat(candidate); err == nil && info.IsDir() {
			return candidate, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// FindModels lists the models under dir, laid out as
// <name>/<api-version>/service-2.json[.gz]: one per service, its latest
// version. SDKID is named as the Smithy model folders are, from the
// service ID in lower case with hyphens for spaces ("cloudwatch-logs" for
// the folder "logs"), so that one name finds a service in both formats.
func FindModels(dir string) ([]smithy.ModelFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var models []smithy.ModelFile
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		path, version, ok := latest(filepath.Join(dir, e.Name()))
		if !ok {
			continue
		}
		id, err := serviceID(path)
		if err != nil {
			return nil, err
		}
		mf := smithy.ModelFile{SDKID: FolderName(id), Version: version, Path: path}
		// botocore keeps some services under two folders, as sms-voice
		// and pinpoint-sms-voice; the one named as the service wins.
		if i := slices.IndexFunc(models, func(m smithy.ModelFile) bool { return m.SDKID == mf.SDKID }); i >= 0 {
			if e.Name() == mf.SDKID {
				models[i] = mf
			}
			continue
		}
		models = append(models, mf)
	}
	if len(models) == 0 {
		return nil, fmt.Errorf("no models under %s (want <service>/<api-version>/service-2.json[.gz])", dir)
	}
	slices.SortFunc(models, func(a, b smithy.ModelFile) int { return cmp.Compare(a.SDKID, b.SDKID) })
	return models, nil
}

// FolderName is the name the Smithy models' folder of a service has.
func FolderName(serviceID string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(serviceID)), " ", "-")
}

// FindModel finds the model of one service by the name of its Smithy
// model folder (FolderName); ok is false when dir has none.
func FindModel(dir, name string) (mf smithy.ModelFile, ok bool, err error) {
	models, err := FindModels(dir)
	if err != nil {
		return mf, false, err
	}
	want := FolderName(name)
	for _, mf := range models {
		if mf.SDKID == want {
			return mf, true, nil
		}
	}
	return mf, false, nil
}

// latest finds the service file of a service folder's latest API version;
// versions are dates, so they sort as strings.
func latest(dir string) (path, version string, ok bool) {
	versions, err := os.ReadDir(dir)
	if err != nil {
		return "", "", false
	}
	for _, v := range slices.Backward(versions) {
		for _, name := range []string{"service-2.json.gz", "service-2.json"} {
			p := filepath.Join(dir, v.Name(), name)
			if _, err := os.Stat(p); err == nil {
				return p, v.Name(), true
			}
		}
	}
	return "", "", false
}

// serviceID reads metadata.serviceId, which comes first in the file, without
// reading the rest.
func serviceID(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
	}
	d := json.NewDecoder(r)
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return "", fmt.Errorf("%s: not a JSON object", path)
	}
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		if key != "metadata" {
			var skip json.RawMessage
			if err := d.Decode(&skip); err != nil {
				return "", fmt.Errorf("%s: %w", path, err)
			}
			continue
		}
		var md metadata
		if err := d.Decode(&md); err != nil {
			return "", fmt.Errorf("%s: metadata: %w", path, err)
		}
		if md.ServiceID == "" {
			break
		}
		return md.ServiceID, nil
	}
	return "", fmt.Errorf("%s: metadata has no serviceId", path)
}
