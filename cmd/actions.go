package cmd

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
)

func newActionsCmd(f *Factory) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "List the action types a log entry can have, with their meaning",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			asJSON, err := tableOrJSON(format)
			if err != nil {
				return err
			}
			return runActions(f.IOStreams, asJSON)
		},
	}
	addTableOrJSONFlag(cmd, &format)
	return cmd
}

func runActions(ios *IOStreams, asJSON bool) error {
	if asJSON {
		type action struct {
			ActionType  client.ActionType `json:"action_type"`
			Description string            `json:"description"`
		}
		list := []action{}
		for _, a := range client.ActionTypes() {
			list = append(list, action{a, a.Description()})
		}
		enc := json.NewEncoder(ios.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(ios.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTION\tMEANING")
	for _, a := range client.ActionTypes() {
		fmt.Fprintf(tw, "%s\t%s\n", a, a.Description())
	}
	return tw.Flush()
}

// addTableOrJSONFlag adds -o for commands that print either a table or JSON.
func addTableOrJSONFlag(cmd *cobra.Command, format *string) {
	addPlainOrJSONFlag(cmd, format, "table")
}

// addPlainOrJSONFlag adds -o for commands that print either their plain
// form (plain names it: table, text) or JSON.
func addPlainOrJSONFlag(cmd *cobra.Command, format *string, plain string) {
	cmd.Flags().StringVarP(format, "output", "o", plain, "output format: "+plain+" or json")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions([]string{plain, "json"}, cobra.ShellCompDirectiveNoFileComp))
}

// tableOrJSON checks the value of a table-or-JSON -o flag.
func tableOrJSON(format string) (asJSON bool, err error) {
	return plainOrJSON(format, "table")
}

// plainOrJSON checks the value of an -o flag added by addPlainOrJSONFlag.
func plainOrJSON(format, plain string) (asJSON bool, err error) {
	switch format {
	case plain:
		return false, nil
	case "json":
		return true, nil
	default:
		return false, usageErrorf("unknown output format %q: this command prints %s or json", format, plain)
	}
}
