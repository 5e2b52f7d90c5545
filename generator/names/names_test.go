package names

import "testing"

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
		{"Ipv6CidrBlock", "IPV6CIDRBlock", "ipv6CIDRBlock", "digits stay with their word"},
		{"ARNs", "ARNs", "arns", "an all-capital plural initialism"},
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

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"Table": "tables", "Policy": "policies", "Alias": "aliases", "Key": "keys", "Gateway": "gateways"} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}
