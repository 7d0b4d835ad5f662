// Command sessionlog reads and writes customer-session activity logs.
package main

import (
	"os"

	"github.com/sessionlog/sessionlog/cmd"
)

func main() {
	os.Exit(cmd.Execute())
}
