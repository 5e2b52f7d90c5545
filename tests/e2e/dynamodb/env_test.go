package dynamodb

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-west-2"

// wait bounds every wait for the controller.
const wait = harness.Wait

// env is one running controller, watching the namespaces of one test.
type env struct{ *harness.Env }

type controllerOptions = harness.ControllerOptions

// startController runs the controller for this test (harness.Suite's
// StartController); the region defaults to region.
func startController(t *testing.T, o controllerOptions) *env {
	t.Helper()
	if o.Region == "" {
		o.Region = region
	}
	return &env{suite.StartController(t, o)}
}

// table is a unique DynamoDB table name for this test.
func (e *env) table(name string) string { return e.Unique(name) }

// newTable is a provisioned table in the test's namespace ns, called name
// in Kubernetes and e.table(name) in DynamoDB.
func (e *env) newTable(ns, name string, annotations map[string]string) *v1alpha1.Table {
	return &v1alpha1.Table{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns), Annotations: annotations},
		Spec: v1alpha1.TableSpec{
			TableName:            aws.String(e.table(name)),
			AttributeDefinitions: []v1alpha1.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: aws.String("S")}},
			KeySchema:            []v1alpha1.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: aws.String("HASH")}},
			BillingMode:          aws.String("PROVISIONED"),
			ProvisionedThroughput: &v1alpha1.ProvisionedThroughput{
				ReadCapacityUnits:  aws.Int64(5),
				WriteCapacityUnits: aws.Int64(5),
			},
		},
	}
}

// waitFor polls the table until cond accepts it; cond explains a refusal.
func (e *env) waitFor(tbl *v1alpha1.Table, what string, cond func(*v1alpha1.Table) error) *v1alpha1.Table {
	e.T.Helper()
	return harness.WaitFor(e.Env, tbl, what, cond)
}

// waitReady waits for Ready=True at the current generation.
func (e *env) waitReady(tbl *v1alpha1.Table) *v1alpha1.Table {
	e.T.Helper()
	return harness.WaitReady(e.Env, tbl)
}

func conditionIs(typ string, status metav1.ConditionStatus) func(*v1alpha1.Table) error {
	return harness.ConditionIs[*v1alpha1.Table](typ, status)
}

// writes counts calls that are not reads (Describe, List, Get).
func writes(m harness.Metrics) float64 {
	total := 0.0
	m.Each("kubesmith_aws_api_calls_total", func(labels map[string]string, v float64) {
		if !isRead(labels["operation"]) {
			total += v
		}
	})
	return total
}

func reads(m harness.Metrics) float64 {
	total := 0.0
	m.Each("kubesmith_aws_api_calls_total", func(labels map[string]string, v float64) {
		if isRead(labels["operation"]) {
			total += v
		}
	})
	return total
}

func isRead(op string) bool {
	for _, p := range []string{"Describe", "List", "Get"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	return false
}

// ddb is an SDK client for moto in a region, acting as account (empty for
// moto's default account).
func ddb(regionName, account string) *dynamodb.Client {
	cfg := suite.Moto.AWSConfig(regionName)
	if account != "" {
		cfg.APIOptions = append(cfg.APIOptions, func(s *middleware.Stack) error {
			return s.Build.Add(middleware.BuildMiddlewareFunc("motoAccount", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
				if req, ok := in.Request.(*smithyhttp.Request); ok {
					req.Header.Set("x-moto-account-id", account)
				}
				return next.HandleBuild(ctx, in)
			}), middleware.After)
		})
	}
	return dynamodb.NewFromConfig(cfg)
}

// tableNames lists the tables in a region of an account.
func tableNames(t *testing.T, regionName, account string) []string {
	t.Helper()
	out, err := ddb(regionName, account).ListTables(context.Background(), &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatalf("ListTables in %s: %v", regionName, err)
	}
	return out.TableNames
}

// describe returns a table in the default region, or nil when it is missing.
func describe(t *testing.T, name string) *types.TableDescription {
	t.Helper()
	out, err := ddb(region, "").DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String(name)})
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return nil
	}
	if err != nil {
		t.Fatalf("DescribeTable %s: %v", name, err)
	}
	return out.Table
}

// createTableInAWS makes a table behind the controller's back.
func createTableInAWS(t *testing.T, name string, billing types.BillingMode) {
	t.Helper()
	in := &dynamodb.CreateTableInput{
		TableName:            aws.String(name),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		BillingMode:          billing,
	}
	if billing == types.BillingModeProvisioned {
		in.ProvisionedThroughput = &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(5)}
	}
	if _, err := ddb(region, "").CreateTable(context.Background(), in); err != nil {
		t.Fatalf("CreateTable %s: %v", name, err)
	}
}

// caBundle writes a valid PEM bundle (a throwaway self-signed CA), so the
// controller can run with AWS_CA_BUNDLE set on any machine.
func caBundle(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "kubesmith e2e CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "ca-bundle.pem")
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitMetric waits until the sum of a metric's matching series is want.
func waitMetric(t *testing.T, e *env, name string, match map[string]string, want float64) {
	t.Helper()
	harness.Eventually(t, wait, 200*time.Millisecond, func() error {
		if got := e.Scrape().Sum(name, match); got != want {
			return fmt.Errorf("%s%v = %v, want %v", name, match, got, want)
		}
		return nil
	})
}

// editSpec changes a table's spec with a merge patch, so that a status
// write by the controller in between cannot make the edit conflict.
func (e *env) editSpec(tbl *v1alpha1.Table, edit func(*v1alpha1.TableSpec)) {
	e.T.Helper()
	harness.Edit(e.Env, tbl, func(t *v1alpha1.Table) { edit(&t.Spec) })
}
