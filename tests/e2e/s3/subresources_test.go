package s3

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// subResourceCase is one bucket configuration: how the spec sets it in
// two versions, how S3 shows it, and how it is changed behind the
// controller's back.
type subResourceCase struct {
	name string
	// set writes version v (1 or 2) into the spec; v 0 removes it.
	set func(s *v1alpha1.BucketSpec, v int)
	// read shows what S3 has, "" when nothing.
	read func(ctx context.Context, c *s3.Client, bucket string) (string, error)
	// want is what read shows for version v.
	want func(v int) string
	// outOfBand changes S3 to something neither version has.
	outOfBand func(ctx context.Context, c *s3.Client, bucket string) error
	// deleteOp is the call that removes it; "" when S3 has none and
	// removing it from the spec leaves S3 as it is.
	deleteOp string
	// base sets what the configuration needs besides itself, in the spec
	// (versioning for replication); prepare makes what it needs in S3.
	base    func(s *v1alpha1.BucketSpec)
	prepare func(ctx context.Context, c *s3.Client, bucket string) error
}

// notFound is "" for the error codes S3 answers on an unset configuration.
func notFound(out string, err error) (string, error) {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "NoSuchCORSConfiguration", "NoSuchLifecycleConfiguration", "OwnershipControlsNotFoundError",
			"NoSuchBucketPolicy", "NoSuchPublicAccessBlockConfiguration", "NoSuchWebsiteConfiguration",
			"ServerSideEncryptionConfigurationNotFoundError":
			return "", nil
		}
	}
	return out, err
}

