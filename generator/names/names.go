// Package names turns Smithy member and shape names into Go and JSON names.
//
// The initialism table and the word-splitting rules are part of the API: a
// change renames CRD fields and breaks every manifest that uses them. Tests
// pin both, and measure them against the incumbent's field names.
package names

import (
	"strings"
	"unicode"

	"github.com/gobuffalo/flect"
)

// InitialismsVersion is the version of the initialism table and of the
// rules that apply it. Bumping it is an API break: any change to either
// renames CRD fields.
const InitialismsVersion = 1

// initialisms maps the capitals of each initialism to how Go and JSON names
// write it in the middle of a name: all capitals, except IPv4 and IPv6 as
// the incumbent writes them. Plural forms take a lower-case s: IDs, ARNs.
// SSH is left out because the incumbent writes ec2SshKey.
var initialisms = map[string]string{
	"ACL": "ACL", "ACM": "ACM", "AMI": "AMI", "API": "API", "ARN": "ARN", "ASN": "ASN",
	"AWS": "AWS", "AZ": "AZ", "CA": "CA", "CIDR": "CIDR", "CORS": "CORS", "CPU": "CPU",
	"CSV": "CSV", "DB": "DB", "DNS": "DNS", "EBS": "EBS", "EC2": "EC2", "ECMP": "ECMP",
	"ECR": "ECR", "EKS": "EKS", "FIFO": "FIFO", "GPU": "GPU", "HTML": "HTML", "HTTP": "HTTP",
	"HTTPS": "HTTPS", "IAM": "IAM", "ID": "ID", "IO": "IO", "IOPS": "IOPS", "IP": "IP",
	"IPAM": "IPAM", "IPV4": "IPv4", "IPV6": "IPv6", "JSON": "JSON", "KMS": "KMS", "MFA": "MFA",
	"OIDC": "OIDC", "RAM": "RAM", "SAML": "SAML", "SDK": "SDK", "SES": "SES", "SHA": "SHA",
	"SMS": "SMS", "SNS": "SNS", "SQS": "SQS", "SSE": "SSE", "SSL": "SSL", "SSM": "SSM",
	"TCP": "TCP", "TLS": "TLS", "TTL": "TTL", "UDP": "UDP", "URI": "URI", "URL": "URL",
	"UUID": "UUID", "VGW": "VGW", "VPC": "VPC", "XML": "XML",
}

// Words splits a Smithy name into words at case changes, digits runs kept
// with the word before them: "KMSMasterKeyId" is KMS, Master, Key, Id. A
// capital run made only of initialisms is split into them: "SSEKMS" is
// SSE, KMS.
func Words(name string) []string {
	var words []string
	runes := []rune(name)
	start := 0
	for i := 1; i < len(runes); i++ {
		prev, cur := runes[i-1], runes[i]
		boundary := false
		switch {
		case cur == '_' || cur == '-' || cur == '.':
			words = appendWord(words, string(runes[start:i]))
			start = i + 1
			continue
		case unicode.IsLower(prev) && unicode.IsUpper(cur):
			boundary = true
		case unicode.IsDigit(prev) && unicode.IsUpper(cur) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
			boundary = true
		case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
			// "KMSMaster": the last capital starts the next word, unless
			// the run is a plural initialism such as "IDs".
			_, known := initialisms[strings.ToUpper(string(runes[start:i+1]))]
			boundary = !(known && runes[i+1] == 's' && (i+2 == len(runes) || !unicode.IsLower(runes[i+2])))
		}
		if boundary {
			words = appendWord(words, string(runes[start:i]))
			start = i
		}
	}
	return appendWord(words, string(runes[start:]))
}

func appendWord(words []string, w string) []string {
	if w == "" || w == "_" {
		return words
	}
	if parts := splitInitialisms(w); parts != nil {
		return append(words, parts...)
	}
	return append(words, w)
}

// splitInitialisms returns the initialisms a run of capitals is made of,
// longest first, or nil when w is not such a run or is one initialism.
func splitInitialisms(w string) []string {
	if _, ok := initialisms[w]; ok || w != strings.ToUpper(w) {
		return nil
	}
	for i := len(w) - 1; i > 0; i-- {
		if _, ok := initialisms[w[:i]]; !ok {
			continue
		}
		if _, ok := initialisms[w[i:]]; ok {
			return []string{w[:i], w[i:]}
		}
		if rest := splitInitialisms(w[i:]); rest != nil {
			return append([]string{w[:i]}, rest...)
		}
	}
	return nil
}

// initialism returns how a word is written when it is an initialism, its
// plural ("Ids" is IDs) or one followed by digits ("Sha256" is SHA256).
func initialism(w string) (string, bool) {
	if s, ok := initialisms[strings.ToUpper(w)]; ok {
		return s, true
	}
	if base, ok := strings.CutSuffix(w, "s"); ok {
		if s, ok := initialisms[strings.ToUpper(base)]; ok {
			return s + "s", true
		}
	}
	letters := strings.TrimRightFunc(w, unicode.IsDigit)
	if letters != w && letters != "" {
		if s, ok := initialisms[strings.ToUpper(letters)]; ok {
			return s + w[len(letters):], true
		}
	}
	return "", false
}

// goWord writes one word the Go way: an initialism as the table spells it,
// anything else with its first letter upper-cased.
func goWord(w string) string {
	if s, ok := initialism(w); ok {
		return s
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// Go returns the exported Go name for a Smithy name: "TableId" is TableID.
func Go(name string) string {
	var b strings.Builder
	for _, w := range Words(name) {
		b.WriteString(goWord(w))
	}
	out := b.String()
	if out == "" || unicode.IsDigit([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// JSON returns the lowerCamel JSON name: "SSESpecification" is
// sseSpecification, "TableId" is tableID. A leading initialism is all lower
// case; any other leading word only has its first letter lowered, so
// "FQDN" is fQDN, as the incumbent writes it.
func JSON(name string) string {
	words := Words(name)
	if len(words) == 0 {
		return name
	}
	var b strings.Builder
	if _, ok := initialism(words[0]); ok {
		b.WriteString(strings.ToLower(words[0]))
	} else {
		r := []rune(words[0])
		r[0] = unicode.ToLower(r[0])
		b.WriteString(string(r))
	}
	for _, w := range words[1:] {
		b.WriteString(goWord(w))
	}
	return b.String()
}

// Plural returns the lower-case plural of a kind, as Kubernetes resource
// names are written: Table is tables, DHCPOptions stays dhcpoptions. It is
// the rule controller-tools names the CRD by, so RBAC grants that name.
func Plural(kind string) string {
	return strings.ToLower(flect.Pluralize(kind))
}
