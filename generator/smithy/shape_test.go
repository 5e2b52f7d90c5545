package smithy

import "testing"

func TestShapeID(t *testing.T) {
	tests := []struct {
		reason                  string
		id                      ShapeID
		namespace, name, member string
		root                    ShapeID
	}{
		{"shape ID", "com.amazonaws.dynamodb#CreateTableInput", "com.amazonaws.dynamodb", "CreateTableInput", "", "com.amazonaws.dynamodb#CreateTableInput"},
		{"member ID", "com.amazonaws.dynamodb#CreateTableInput$TableName", "com.amazonaws.dynamodb", "CreateTableInput", "TableName", "com.amazonaws.dynamodb#CreateTableInput"},
		{"prelude ID", "smithy.api#String", "smithy.api", "String", "", "smithy.api#String"},
		{"empty ID", "", "", "", "", ""},
	}
	for _, tt := range tests {
		if ns, name, member, root := tt.id.Namespace(), tt.id.Name(), tt.id.Member(), tt.id.Root(); ns != tt.namespace || name != tt.name || member != tt.member || root != tt.root {
			t.Errorf("%s: %q splits into %q, %q, %q, root %q", tt.reason, tt.id, ns, name, member, root)
		}
	}
	if got := ShapeID("a.b#C$d").WithMember("e"); got != "a.b#C$e" {
		t.Errorf("WithMember replaces the member: got %q", got)
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		reason string
		id     string
		member bool
		want   bool
	}{
		{"simple", "a#B", false, true},
		{"dotted namespace", "com.amazonaws.s3#PutObject", false, true},
		{"underscores then a digit", "a#__1x", false, true},
		{"no namespace", "Foo", false, false},
		{"empty name", "a.b#", false, false},
		{"empty namespace part", "a..b#C", false, false},
		{"leading digit", "a#1B", false, false},
		{"only underscores", "a#__", false, false},
		{"hyphen", "a#B-C", false, false},
		{"member where none is allowed", "a#B$c", false, false},
		{"member where allowed", "a#B$c", true, true},
		{"empty member", "a#B$", true, false},
		{"two members", "a#B$c$d", true, false},
	}
	for _, tt := range tests {
		if got := validID([]byte(tt.id), tt.member); got != tt.want {
			t.Errorf("%s: validID(%q, %v) = %v, want %v", tt.reason, tt.id, tt.member, got, tt.want)
		}
	}
}
