// Package awsclient builds aws-sdk-go-v2 configurations for the regions
// and accounts the controller's resources live in.
package awsclient

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"golang.org/x/time/rate"
)

// Target is where a resource's AWS calls go: a region, and for a resource
// in another account, the role to assume there.
type Target struct {
	Region string
	// RoleARN is assumed with STS when set; empty uses the controller's
	// own credentials.
	RoleARN string
	// ExternalID is passed to AssumeRole when the role's trust policy
	// asks for one.
	ExternalID string
}

// CallObserver counts AWS API calls; metrics.Metrics implements it.
type CallObserver interface {
	AWSCall(service, operation string, status int, errorCode string)
}

// Options configure a Factory.
type Options struct {
	// Endpoint overrides every service endpoint, for example an emulator.
	Endpoint string
	// QPS and Burst bound the calls per region and service; QPS <= 0
	// means no fixed limit, only the adaptive retry mode's response to
	// throttling.
	QPS   float64
	Burst int
	// Calls counts every call attempt; nil counts nothing.
	Calls CallObserver
	// MaxAttempts is how often the SDK tries one call before the
	// reconciler's own backoff takes over; 0 keeps the SDK default.
	MaxAttempts int
	// CallTimeout bounds one AWS call, all its attempts included, so that
	// an endpoint that accepts a connection and never answers cannot hold
	// a reconcile forever; 0 means no bound.
	CallTimeout time.Duration
}

// Factory hands out one aws.Config per target, built once from the SDK's
// default credential chain (environment, IRSA web identity, Pod Identity,
// shared config).
type Factory struct {
	opts Options
	// load is config.LoadDefaultConfig; tests replace it.
	load func(ctx context.Context, optFns ...func(*config.LoadOptions) error) (aws.Config, error)

	mu       sync.Mutex
	configs  map[cacheKey]aws.Config
	limiters map[string]*rate.Limiter
}

// cacheKey includes the endpoint so that a cached client can never be
// reused against another endpoint.
type cacheKey struct {
	Target
	endpoint string
}

// NewFactory returns a Factory with opts.
func NewFactory(opts Options) *Factory {
	return &Factory{
		opts:     opts,
		load:     config.LoadDefaultConfig,
		configs:  map[cacheKey]aws.Config{},
		limiters: map[string]*rate.Limiter{},
	}
}

// Config returns the configuration for t, building it on first use.
func (f *Factory) Config(ctx context.Context, t Target) (aws.Config, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := cacheKey{Target: t, endpoint: f.opts.Endpoint}
	if cfg, ok := f.configs[key]; ok {
		return cfg, nil
	}
	base, err := f.base(ctx, t.Region)
	if err != nil {
		return aws.Config{}, err
	}
	cfg := base
	if t.RoleARN != "" {
		cfg = base.Copy()
		cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(base), t.RoleARN,
			func(o *stscreds.AssumeRoleOptions) {
				o.RoleSessionName = "kubesmith-controller"
				if t.ExternalID != "" {
					o.ExternalID = aws.String(t.ExternalID)
				}
			}))
	}
	f.configs[key] = cfg
	return cfg, nil
}

// base is the region's configuration with the controller's own
// credentials. The caller holds f.mu.
func (f *Factory) base(ctx context.Context, region string) (aws.Config, error) {
	key := cacheKey{Target: Target{Region: region}, endpoint: f.opts.Endpoint}
	if cfg, ok := f.configs[key]; ok {
		return cfg, nil
	}
	// The buildable client is the only one the SDK can add AWS_CA_BUNDLE's
	// roots to; a wrapped client makes every call fail when it is set.
	cfg, err := f.load(ctx,
		config.WithRegion(region),
		config.WithHTTPClient(awshttp.NewBuildableClient()),
		config.WithRetryer(f.retryer),
	)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration for region %s: %w", region, err)
	}
	if f.opts.Endpoint != "" {
		cfg.BaseEndpoint = aws.String(f.opts.Endpoint)
	}
	cfg.APIOptions = append(cfg.APIOptions, f.addMiddleware)
	f.configs[key] = cfg
	return cfg, nil
}

// retryer is the SDK's adaptive retry mode: unlimited until AWS answers
// with a throttling error, then sending at the rate AWS accepts, and
// back up as throttling stops. A fixed client-side cap (Options.QPS)
// would have to be set low enough for the busiest account's quota and
// would slow every other controller to it.
func (f *Factory) retryer() aws.Retryer {
	return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
		o.StandardOptions = append(o.StandardOptions, func(o *retry.StandardOptions) {
			if f.opts.MaxAttempts > 0 {
				o.MaxAttempts = f.opts.MaxAttempts
			}
			// The retry token bucket runs dry in an outage and then fails
			// calls long after it; the reconciler's backoff bounds retries.
			o.RateLimiter = ratelimit.None
		})
	})
}

// limiter returns the rate limiter of one region and service.
func (f *Factory) limiter(region, service string) *rate.Limiter {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := region + "/" + service
	l, ok := f.limiters[key]
	if !ok {
		l = rate.NewLimiter(rate.Limit(f.opts.QPS), max(f.opts.Burst, 1))
		f.limiters[key] = l
	}
	return l
}

// CallerAccount returns the AWS account that cfg's credentials belong to.
func CallerAccount(ctx context.Context, cfg aws.Config) (string, error) {
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", fmt.Errorf("finding the controller's own AWS account: %w", err)
	}
	return aws.ToString(out.Account), nil
}
