package kextshell.trace.command;

import java.util.List;

/**
 * {@code trace}'s words, parsed: a command number, --list, --ascii or --unicode, --svg FILE, --force, or
 * --step with its action (start, next, back, goto K, quit). {@code error} is set, and nothing
 * else is meaningful, when the words do not make sense.
 */
record TraceArgs(int number, boolean list, boolean ascii, boolean unicode, String svg, boolean force, String stepAction,
        int stepTarget, String error) {

    static TraceArgs parse(List<String> args) {
        Builder b = new Builder();
        for (int i = 0; i < args.size() && b.error == null; i++) {
            String a = args.get(i);
            switch (a) {
                case "--list": b.list = true; break;
                case "--ascii": b.ascii = true; break;
                case "--unicode": b.unicode = true; break;
                case "--force": b.force = true; break;
                case "--svg":
                    if (i + 1 >= args.size()) {
                        b.error = "option --svg needs a file name";
                    } else {
                        b.svg = args.get(++i);
                    }
                    break;
                case "--step":
                    b.step = "start";
                    i = b.stepWords(args, i + 1) - 1;
                    break;
                default:
                    b.number(a);
            }
        }
        return b.build();
    }

    private static final class Builder {
        int number;
        boolean list;
        boolean ascii;
        boolean unicode;
        String svg;
        boolean force;
        String step;
        int target;
        String error;

        /** Reads the words after --step; returns the index of the first word it did not use. */
        int stepWords(List<String> args, int at) {
            if (at >= args.size()) {
                return at;
            }
            switch (args.get(at)) {
                case "n": case "next": step = "next"; return at + 1;
                case "p": case "back": step = "back"; return at + 1;
                case "q": case "quit": step = "quit"; return at + 1;
                case "goto":
                    step = "goto";
                    if (at + 1 >= args.size()) {
                        error = "goto needs a step number";
                        return at + 1;
                    }
                    target = positive(args.get(at + 1), "step");
                    return at + 2;
                default:
                    return at;
            }
        }

        void number(String a) {
            if (a.startsWith("-")) {
                error = "unknown option: " + a;
            } else if (number != 0) {
                error = "one command number at a time";
            } else {
                number = positive(a, "command");
            }
        }

        int positive(String word, String what) {
            try {
                int n = Integer.parseInt(word);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error = "not a " + what + " number: " + word;
            return 0;
        }

        TraceArgs build() {
            if (error == null && list && (number != 0 || svg != null || step != null)) {
                error = "--list takes no other argument";
            }
            if (error == null && step != null && svg != null) {
                error = "--step and --svg do not go together";
            }
            if (error == null && ascii && unicode) {
                error = "--ascii and --unicode do not go together";
            }
            if (error == null && force && svg == null) {
                error = "--force only goes with --svg";
            }
            return new TraceArgs(number, list, ascii, unicode, svg, force, step, target, error);
        }
    }
}
