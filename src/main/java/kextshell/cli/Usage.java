package kextshell.cli;

/** The launcher's own --help text (the shell's commands are listed by {@code help} inside it). */
public final class Usage {
    private Usage() {
    }

    public static final String TEXT = String.join("\n",
            "usage: kextshell                 start the shell (interactive on a terminal,",
            "                                 otherwise one command per line of stdin)",
            "       kextshell -c 'COMMAND'    run one command and exit with its status",
            "       kextshell --help | -h     show this text",
            "       kextshell --version       print the version",
            "",
            "Inside the shell, type 'help' for the commands and 'tutorial list' to start learning.",
            "");
}
