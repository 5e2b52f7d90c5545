// Package names turns Smithy member and shape names into Go and JSON names.
//
// The initialism table is part of the API: a change renames CRD fields and
// breaks every manifest that uses them. Tests pin it against the
// incumbent's field names.
package names

import (
	"strings"
	"unicode"
)

// initialisms are written in capitals in Go and JSON names. Plural forms
// take a lower-case s: IDs, ARNs.
var initialisms = map[string]bool{
	"ACL": true, "ACM": true, "AMI": true, "API": true, "ARN": true, "AZ": true,
	"CA": true, "CIDR": true, "CPU": true, "CSV": true, "DB": true, "DNS": true,
	"EBS": true, "EC2": true, "ECR": true, "EKS": true, "FIFO": true, "GPU": true,
	"HTML": true, "HTTP": true, "HTTPS": true, "IAM": true, "ID": true, "IO": true,
	"IOPS": true, "IP": true, "IPV4": true, "IPV6": true, "JSON": true, "KMS": true,
	"MFA": true, "OIDC": true, "RAM": true, "SAML": true, "SDK": true, "SES": true,
	"SMS": true, "SNS": true, "SQS": true, "SSE": true, "SSH": true, "SSL": true,
	"SSM": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "URI": true,
	"URL": true, "UUID": true, "VPC": true, "XML": true,
}

// Words splits a Smithy name into words at case changes, digits runs kept
// with the word before them: "KMSMasterKeyId" is KMS, Master, Key, Id.
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
			boundary = !(runes[i+1] == 's' && (i+2 == len(runes) || !unicode.IsLower(runes[i+2])) && initialisms[strings.ToUpper(string(runes[start:i+1]))])
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
	return append(words, w)
}

// goWord writes one word the Go way: an initialism in capitals, anything
// else with its first letter upper-cased.
func goWord(w string) string {
	up := strings.ToUpper(w)
	if initialisms[up] {
		return up
	}
	if strings.HasSuffix(w, "s") && initialisms[strings.ToUpper(w[:len(w)-1])] {
		return strings.ToUpper(w[:len(w)-1]) + "s"
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
// sseSpecification, "TableId" is tableID.
func JSON(name string) string {
	words := Words(name)
	if len(words) == 0 {
		return name
	}
	var b strings.Builder
	first := goWord(words[0])
	if initialisms[strings.ToUpper(words[0])] || strings.HasSuffix(first, "s") && initialisms[strings.TrimSuffix(first, "s")] {
		b.WriteString(strings.ToLower(first))
	} else {
		r := []rune(first)
		r[0] = unicode.ToLower(r[0])
		b.WriteString(string(r))
	}
	for _, w := range words[1:] {
		b.WriteString(goWord(w))
	}
	return b.String()
}

// Plural returns the lower-case plural of a kind, as Kubernetes resource
// names are written: Table is tables, Policy is policies.
func Plural(kind string) string {
	k := strings.ToLower(kind)
	switch {
	case strings.HasSuffix(k, "y") && !strings.HasSuffix(k, "ay") && !strings.HasSuffix(k, "ey") && !strings.HasSuffix(k, "oy"):
		return k[:len(k)-1] + "ies"
	case strings.HasSuffix(k, "s") || strings.HasSuffix(k, "x") || strings.HasSuffix(k, "ch") || strings.HasSuffix(k, "sh"):
		return k + "es"
	}
	return k + "s"
}
