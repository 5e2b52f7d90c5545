// Package markdown turns the HTML documentation of AWS models (Smithy's
// documentation trait, the AWS JSON format's documentation) into Markdown
// for the reference docs, and into the one plain-text paragraph a CRD
// description holds, so that both say the same thing.
package markdown

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Docs converts documentation, converting each text once: models repeat
// the same member documentation across shapes.
type Docs struct {
	conv *converter.Converter
	done map[string]string
}

// New returns an empty converter.
func New() *Docs {
	return &Docs{
		conv: converter.NewConverter(converter.WithPlugins(
			base.NewBasePlugin(),
			commonmark.NewCommonmarkPlugin(commonmark.WithBulletListMarker("-")),
		)),
		done: map[string]string{},
	}
}

// Markdown converts the HTML documentation doc to Markdown. Text without
// tags, as some models write it, passes through the same converter, which
// escapes what Markdown would read as syntax.
func (d *Docs) Markdown(doc string) (string, error) {
	if md, ok := d.done[doc]; ok {
		return md, nil
	}
	md, err := d.conv.ConvertString(printable(doc))
	if err != nil {
		return "", fmt.Errorf("converting documentation %q to Markdown: %w", abbreviate(doc), err)
	}
	md = strings.TrimSpace(md)
	d.done[doc] = md
	return md, nil
}

// SummaryLimit caps a CRD description, in bytes: a whole first paragraph
// is usually a few sentences, and the longest would make a large CRD
// (S3's Bucket) approach kubectl apply's 256 KiB annotation limit.
const SummaryLimit = 600

// Summary is the first paragraph of the documentation (with what follows
// a closing colon) as one line of plain text, for a CRD description that kubectl explain shows: links
// become their text, emphasis and escapes go, code keeps its backquotes.
// A paragraph over SummaryLimit ends at its last full sentence within it.
func (d *Docs) Summary(doc string) (string, error) {
	md, err := d.Markdown(doc)
	if err != nil {
		return "", err
	}
	return shorten(plain(firstParagraph(md)), SummaryLimit), nil
}

// firstParagraph is the first block of md, with the blocks that follow
// while it ends in a colon: "Valid values are:" means the list after it.
func firstParagraph(md string) string {
	blocks := strings.Split(md, "\n\n")
	n := 1
	for n < len(blocks) && strings.HasSuffix(strings.TrimSpace(blocks[n-1]), ":") {
		n++
	}
	return strings.Join(blocks[:n], "\n\n")
}

// plain reduces Markdown to one line of text, read through a Markdown
// parser so that literal asterisks and brackets stay and syntax goes:
// links keep their text, code spans their backquotes.
func plain(md string) string {
	src := []byte(md)
	var b strings.Builder
	ast.Walk(goldmark.DefaultParser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan:
			if entering {
				b.WriteByte('`')
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*ast.Text); ok {
						b.Write(t.Segment.Value(src))
					}
				}
				b.WriteByte('`')
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				b.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(n.Segment.Value(src)))))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.Paragraph, *ast.TextBlock, *ast.ListItem, *ast.Heading:
			b.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// shorten cuts text over limit bytes after its last sentence that fits,
// or at the last word with an ellipsis when no sentence ends early enough.
func shorten(text string, limit int) string {
	if len(text) <= limit {
		return text
	}
	if cut := strings.LastIndex(text[:limit], ". "); cut >= limit/3 {
		return text[:cut+1]
	}
	cut := strings.LastIndexByte(text[:limit], ' ')
	if cut < 0 {
		cut = limit
	}
	return strings.TrimSpace(text[:cut]) + " …"
}

// printable drops control characters other than line breaks and tabs,
// which some AWS documentation holds and YAML and Markdown cannot.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}

// abbreviate shortens documentation for an error message.
func abbreviate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
