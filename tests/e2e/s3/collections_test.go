package s3

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// Keyed collections are lists of configurations S3 keeps apart by Id. Of
// the four a Bucket has, moto 5.2.1 implements only inventory, and that
// without its delete: DELETE ?inventory&id= falls through to DeleteBucket.
// Analytics, metrics and intelligent tiering fall through to CreateBucket
// (PUT) and ListObjects (GET). Removal, paging and the three others are
// covered against a fake S3 in tests/managers/s3.

// inventory is an inventory configuration of the bucket, writing to
// prefix. IncludedObjectVersions is All: moto reports All whatever is put.
func inventory(bucket, id, prefix string) v1alpha1.InventoryConfiguration {
	return v1alpha1.InventoryConfiguration{
		ID: aws.String(id), IsEnabled: aws.Bool(true), IncludedObjectVersions: aws.String("All"),
		Schedule: &v1alpha1.InventorySchedule{Frequency: aws.String("Daily")},
		Destination: &v1alpha1.InventoryDestination{S3BucketDestination: &v1alpha1.InventoryS3BucketDestination{
			Bucket: aws.String("arn:aws:s3:::" + bucket), Format: aws.String("CSV"), Prefix: aws.String(prefix),
		}},
	}
}

// inventoryPrefixes lists the bucket's inventory configurations in S3, as
// the prefix of each by Id.
func inventoryPrefixes(ctx context.Context, bucket string) (map[string]string, error) {
	out, err := s3Client(region).ListBucketInventoryConfigurations(ctx, &s3.ListBucketInventoryConfigurationsInput{Bucket: &bucket})
	if err != nil {
		return nil, err
	}
	got := map[string]string{}
	for _, c := range out.InventoryConfigurationList {
		got[aws.ToString(c.Id)] = aws.ToString(c.Destination.S3BucketDestination.Prefix)
	}
	return got, nil
}

func waitInventory(t *testing.T, bucket, what string, want map[string]string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got, err := inventoryPrefixes(context.Background(), bucket)
		if err != nil {
			return err
		}
		if !maps.Equal(got, want) {
			return fmt.Errorf("%s: inventory in S3 is %v, want %v", what, got, want)
		}
		return nil
	})
}

// TestInventoryCollection: a bucket with two inventory configurations.
// Both reach S3; changing one puts that one only; one changed behind the
// controller's back is put back at the next resync; an unchanged bucket
// then costs one inventory list per resync and no write.
func TestInventoryCollection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := resyncs(t, "inventory")
	b := e.newBucket("inventory", "inv", nil)
	bucket := *b.Spec.Name
	b.Spec.Inventory = []v1alpha1.InventoryConfiguration{inventory(bucket, "daily", "one"), inventory(bucket, "weekly", "two")}
	e.Create(b)
	e.waitReady(b)
	waitInventory(t, bucket, "created", map[string]string{"daily": "one", "weekly": "two"})
	puts := func() int { return opsOn(t, bucket)["PUT ?inventory"] }

	before := puts()
	harness.Edit(e.Env, b, func(b *v1alpha1.Bucket) {
		b.Spec.Inventory[1].Destination.S3BucketDestination.Prefix = aws.String("three")
	})
	waitInventory(t, bucket, "changed", map[string]string{"daily": "one", "weekly": "three"})
	e.waitReady(b)
	if n := puts() - before; n != 1 {
		t.Errorf("changing one entry of two sent %d PUT ?inventory, want 1: %v", n, opsOn(t, bucket))
	}

	before = puts()
	c := inventory(bucket, "daily", "elsewhere")
	if _, err := s3Client(region).PutBucketInventoryConfiguration(ctx, &s3.PutBucketInventoryConfigurationInput{
		Bucket: &bucket, Id: aws.String("daily"), InventoryConfiguration: &types.InventoryConfiguration{
			Id: c.ID, IsEnabled: c.IsEnabled, IncludedObjectVersions: types.InventoryIncludedObjectVersionsAll,
			Schedule: &types.InventorySchedule{Frequency: types.InventoryFrequencyDaily},
			Destination: &types.InventoryDestination{S3BucketDestination: &types.InventoryS3BucketDestination{
				Bucket: c.Destination.S3BucketDestination.Bucket, Format: types.InventoryFormatCsv, Prefix: aws.String("elsewhere"),
			}},
		}}); err != nil {
		t.Fatalf("changing an inventory configuration behind the controller's back: %v", err)
	}
	waitInventory(t, bucket, "put back", map[string]string{"daily": "one", "weekly": "three"})
	if n := puts() - before; n != 2 {
		t.Errorf("%d PUT ?inventory for one entry changed out of band, want 2 (the test's own and the one putting it back): %v", n, opsOn(t, bucket))
	}

	reads, writes, passes := steadyCalls(t, e, b)
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs of an unchanged bucket with two inventory entries: %v", total(writes), passes, writes)
	}
	if n := reads["GET ?inventory"]; n == 0 || float64(n) > passes+1 {
		t.Errorf("%d inventory lists in %v resyncs, want one per resync: %v", n, passes, reads)
	}

	e.Delete(b)
	e.WaitGone(b)
}

