package pipeline

// The SDK packages of the sample sweep, imported here only so that go mod
// tidy keeps their modules in go.mod: the sample compiles offline, from
// the module cache, with exactly these versions.
import (
	_ "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	_ "github.com/aws/aws-sdk-go-v2/service/codecommit"
	_ "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	_ "github.com/aws/aws-sdk-go-v2/service/efs"
	_ "github.com/aws/aws-sdk-go-v2/service/eks"
	_ "github.com/aws/aws-sdk-go-v2/service/iam"
	_ "github.com/aws/aws-sdk-go-v2/service/keyspaces"
	_ "github.com/aws/aws-sdk-go-v2/service/kinesis"
	_ "github.com/aws/aws-sdk-go-v2/service/lambda"
	_ "github.com/aws/aws-sdk-go-v2/service/mq"
	_ "github.com/aws/aws-sdk-go-v2/service/route53"
	_ "github.com/aws/aws-sdk-go-v2/service/s3"
	_ "github.com/aws/aws-sdk-go-v2/service/scheduler"
	_ "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	_ "github.com/aws/aws-sdk-go-v2/service/ses"
	_ "github.com/aws/aws-sdk-go-v2/service/sfn"
	_ "github.com/aws/aws-sdk-go-v2/service/verifiedpermissions"
)

// sweepSample is the fixed set of services `make test` sweeps: every AWS
// protocol, small and large SDK packages, resource shapes and
// name-inferred resources, unions.
var sweepSample = []string{
	"cloudwatch-logs",     // awsJson1_1
	"codecommit",          // awsJson1_1
	"dynamodb",            // awsJson1_0
	"efs",                 // restJson1
	"eks",                 // restJson1
	"iam",                 // awsQuery
	"keyspaces",           // awsJson1_0
	"kinesis",             // awsJson1_1
	"lambda",              // restJson1
	"mq",                  // restJson1
	"route-53",            // restXml
	"s3",                  // restXml
	"scheduler",           // restJson1
	"secrets-manager",     // awsJson1_1
	"ses",                 // awsQuery
	"sfn",                 // awsJson1_0
	"verifiedpermissions", // awsJson1_0; unions: nested, holding secrets, required in an update
}
