package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// walkthroughHeading heads the README section whose bash block is run.
const walkthroughHeading = "### A QA walkthrough"

// TestREADMEWalkthrough runs the README's QA walkthrough with bash against
// the real binary (testscript.Main put it on PATH) and compares its output
// with the output the README shows. It needs bash, curl and jq as the
// walkthrough does (CI's machines have them); where one is missing it is
// skipped with a message naming it, so a machine with only Go passes.
func TestREADMEWalkthrough(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the README's QA walkthrough needs %s, which is not installed", tool)
		}
	}
	bash, _ := exec.LookPath("bash")
	if _, err := exec.LookPath("sessionlog"); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	script, want := walkthroughBlocks(t, string(readme))

	dir := t.TempDir()
	cmd := exec.Command(bash, "-c", script)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "NO_COLOR=1"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		log, _ := os.ReadFile(dir + "/mock.log")
		t.Fatalf("walkthrough: %v\nstdout:\n%s\nstderr:\n%s\nmock.log:\n%s", err, &stdout, &stderr, log)
	}
	if got := stdout.String(); got != want {
		t.Errorf("walkthrough output:\n%s\nthe README shows:\n%s", got, want)
	}
	if stderr.Len() != 0 {
		t.Errorf("walkthrough wrote to stderr:\n%s", &stderr)
	}
}

// walkthroughBlocks returns the bash block and the text block (its
// output) of the README's QA walkthrough section.
func walkthroughBlocks(t *testing.T, readme string) (script, output string) {
	t.Helper()
	_, section, ok := strings.Cut(readme, walkthroughHeading)
	if !ok {
		t.Fatalf("README.md has no %q section", walkthroughHeading)
	}
	script, rest := fencedBlock(t, section, "```bash\n")
	output, _ = fencedBlock(t, rest, "```text\n")
	return script, output
}

// fencedBlock returns the body of the first block opened by fence in s,
// and what follows it.
func fencedBlock(t *testing.T, s, fence string) (body, rest string) {
	t.Helper()
	_, after, ok := strings.Cut(s, fence)
	if !ok {
		t.Fatalf("README.md's walkthrough has no %q block", strings.TrimSpace(fence))
	}
	body, rest, ok = strings.Cut(after, "```\n")
	if !ok {
		t.Fatalf("README.md's walkthrough %q block is not closed", strings.TrimSpace(fence))
	}
	return body, rest
}