// TestCollectionsMotoLacks records which keyed collections the emulator
// cannot show, by putting one entry through the SDK and listing it back:
// moto 5.2.1 answers the put as CreateBucket and the list as ListObjects.
// Such a collection is skipped here, never passed; it fails once moto
// implements it, so that it joins TestInventoryCollection.
func TestCollectionsMotoLacks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	client := s3Client(region)
	bucket := harness.PrefixFor(t) + "-probe"
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &bucket}); err != nil {
		t.Fatal(err)
	}
	id := aws.String("probe")
	probes := []struct {
		name string
		put  func() error
		list func() (int, error)
	}{
		{"analytics", func() error {
			_, err := client.PutBucketAnalyticsConfiguration(ctx, &s3.PutBucketAnalyticsConfigurationInput{Bucket: &bucket, Id: id,
				AnalyticsConfiguration: &types.AnalyticsConfiguration{Id: id, StorageClassAnalysis: &types.StorageClassAnalysis{}}})
			return err
		}, func() (int, error) {
			out, err := client.ListBucketAnalyticsConfigurations(ctx, &s3.ListBucketAnalyticsConfigurationsInput{Bucket: &bucket})
			if err != nil {
				return 0, err
			}
			return len(out.AnalyticsConfigurationList), nil
		}},
		{"metrics", func() error {
			_, err := client.PutBucketMetricsConfiguration(ctx, &s3.PutBucketMetricsConfigurationInput{Bucket: &bucket, Id: id,
				MetricsConfiguration: &types.MetricsConfiguration{Id: id}})
			return err
		}, func() (int, error) {
			out, err := client.ListBucketMetricsConfigurations(ctx, &s3.ListBucketMetricsConfigurationsInput{Bucket: &bucket})
			if err != nil {
				return 0, err
			}
			return len(out.MetricsConfigurationList), nil
		}},
		{"intelligentTiering", func() error {
			_, err := client.PutBucketIntelligentTieringConfiguration(ctx, &s3.PutBucketIntelligentTieringConfigurationInput{Bucket: &bucket, Id: id,
				IntelligentTieringConfiguration: &types.IntelligentTieringConfiguration{Id: id, Status: types.IntelligentTieringStatusEnabled,
					Tierings: []types.Tiering{{AccessTier: types.IntelligentTieringAccessTierArchiveAccess, Days: aws.Int32(90)}}}})
			return err
		}, func() (int, error) {
			out, err := client.ListBucketIntelligentTieringConfigurations(ctx, &s3.ListBucketIntelligentTieringConfigurationsInput{Bucket: &bucket})
			if err != nil {
				return 0, err
			}
			return len(out.IntelligentTieringConfigurationList), nil
		}},
	}
	for _, p := range probes {
		t.Run(p.name, func(t *testing.T) {
			putErr := p.put()
			n, err := p.list()
			if putErr != nil || err != nil || n == 0 {
				t.Skipf("moto does not implement the %s configurations (put: %v, list: %v, %d listed): not tested end to end; see tests/managers/s3", p.name, putErr, err, n)
			}
			t.Errorf("moto now lists the %s configuration put: test it end to end like inventory", p.name)
		})
	}
}
