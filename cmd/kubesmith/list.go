package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/pipeline"
)

// list prints every resource inference finds in a service: its
// operations, how it was found, and whether generator.yaml generates it.
// Resources lacking a create, read or delete follow, with what is missing.
func list(w io.Writer, root string, dirs pipeline.ModelDirs, args []string) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "say how each operation was found")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: kubesmith list [-v] <service>")
	}
	res, err := inspect(w, root, dirs, fs.Arg(0), infer.Options{All: true})
	if err != nil {
		return err
	}
	problems := map[string][]string{}
	for _, r := range res.Service.Resources {
		problems[r.Name] = r.Problems
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RESOURCE\tKIND\tSOURCE\tCREATE\tREAD\tUPDATE\tDELETE\tLIST\tGENERATE")
	var incomplete []*infer.Candidate
	for _, c := range res.Candidates {
		if !c.Complete() {
			incomplete = append(incomplete, c)
			continue
		}
		gen := "no"
		switch {
		case c.Generate:
			gen = "yes"
		case len(problems[c.Name]) > 0:
			gen = "no (problems, see explain)"
		}
		row := []string{c.Name, c.Kind, c.Source}
		for _, role := range infer.Roles() {
			row = append(row, or(c.Op(role), "-"))
		}
		fmt.Fprintln(tw, strings.Join(append(row, gen), "\t"))
		if *verbose {
			for _, role := range infer.Roles() {
				if c.Op(role) != "" {
					fmt.Fprintf(tw, "\t%s: %s, %s\n", role, c.Op(role), c.Found[role])
				}
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(incomplete) > 0 {
		fmt.Fprintln(w, "\nincomplete (name the missing operations under resources.<RESOURCE>.operations to generate one):")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, c := range incomplete {
			var have []string
			for _, role := range infer.Roles() {
				if c.Op(role) != "" {
					have = append(have, role+"="+c.Op(role))
				}
			}
			fmt.Fprintf(tw, "  %s\t%s\tmissing %s\t%s\n", c.Name, c.Source, strings.Join(c.Missing(), ", "), strings.Join(have, " "))
			for _, role := range c.Missing() {
				if s := c.Suggestions[role]; len(s) > 0 {
					fmt.Fprintf(tw, "  \t\t%s candidates: %s\t\n", role, strings.Join(s, ", "))
				}
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(w, "(candidates %s)\n", infer.RankingRule)
		return nil
	}
	return nil
}
