package main

import (
	"fmt"
	"os/exec"
	"strings"
)

// git runs git in root and returns its trimmed output; the error carries
// git's own message.
func git(root string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
			msg = strings.TrimSpace(string(ee.Stderr))
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return strings.TrimSpace(string(out)), nil
}

// gitOutput is git's trimmed output, or empty outside a git checkout.
func gitOutput(root string, args ...string) string {
	out, _ := git(root, args...)
	return out
}
