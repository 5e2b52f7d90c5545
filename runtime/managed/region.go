package managed

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// FromRegion decides a create input member that takes the target region
// when the spec leaves it unset, such as an S3 bucket's location: it
// returns the value to send, or nil to send none. A spec value must name
// region, since a client of one region cannot make a resource in another.
// In the except regions the member is never sent: S3 takes a missing
// location for us-east-1 and refuses "us-east-1". field is the spec path,
// for the message.
func FromRegion(field string, spec *string, region string, except ...string) (*string, error) {
	if spec != nil && *spec != region {
		return nil, Terminalf("spec.%s is %s, but the resource's region is %s (its services.k8s.aws/region annotation, else its namespace's services.k8s.aws/default-region, else the controller's --aws-region); make them agree, or leave spec.%s out to have it filled from the region", field, *spec, region, field)
	}
	if slices.Contains(except, region) {
		return nil, nil
	}
	return aws.String(region), nil
}
