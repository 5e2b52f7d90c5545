package harness

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

const testRegion = "us-east-1"

func dynamoClient(cfg aws.Config) *dynamodb.Client {
	return dynamodb.NewFromConfig(cfg)
}

func createTable(ctx context.Context, db *dynamodb.Client, name string) error {
	_, err := db.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String(name),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		BillingMode:          types.BillingModePayPerRequest,
	})
	return err
}

func TestMotoRecordsDynamoDBCalls(t *testing.T) {
	ctx := t.Context()
	db := dynamoClient(moto.AWSConfig(testRegion))
	moto.Reset(t) // so that -count=N can run it again
	moto.StartRecording(t)

	if err := createTable(ctx, db, "recorded"); err != nil {
		t.Fatal(err)
	}
	out, err := db.ListTables(ctx, &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(out.TableNames, "recorded") {
		t.Fatalf("ListTables = %v, want it to hold %q", out.TableNames, "recorded")
	}

	calls := moto.Recording(t)
	var ops []string
	for _, c := range calls {
		ops = append(ops, c.Operation())
	}
	// The recorder also records the SDK's retries, which a loaded machine
	// sometimes needs; the order of distinct calls is what is checked.
	if want := []string{"CreateTable", "ListTables"}; !slices.Equal(slices.Compact(ops), want) {
		t.Fatalf("recorded %v, want %v", ops, want)
	}
	if got := calls[0].Headers.Get("Authorization"); got == "" {
		t.Error("recorded CreateTable has no Authorization header")
	}
	if got := string(calls[0].Body); !strings.Contains(got, `"TableName":"recorded"`) {
		t.Errorf("recorded CreateTable body %s lacks the table name", got)
	}

	moto.StopRecording(t)
	if _, err := db.ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
		t.Fatal(err)
	}
	if n := len(moto.Recording(t)); n != len(calls) {
		t.Errorf("after StopRecording, %d calls recorded, want still %d", n, len(calls))
	}
}

func TestMotoReset(t *testing.T) {
	ctx := t.Context()
	db := dynamoClient(moto.AWSConfig(testRegion))
	if err := createTable(ctx, db, "doomed"); err != nil {
		t.Fatal(err)
	}
	moto.Reset(t)
	out, err := db.ListTables(ctx, &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.TableNames) != 0 {
		t.Fatalf("after reset ListTables = %v, want none", out.TableNames)
	}
}

// TestStartMoto times a second, per-test server and checks it is separate.
func TestStartMoto(t *testing.T) {
	start := time.Now()
	own := StartMoto(t)
	t.Logf("StartMoto took %s", time.Since(start))
	if own.Endpoint() == moto.Endpoint() {
		t.Fatalf("two servers share %s", own.Endpoint())
	}
	db := dynamoClient(own.AWSConfig("eu-west-1"))
	if err := createTable(t.Context(), db, "own"); err != nil {
		t.Fatal(err)
	}
	if err := own.Stop(); err != nil {
		t.Logf("stop: %v", err) // SIGTERM shows as an exit error
	}
	_, err := db.ListTables(t.Context(), &dynamodb.ListTablesInput{})
	if err == nil {
		t.Fatal("ListTables against a stopped moto succeeded")
	}
}

// TestFreezeMoto checks that a frozen moto takes connections and never
// answers, and that a thawed one answers with its state intact.
func TestFreezeMoto(t *testing.T) {
	own := StartMoto(t)
	db := dynamoClient(own.AWSConfig(testRegion))
	if err := createTable(t.Context(), db, "kept"); err != nil {
		t.Fatal(err)
	}
	own.Freeze(t)
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	if _, err := db.ListTables(ctx, &dynamodb.ListTablesInput{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a call to a frozen moto ended with %v, want it to wait until the caller's deadline", err)
	}
	own.Thaw(t)
	out, err := db.ListTables(t.Context(), &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(out.TableNames, "kept") {
		t.Errorf("after thawing, ListTables = %v, want the table made before", out.TableNames)
	}
}
