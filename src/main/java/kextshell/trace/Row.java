package kextshell.trace;

/** One line of the diagram, top to bottom: a call, a mark on one lifeline, or a phase band. */
public sealed interface Row permits Row.Message, Row.Mark, Row.Band {

    /** How many journal events this row stands for (more than one after folding). */
    int times();

    /** A call from one lifeline to another, e.g. {@code terminate(kIOServiceRequired|kIOServiceSynchronous)}. */
    record Message(int from, int to, String label, int times, long seq) implements Row {
    }

    /** Something that happened on one lifeline: a veto, a time-out, a port dying, a state change. */
    record Mark(int lane, MarkKind kind, String label, int times, long seq) implements Row {
    }

    /** Start of a termination phase (or of the events after it, with an empty phase). */
    record Band(String phase, String label) implements Row {
        @Override
        public int times() {
            return 1;
        }
    }

    /** What a mark means; renderers pick its symbol and colour from this. */
    enum MarkKind {
        VETO("✗", "x"), TIMEOUT("◷", "!"), PORT_DEAD("†", "+"), STATE("•", "*"), DEFER("…", "~"), KEXT("◆", "#"),
        FREED("○", "o"), EXIT("■", "X");

        private final String unicode;
        private final String ascii;

        MarkKind(String unicode, String ascii) {
            this.unicode = unicode;
            this.ascii = ascii;
        }

        public String symbol(boolean useUnicode) {
            return useUnicode ? unicode : ascii;
        }
    }
}
