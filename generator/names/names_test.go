package names

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestNames pins the naming rules. The incumbent's spelling cited in a
// reason is a field of its CRDs (reference/ack-crds).
func TestNames(t *testing.T) {
	cases := []struct {
		in, goName, jsonName string
		reason               string
	}{
		{"TableName", "TableName", "tableName", "plain words keep their case"},
		{"TableId", "TableID", "tableID", "Id is the ID initialism"},
		{"SSESpecification", "SSESpecification", "sseSpecification", "a leading initialism is all lower case in JSON"},
		{"KMSMasterKeyId", "KMSMasterKeyID", "kmsMasterKeyID", "a capital run ends one letter before the next word"},
		{"LatestStreamArn", "LatestStreamARN", "latestStreamARN", "Arn is the ARN initialism"},
		{"SecurityGroupIds", "SecurityGroupIDs", "securityGroupIDs", "plural initialisms keep a lower-case s"},
		{"EnableDnsSupport", "EnableDNSSupport", "enableDNSSupport", "initialisms in the middle are capitals"},
		{"VpcId", "VPCID", "vpcID", "two initialisms in a row"},
		{"name", "Name", "name", "lower-case members are capitalised in Go only"},
		// Was IPV6CIDRBlock in Go; the incumbent writes IPv6 (destinationIPv6CIDRBlock).
		{"Ipv6CidrBlock", "IPv6CIDRBlock", "ipv6CIDRBlock", "digits stay with their word, and IPv6 keeps its lower-case v"},
		{"ARNs", "ARNs", "arns", "an all-capital plural initialism"},
		{"serviceIpv4Cidr", "ServiceIPv4CIDR", "serviceIPv4CIDR", "IPv4 keeps its lower-case v mid-name: incumbent eks Cluster serviceIPv4CIDR"},
		{"AWSServiceName", "AWSServiceName", "awsServiceName", "AWS is an initialism: incumbent iam ServiceLinkedRole awsServiceName"},
		{"AWSAccountId", "AWSAccountID", "awsAccountID", "AWS is an initialism: incumbent kms Key awsAccountID"},
		{"CORSRules", "CORSRules", "corsRules", "CORS is an initialism: incumbent s3 Bucket corsRules"},
		{"CodeSha256", "CodeSHA256", "codeSHA256", "an initialism followed by digits keeps them: incumbent lambda codeSHA256"},
		{"EnableDns64", "EnableDNS64", "enableDNS64", "an initialism followed by digits keeps them: incumbent ec2 Subnet enableDNS64"},
		{"SSEKMS", "SSEKMS", "sseKMS", "a capital run made of initialisms splits into them: incumbent s3 Bucket sseKMS"},
		{"SSEKMSKeyId", "SSEKMSKeyID", "sseKMSKeyID", "a capital run made of initialisms splits before the next word"},
		{"CACertificateIdentifier", "CACertificateIdentifier", "caCertificateIdentifier", "CA is an initialism: incumbent rds DBInstance caCertificateIdentifier"},
		{"FQDN", "FQDN", "fQDN", "an all-capital word that is not an initialism only has its first letter lowered: incumbent rds fQDN"},
		{"Ec2SshKey", "EC2SshKey", "ec2SshKey", "SSH is not an initialism: incumbent eks Nodegroup ec2SshKey"},
		{"AmazonSideAsn", "AmazonSideASN", "amazonSideASN", "ASN is an initialism: incumbent ec2 TransitGateway amazonSideASN"},
		{"VpnEcmpSupport", "VpnECMPSupport", "vpnECMPSupport", "ECMP is an initialism: incumbent ec2 TransitGateway vpnECMPSupport"},
		{"Ipv4IpamPoolId", "IPv4IPAMPoolID", "ipv4IPAMPoolID", "IPAM is an initialism: incumbent ec2 VPC ipv4IPAMPoolID"},
		{"PropagatingVgws", "PropagatingVGWs", "propagatingVGWs", "VGW is an initialism: incumbent ec2 RouteTable propagatingVGWs"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := Go(tc.in); got != tc.goName {
				t.Errorf("%s: Go(%q) = %q, want %q", tc.reason, tc.in, got, tc.goName)
			}
			if got := JSON(tc.in); got != tc.jsonName {
				t.Errorf("%s: JSON(%q) = %q, want %q", tc.reason, tc.in, got, tc.jsonName)
			}
		})
	}
}

// pinnedInitialisms holds the table of every released InitialismsVersion.
// A change to the table needs a new version here, never an edited one.
var pinnedInitialisms = map[int][]string{
	1: {
		"ACL", "ACM", "AMI", "API", "ARN", "ASN", "AWS", "AZ", "CA", "CIDR", "CORS", "CPU",
		"CSV", "DB", "DNS", "EBS", "EC2", "ECMP", "ECR", "EKS", "FIFO", "GPU", "HTML", "HTTP",
		"HTTPS", "IAM", "ID", "IO", "IOPS", "IP", "IPAM", "IPv4", "IPv6", "JSON", "KMS", "MFA",
		"OIDC", "RAM", "SAML", "SDK", "SES", "SHA", "SMS", "SNS", "SQS", "SSE", "SSL", "SSM",
		"TCP", "TLS", "TTL", "UDP", "URI", "URL", "UUID", "VGW", "VPC", "XML",
	},
}

// TestInitialismsPinned fails on any edit of the table that does not come
// with a new InitialismsVersion: such an edit renames CRD fields.
func TestInitialismsPinned(t *testing.T) {
	want, ok := pinnedInitialisms[InitialismsVersion]
	if !ok {
		t.Fatalf("InitialismsVersion %d has no pinned table; add it to pinnedInitialisms", InitialismsVersion)
	}
	got := slices.Sorted(maps.Values(initialisms))
	if !slices.Equal(got, want) {
		t.Errorf("the initialism table differs from the one pinned for version %d, which renames CRD fields: added %q, removed %q; "+
			"if this is intended, bump InitialismsVersion and pin the new table under it",
			InitialismsVersion, missingFrom(want, got), missingFrom(got, want))
	}
	for key, spelling := range initialisms {
		if !strings.EqualFold(key, spelling) || key != strings.ToUpper(key) {
			t.Errorf("initialisms[%q] = %q: keys are the capitals of their spelling", key, spelling)
		}
	}
}

// missingFrom returns the entries of items that are not in list.
func missingFrom(list, items []string) []string {
	var out []string
	for _, s := range items {
		if !slices.Contains(list, s) {
			out = append(out, s)
		}
	}
	return out
}

func TestPlural(t *testing.T) {
	for _, c := range []struct{ in, want, reason string }{
		{"Table", "tables", "a plain noun takes s"},
		{"Policy", "policies", "a consonant and y take ies"},
		{"Alias", "aliases", "a noun in s takes es"},
		{"Key", "keys", "a vowel and y take s"},
		{"Gateway", "gateways", "a vowel and y take s"},
		{"DHCPOptions", "dhcpoptions", "a kind that is already plural stays so, as the CRD controller-tools writes names it: RBAC on another name forbids the controller its own kind"},
		{"ManagedPrefixList", "managedprefixlists", "only the last word counts"},
	} {
		if got := Plural(c.in); got != c.want {
			t.Errorf("Plural(%q) = %q, want %q: %s", c.in, got, c.want, c.reason)
		}
	}
}
