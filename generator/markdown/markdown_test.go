package markdown

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	cases := []struct {
		reason, html, want string
	}{
		{"paragraphs stay apart, inline whitespace collapses",
			"<p>The name of the\n   bucket.</p>\n <p>Second   paragraph.</p>",
			"The name of the bucket.\n\nSecond paragraph."},
		{"a list becomes a bullet list, with code spans",
			"<p>Valid values are:</p><ul><li><p><code>NONE</code>: no header.</p></li><li><p><code>USE</code>: a header.</p></li></ul>",
			"Valid values are:\n\n- `NONE`: no header.\n- `USE`: a header."},
		{"a link keeps its target, bold and italics their emphasis",
			`<p><b>General</b> - see <a href="https://docs.aws.amazon.com/x.html">naming rules</a> in the <i>Guide</i>.</p>`,
			"**General** - see [naming rules](https://docs.aws.amazon.com/x.html) in the *Guide*."},
		{"plain text, as some models write it, has what Markdown would read as syntax escaped",
			"Matches s3:* and a_b",
			`Matches s3:* and a\_b`},
	}
	for _, c := range cases {
		got, err := New().Markdown(c.html)
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		if got != c.want {
			t.Errorf("%s:\ngot:  %q\nwant: %q", c.reason, got, c.want)
		}
	}
}

func TestSummary(t *testing.T) {
	long := "<p>" + strings.Repeat("This sentence is twenty-nine. ", 30) + "</p>"
	cases := []struct {
		reason, html, want string
	}{
		{"only the first paragraph, as plain text",
			`<p>The <b>name</b> of the <a href="https://x">bucket</a>.</p><p>More.</p>`,
			"The name of the bucket."},
		{"code keeps its backquotes; escaped characters are plain again",
			"<p>Use <code>s3:*</code> or a_b*c.</p>",
			"Use `s3:*` or a_b*c."},
		{"a paragraph ending in a colon takes the list that follows",
			"<p>Valid values are:</p><ul><li><p><code>NONE</code>: no header.</p></li><li><p><code>USE</code>: a header.</p></li></ul><p>Later.</p>",
			"Valid values are: `NONE`: no header. `USE`: a header."},
		{"a long paragraph ends at its last whole sentence within the limit",
			long,
			strings.TrimSpace(strings.Repeat("This sentence is twenty-nine. ", SummaryLimit/30))},
	}
	for _, c := range cases {
		got, err := New().Summary(c.html)
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		if got != c.want {
			t.Errorf("%s:\ngot:  %q\nwant: %q", c.reason, got, c.want)
		}
	}
}