func policyFor(bucket, action string) string {
	return fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Sid":"s","Effect":"Allow","Principal":"*","Action":%q,"Resource":"arn:aws:s3:::%s/*"}]}`, action, bucket)
}

var actions = []string{"", "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl"}

func subResourceCases(bucket string) []subResourceCase {
	return []subResourceCase{
		{
			name: "cors",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.CORS = nil
				if v > 0 {
					s.CORS = &v1alpha1.CORSConfiguration{CORSRules: []v1alpha1.CORSRule{{
						AllowedMethods: []string{"GET"}, AllowedOrigins: []string{fmt.Sprintf("https://%d.example.com", v)},
					}}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				return fmt.Sprint(out.CORSRules[0].AllowedOrigins), nil
			},
			want: func(v int) string { return fmt.Sprintf("[https://%d.example.com]", v) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketCors(ctx, &s3.PutBucketCorsInput{Bucket: &b, CORSConfiguration: &types.CORSConfiguration{CORSRules: []types.CORSRule{{
					AllowedMethods: []string{"GET"}, AllowedOrigins: []string{"https://9.example.com"},
				}}}})
				return err
			},
			deleteOp: "DELETE ?cors",
		},
		{
			name: "lifecycle",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Lifecycle = nil
				if v > 0 {
					s.Lifecycle = &v1alpha1.BucketLifecycleConfiguration{Rules: []v1alpha1.LifecycleRule{{
						ID: aws.String("expire"), Status: aws.String("Enabled"),
						Filter:     &v1alpha1.LifecycleRuleFilter{Prefix: aws.String("logs/")},
						Expiration: &v1alpha1.LifecycleExpiration{Days: aws.Int64(int64(v * 10))},
					}}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				return fmt.Sprint(aws.ToInt32(out.Rules[0].Expiration.Days)), nil
			},
			want: func(v int) string { return fmt.Sprint(v * 10) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: &b, LifecycleConfiguration: &types.BucketLifecycleConfiguration{Rules: []types.LifecycleRule{{
					ID: aws.String("expire"), Status: types.ExpirationStatusEnabled,
					Filter:     &types.LifecycleRuleFilter{Prefix: aws.String("logs/")},
					Expiration: &types.LifecycleExpiration{Days: aws.Int32(99)},
				}}}})
				return err
			},
			deleteOp: "DELETE ?lifecycle",
		},
		{
			name: "ownershipControls",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.OwnershipControls = nil
				if v > 0 {
					s.OwnershipControls = &v1alpha1.OwnershipControls{Rules: []v1alpha1.OwnershipControlsRule{{ObjectOwnership: aws.String([]string{"", "BucketOwnerEnforced", "ObjectWriter"}[v])}}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				return string(out.OwnershipControls.Rules[0].ObjectOwnership), nil
			},
			want: func(v int) string { return []string{"", "BucketOwnerEnforced", "ObjectWriter"}[v] },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: &b, OwnershipControls: &types.OwnershipControls{Rules: []types.OwnershipControlsRule{{ObjectOwnership: types.ObjectOwnershipBucketOwnerPreferred}}}})
				return err
			},
			// AWS reports a default on every new bucket: removing it from
			// the spec is no opinion, so nothing is deleted.
		},
		{
			name: "policy",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Policy = nil
				if v > 0 {
					s.Policy = aws.String(policyFor(bucket, actions[v]))
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				var doc struct{ Statement []struct{ Action string } }
				if err := json.Unmarshal([]byte(aws.ToString(out.Policy)), &doc); err != nil {
					return "", err
				}
				return doc.Statement[0].Action, nil
			},
			want: func(v int) string { return actions[v] },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: &b, Policy: aws.String(policyFor(b, actions[3]))})
				return err
			},
			deleteOp: "DELETE ?policy",
		},
		{
			name: "publicAccessBlock",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.PublicAccessBlock = nil
				if v > 0 {
					s.PublicAccessBlock = &v1alpha1.PublicAccessBlockConfiguration{BlockPublicACLs: aws.Bool(v == 1), BlockPublicPolicy: aws.Bool(true)}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				p := out.PublicAccessBlockConfiguration
				return fmt.Sprintf("acls=%t policy=%t", aws.ToBool(p.BlockPublicAcls), aws.ToBool(p.BlockPublicPolicy)), nil
			},
			want: func(v int) string { return fmt.Sprintf("acls=%t policy=true", v == 1) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: &b, PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true), BlockPublicPolicy: aws.Bool(false)}})
				return err
			},
			// AWS reports a default on every new bucket: removing it from
			// the spec is no opinion, so nothing is deleted.
		},
		{
			name: "website",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Website = nil
				if v > 0 {
					s.Website = &v1alpha1.WebsiteConfiguration{
						IndexDocument: &v1alpha1.IndexDocument{Suffix: aws.String(fmt.Sprintf("index%d.html", v))},
						ErrorDocument: &v1alpha1.ErrorDocument{Key: aws.String("error.html")},
					}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				return aws.ToString(out.IndexDocument.Suffix) + " " + aws.ToString(out.ErrorDocument.Key), nil
			},
			want: func(v int) string { return fmt.Sprintf("index%d.html error.html", v) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: &b, WebsiteConfiguration: &types.WebsiteConfiguration{
					IndexDocument: &types.IndexDocument{Suffix: aws.String("other.html")}, ErrorDocument: &types.ErrorDocument{Key: aws.String("error.html")},
				}})
				return err
			},
			deleteOp: "DELETE ?website",
		},
		{
			name: "encryption",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Encryption = nil
				if v > 0 {
					s.Encryption = &v1alpha1.ServerSideEncryptionConfiguration{Rules: []v1alpha1.ServerSideEncryptionRule{{
						ApplyServerSideEncryptionByDefault: &v1alpha1.ServerSideEncryptionByDefault{SSEAlgorithm: aws.String([]string{"", "AES256", "aws:kms"}[v])},
					}}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: &b})
				if err != nil {
					return notFound("", err)
				}
				return string(out.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm), nil
			},
			want: func(v int) string { return []string{"", "AES256", "aws:kms"}[v] },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: &b, ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{
					ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAwsKmsDsse},
				}}}})
				return err
			},
			// AWS reports a default when none is put: removing it from
			// the spec is no opinion, so nothing is deleted.
		},
		{
			name: "notification",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Notification = nil
				if v > 0 {
					s.Notification = &v1alpha1.NotificationConfiguration{QueueConfigurations: []v1alpha1.QueueConfiguration{{
						ID: aws.String("q"), QueueARN: aws.String(fmt.Sprintf("arn:aws:sqs:us-east-1:123456789012:queue-%d", v)), Events: []string{"s3:ObjectCreated:*"},
					}}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketNotificationConfiguration(ctx, &s3.GetBucketNotificationConfigurationInput{Bucket: &b})
				if err != nil || len(out.QueueConfigurations) == 0 {
					return "", err
				}
				return aws.ToString(out.QueueConfigurations[0].QueueArn), nil
			},
			want: func(v int) string { return fmt.Sprintf("arn:aws:sqs:us-east-1:123456789012:queue-%d", v) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: &b, NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
					Id: aws.String("q"), QueueArn: aws.String("arn:aws:sqs:us-east-1:123456789012:queue-9"), Events: []types.Event{"s3:ObjectCreated:*"},
				}}}})
				return err
			},
		},
		{
			name: "logging",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Logging = nil
				if v > 0 {
					s.Logging = &v1alpha1.BucketLoggingStatus{LoggingEnabled: &v1alpha1.LoggingEnabled{TargetBucket: aws.String(bucket + "-logs"), TargetPrefix: aws.String(fmt.Sprintf("logs%d/", v))}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: &b})
				if err != nil || out.LoggingEnabled == nil {
					return "", err
				}
				return aws.ToString(out.LoggingEnabled.TargetPrefix), nil
			},
			want: func(v int) string { return fmt.Sprintf("logs%d/", v) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: &b, BucketLoggingStatus: &types.BucketLoggingStatus{LoggingEnabled: &types.LoggingEnabled{TargetBucket: aws.String(b + "-logs"), TargetPrefix: aws.String("other/")}}})
				return err
			},
			// S3 takes logs only where the log delivery group may write.
			prepare: func(ctx context.Context, c *s3.Client, b string) error {
				target := aws.String(b + "-logs")
				if _, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: target}); err != nil {
					return err
				}
				logDelivery := aws.String(`uri="http://acs.amazonaws.com/groups/s3/LogDelivery"`)
				_, err := c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: target, GrantWrite: logDelivery, GrantReadACP: logDelivery})
				return err
			},
		},
		{
			name: "replication",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Replication = nil
				if v > 0 {
					s.Replication = &v1alpha1.ReplicationConfiguration{Role: aws.String("arn:aws:iam::123456789012:role/replication"), Rules: []v1alpha1.ReplicationRule{{
						// moto 5.2.1 reads a filter's prefix back empty: the
						// priority is what changes.
						ID: aws.String("all"), Status: aws.String("Enabled"), Priority: aws.Int64(int64(v)),
						Filter:                  &v1alpha1.ReplicationRuleFilter{},
						DeleteMarkerReplication: &v1alpha1.DeleteMarkerReplication{Status: aws.String("Disabled")},
						Destination:             &v1alpha1.Destination{Bucket: aws.String("arn:aws:s3:::" + bucket + "-replica")},
					}}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: &b})
				if err != nil {
					var ae smithy.APIError
					if errors.As(err, &ae) && ae.ErrorCode() == "ReplicationConfigurationNotFoundError" {
						return "", nil
					}
					return "", err
				}
				return fmt.Sprint(aws.ToInt32(out.ReplicationConfiguration.Rules[0].Priority)), nil
			},
			want: func(v int) string { return fmt.Sprint(v) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketReplication(ctx, &s3.PutBucketReplicationInput{Bucket: &b, ReplicationConfiguration: &types.ReplicationConfiguration{Role: aws.String("arn:aws:iam::123456789012:role/replication"), Rules: []types.ReplicationRule{{
					ID: aws.String("all"), Status: types.ReplicationRuleStatusEnabled, Priority: aws.Int32(9),
					Filter:                  &types.ReplicationRuleFilter{},
					DeleteMarkerReplication: &types.DeleteMarkerReplication{Status: types.DeleteMarkerReplicationStatusDisabled},
					Destination:             &types.Destination{Bucket: aws.String("arn:aws:s3:::" + b + "-replica")},
				}}}})
				return err
			},
			deleteOp: "DELETE ?replication",
			base: func(s *v1alpha1.BucketSpec) {
				s.Versioning = &v1alpha1.VersioningConfiguration{Status: aws.String("Enabled")}
			},
			prepare: func(ctx context.Context, c *s3.Client, b string) error {
				replica := b + "-replica"
				if _, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &replica}); err != nil {
					return err
				}
				_, err := c.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: &replica, VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusEnabled}})
				return err
			},
		},
		{
			name: "objectLockConfiguration",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.ObjectLockConfiguration = nil
				if v > 0 {
					s.ObjectLockConfiguration = &v1alpha1.ObjectLockConfiguration{ObjectLockEnabled: aws.String("Enabled"), Rule: &v1alpha1.ObjectLockRule{
						DefaultRetention: &v1alpha1.DefaultRetention{Mode: aws.String("GOVERNANCE"), Days: aws.Int64(int64(v))},
					}}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: &b})
				if err != nil || out.ObjectLockConfiguration.Rule == nil {
					return "", err
				}
				return fmt.Sprint(aws.ToInt32(out.ObjectLockConfiguration.Rule.DefaultRetention.Days)), nil
			},
			want: func(v int) string { return fmt.Sprint(v) },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{Bucket: &b, ObjectLockConfiguration: &types.ObjectLockConfiguration{ObjectLockEnabled: types.ObjectLockEnabledEnabled, Rule: &types.ObjectLockRule{
					DefaultRetention: &types.DefaultRetention{Mode: types.ObjectLockRetentionModeGovernance, Days: aws.Int32(9)},
				}}})
				return err
			},
			base: func(s *v1alpha1.BucketSpec) { s.ObjectLockEnabledForBucket = aws.Bool(true) },
		},
		{
			name: "accelerate",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Accelerate = nil
				if v > 0 {
					s.Accelerate = &v1alpha1.AccelerateConfiguration{Status: aws.String([]string{"", "Enabled", "Suspended"}[v])}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketAccelerateConfiguration(ctx, &s3.GetBucketAccelerateConfigurationInput{Bucket: &b})
				if err != nil {
					return "", err
				}
				return string(out.Status), nil
			},
			want: func(v int) string { return []string{"", "Enabled", "Suspended"}[v] },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketAccelerateConfiguration(ctx, &s3.PutBucketAccelerateConfigurationInput{Bucket: &b, AccelerateConfiguration: &types.AccelerateConfiguration{Status: types.BucketAccelerateStatusEnabled}})
				return err
			},
		},
		{
			name: "versioning",
			set: func(s *v1alpha1.BucketSpec, v int) {
				s.Versioning = nil
				if v > 0 {
					s.Versioning = &v1alpha1.VersioningConfiguration{Status: aws.String([]string{"", "Enabled", "Suspended"}[v])}
				}
			},
			read: func(ctx context.Context, c *s3.Client, b string) (string, error) {
				out, err := c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: &b})
				if err != nil {
					return "", err
				}
				return string(out.Status), nil
			},
			want: func(v int) string { return []string{"", "Enabled", "Suspended"}[v] },
			outOfBand: func(ctx context.Context, c *s3.Client, b string) error {
				_, err := c.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: &b, VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusEnabled}})
				return err
			},
		},
	}
}

// TestSubResources runs each configuration the emulator implements
// through its life on a bucket of its own: applied, checked in S3,
// changed, changed behind the controller's back and put back, removed
// (its delete called, where S3 has one), deleted with the bucket.
func TestSubResources(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"sub"}})
	for _, c := range subResourceCases("") {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			subResourceLifecycle(t, env{e.For(t)}, c.name)
		})
	}
}

func subResourceLifecycle(t *testing.T, e env, name string) {
	ctx := context.Background()
	b := e.newBucket("sub", strings.ToLower(name), nil)
	bucket := *b.Spec.Name
	var c subResourceCase
	for _, sc := range subResourceCases(bucket) {
		if sc.name == name {
			c = sc
		}
	}
	client := s3Client(region)
	waitS3 := func(what, want string) {
		t.Helper()
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			got, err := c.read(ctx, client, bucket)
			if err != nil {
				return err
			}
			if got != want {
				return fmt.Errorf("%s: %s in S3 is %q, want %q", what, c.name, got, want)
			}
			return nil
		})
	}

	if c.prepare != nil {
		if err := c.prepare(ctx, client, bucket); err != nil {
			t.Fatalf("preparing S3 for %s: %v", c.name, err)
		}
	}
	if c.base != nil {
		c.base(&b.Spec)
	}
	c.set(&b.Spec, 1)
	e.Create(b)
	e.waitReady(b)
	waitS3("applied", c.want(1))

	harness.Edit(e.Env, b, func(b *v1alpha1.Bucket) { c.set(&b.Spec, 2) })
	waitS3("changed", c.want(2))
	e.waitReady(b)

	if err := c.outOfBand(ctx, client, bucket); err != nil {
		t.Fatalf("changing %s behind the controller's back: %v", c.name, err)
	}
	e.RequestCheck(b)
	waitS3("put back", c.want(2))

	if c.deleteOp != "" {
		harness.Edit(e.Env, b, func(b *v1alpha1.Bucket) { c.set(&b.Spec, 0) })
		waitS3("removed", "")
		if n := opsOn(t, bucket)[c.deleteOp]; n == 0 {
			t.Errorf("%s removed from the spec without a %s call: %v", c.name, c.deleteOp, opsOn(t, bucket))
		}
		e.waitReady(b)
	}

	e.Delete(b)
	e.WaitGone(b)
	if bucketExists(t, bucket) {
		t.Errorf("bucket %s still in S3 after its object went", bucket)
	}
}
