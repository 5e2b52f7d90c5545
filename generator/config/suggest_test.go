package config

import "testing"

func TestSuggest(t *testing.T) {
	cases := []struct {
		reason     string
		name       string
		candidates []string
		want       string
	}{
		{"a transposition", "Tabel", []string{"Table", "Topic"}, "Table"},
		{"a dropped letter, any case", "tablestatu", []string{"TableStatus", "TableName"}, "TableStatus"},
		{"an abbreviation", "AttrName", []string{"AttributeName", "KeyType"}, "AttributeName"},
		{"a prefix", "Location", []string{"LocationConstraint"}, "LocationConstraint"},
		{"nothing close", "Logging", []string{"Policy", "Versioning"}, ""},
		{"a long name that differs in a word", "PutBucketLogging", []string{"PutBucketPolicy"}, ""},
		{"the alphabetically first of equals", "Tab", []string{"Tac", "Taa"}, "Taa"},
	}
	for _, c := range cases {
		if got := Suggest(c.name, c.candidates); got != c.want {
			t.Errorf("%s: Suggest(%q) = %q, want %q", c.reason, c.name, got, c.want)
		}
	}
}
