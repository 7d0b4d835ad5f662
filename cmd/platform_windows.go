package cmd

import (
	"context"
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"
)

// configPathHelp names the default config file in --config's help.
const configPathHelp = `%AppData%\sessionlog\config.yaml, or $XDG_CONFIG_HOME\sessionlog\config.yaml when that is set`

// fileModeLimitsReaders is false on Windows: access is governed by ACLs,
// and the mode Go reports (0666 or 0444) says nothing about other users.
const fileModeLimitsReaders = false

// platformConfigDir is %AppData% (os.UserConfigDir on Windows).
func platformConfigDir() (string, error) { return os.UserConfigDir() }

// enableVirtualTerminal turns on ANSI escape processing for the console
// behind f (Windows 10 and later) and reports whether it is on. On older
// consoles colours and the progress line are left out.
func enableVirtualTerminal(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}

// shellCommand runs command line through cmd.exe, as typed at its prompt;
// /s /c "..." keeps the command's own quotes intact.
func shellCommand(ctx context.Context, command string) *exec.Cmd {
	c := exec.CommandContext(ctx, "cmd.exe")
	c.SysProcAttr = &syscall.SysProcAttr{CmdLine: `cmd.exe /d /s /c "` + command + `"`}
	return c
}
