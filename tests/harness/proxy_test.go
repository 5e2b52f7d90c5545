package harness

import (
	"errors"
	"net"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/smithy-go"
)

func TestProxyOutage(t *testing.T) {
	ctx := t.Context()
	proxy := StartProxy(t, moto.Endpoint())
	addr := proxy.Addr()
	db := dynamoClient(AWSConfig(proxy.URL(), testRegion))
	if err := createTable(ctx, db, "survivor"); err != nil {
		t.Fatal(err)
	}

	proxy.Stop()
	_, err := db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("survivor")})
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("DescribeTable during outage: %v, want connection refused", err)
	}
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Fatal("stopped proxy still accepts connections")
	}

	proxy.Start()
	if proxy.Addr() != addr {
		t.Fatalf("proxy moved from %s to %s", addr, proxy.Addr())
	}
	out, err := db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("survivor")})
	if err != nil {
		t.Fatalf("DescribeTable after outage: %v", err)
	}
	if got := *out.Table.TableName; got != "survivor" {
		t.Fatalf("table %q, want survivor", got)
	}
}

// TestProxyStopCutsOpenConnections checks that a kept-alive connection is closed
// too, so a client cannot slip past the outage on an old socket.
func TestProxyStopCutsOpenConnections(t *testing.T) {
	proxy := StartProxy(t, moto.Endpoint())
	c, err := net.Dial("tcp", proxy.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	proxy.Stop()
	buf := make([]byte, 1)
	if n, err := c.Read(buf); err == nil {
		t.Fatalf("read %d bytes from a connection the proxy should have closed", n)
	}
}

func TestFaults(t *testing.T) {
	ctx := t.Context()
	faults := StartFaults(t, moto.Endpoint())
	db := dynamoClient(AWSConfig(faults.URL(), testRegion))
	faults.Fail("CreateTable", 400, "LimitExceededException")
	err := createTable(ctx, db, "throttled")
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "LimitExceededException" {
		t.Fatalf("CreateTable with an injected fault: %v, want LimitExceededException", err)
	}
	if faults.Hits("CreateTable") == 0 {
		t.Error("no injected answer counted")
	}
	faults.Clear("CreateTable")
	if err := createTable(ctx, db, "throttled"); err != nil {
		t.Fatalf("CreateTable after Clear: %v", err)
	}
}
