// Package awsclient builds aws-sdk-go-v2 configurations for the regions
// the controller's resources live in.
package awsclient

import (
	"context"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
)

// Factory hands out one aws.Config per region, loaded once from the SDK's
// default credential chain (environment, IRSA web identity, Pod Identity,
// shared config).
type Factory struct {
	// Endpoint overrides every service endpoint, for example an emulator.
	Endpoint string

	mu      sync.Mutex
	configs map[string]aws.Config
}

// Config returns the configuration for region.
func (f *Factory) Config(ctx context.Context, region string) (aws.Config, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if cfg, ok := f.configs[region]; ok {
		return cfg, nil
	}
	// The buildable client is the only one the SDK can add AWS_CA_BUNDLE's
	// roots to; a wrapped client makes every call fail when it is set.
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion(region),
		config.WithHTTPClient(awshttp.NewBuildableClient()),
	)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration for region %s: %w", region, err)
	}
	if f.Endpoint != "" {
		cfg.BaseEndpoint = aws.String(f.Endpoint)
	}
	if f.configs == nil {
		f.configs = map[string]aws.Config{}
	}
	f.configs[region] = cfg
	return cfg, nil
}
