package cmd

import (
	"io"

	"github.com/spf13/cobra"
)

// completionShell is one shell `sessionlog completion` writes a script for.
type completionShell struct {
	name  string
	setUp string // how to load the script, for the shell's help
	// write writes the script, with the candidates' descriptions or not.
	write func(root *cobra.Command, w io.Writer, descriptions bool) error
}

// completionShells are the shells cobra writes completion scripts for,
// with the set-up each needs, as the README gives it.
var completionShells = []completionShell{
	{"bash", `The script needs the bash-completion package (apt install bash-completion;
brew install bash-completion@2).

To load completions in this shell:

  source <(sessionlog completion bash)

To load them in every new shell, once:

  sessionlog completion bash > ~/.local/share/bash-completion/completions/sessionlog
`, func(root *cobra.Command, w io.Writer, desc bool) error { return root.GenBashCompletionV2(w, desc) }},
	{"zsh", `If completion is not enabled in zsh yet, enable it once:

  echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in this shell:

  source <(sessionlog completion zsh)

To load them in every new shell, once, into a directory on $fpath:

  sessionlog completion zsh > "${fpath[1]}/_sessionlog"
`, func(root *cobra.Command, w io.Writer, desc bool) error {
		if desc {
			return root.GenZshCompletion(w)
		}
		return root.GenZshCompletionNoDesc(w)
	}},
	{"fish", `To load completions in this shell:

  sessionlog completion fish | source

To load them in every new shell, once:

  sessionlog completion fish > ~/.config/fish/completions/sessionlog.fish
`, func(root *cobra.Command, w io.Writer, desc bool) error { return root.GenFishCompletion(w, desc) }},
	{"powershell", `To load completions in this shell:

  sessionlog completion powershell | Out-String | Invoke-Expression

To load them in every new shell, add that line to your PowerShell profile
($PROFILE).
`, func(root *cobra.Command, w io.Writer, desc bool) error {
		if desc {
			return root.GenPowerShellCompletionWithDesc(w)
		}
		return root.GenPowerShellCompletion(w)
	}},
}

// newCompletionCmd is `completion SHELL`, in place of cobra's default
// command: the same scripts and flag, help written once as constants where
// cobra formats it on every run of the program, whatever the command.
func newCompletionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "completion",
		Short: "Generate the autocompletion script for the specified shell",
		Long: `Generate the autocompletion script of sessionlog for a shell: bash, zsh,
fish or powershell. Each shell's help says how to load it.`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	for _, shell := range completionShells {
		var noDescriptions bool
		sub := &cobra.Command{
			Use:               shell.name,
			Short:             "Generate the autocompletion script for " + shell.name,
			Long:              "Generate the autocompletion script for " + shell.name + ".\n\n" + shell.setUp,
			Args:              noArgs,
			ValidArgsFunction: cobra.NoFileCompletions,
			RunE: func(c *cobra.Command, _ []string) error {
				return shell.write(c.Root(), c.OutOrStdout(), !noDescriptions)
			},
		}
		sub.Flags().BoolVar(&noDescriptions, "no-descriptions", false, "disable completion descriptions")
		cmd.AddCommand(sub)
	}
	return cmd
}
