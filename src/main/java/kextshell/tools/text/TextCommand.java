package kextshell.tools.text;

import kextshell.shell.ShellCommand;

/** What the text tools share: they are macOS tools, and only read (tee, which writes, says so). */
abstract class TextCommand implements ShellCommand {
    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public boolean changesState() {
        return false;
    }
}
