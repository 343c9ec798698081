package kextshell.tutorial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which lessons are completed, as a tiny JSON file written and read by hand (no JSON library):
 *
 * <pre>
 * {
 *   "format": "kextshell-progress",
 *   "version": 1,
 *   "completed": ["00-welcome", "01-registry-tour"]
 * }
 * </pre>
 *
 * The reader is strict: exactly these three keys, each once, lesson ids only, nothing after the
 * object. Anything else is an {@link IOException} whose message says what is wrong.
 */
public final class Progress {
    static final String FORMAT = "kextshell-progress";

    private final Set<String> completed = new TreeSet<>();

    public Set<String> completed() {
        return Set.copyOf(completed);
    }

    public boolean isCompleted(String id) {
        return completed.contains(id);
    }

    /** Returns true when the lesson was not completed before. */
    public boolean complete(String id) {
        return completed.add(id);
    }

    public void clear() {
        completed.clear();
    }

    public void replaceWith(Progress other) {
        completed.clear();
        completed.addAll(other.completed);
    }

    public String toJson() {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"version\": 1,\n  \"completed\": [");
        String sep = "";
        for (String id : completed) {
            b.append(sep).append("\n    \"").append(id).append('"');
            sep = ",";
        }
        b.append(completed.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    public static Progress parse(String json) throws IOException {
        return new Reader(json).document();
    }

    /** A recursive-descent reader for exactly the shape above. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Progress document() throws IOException {
            Progress p = new Progress();
            Set<String> seen = new TreeSet<>();
            expect('{');
            boolean first = true;
            while (true) {
                skip();
                if (peek() == '}' && first) {
                    break;
                }
                String key = string();
                if (!seen.add(key)) {
                    throw fail("key \"" + key + "\" given twice");
                }
                expect(':');
                switch (key) {
                    case "format":
                        if (!string().equals(FORMAT)) {
                            throw fail("\"format\" must be \"" + FORMAT + "\"");
                        }
                        break;
                    case "version":
                        if (!number().equals("1")) {
                            throw fail("unsupported \"version\" (this kextshell reads version 1)");
                        }
                        break;
                    case "completed":
                        for (String id : stringArray()) {
                            if (!LessonParser.ID.matcher(id).matches()) {
                                throw fail("not a lesson id: \"" + id + "\"");
                            }
                            p.completed.add(id);
                        }
                        break;
                    default:
                        throw fail("unknown key \"" + key + "\" (known: format, version, completed)");
                }
                first = false;
                skip();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                break;
            }
            expect('}');
            skip();
            if (i != s.length()) {
                throw fail("text after the closing '}'");
            }
            for (String key : List.of("format", "version", "completed")) {
                if (!seen.contains(key)) {
                    throw fail("missing key \"" + key + "\"");
                }
            }
            return p;
        }

        private List<String> stringArray() throws IOException {
            List<String> items = new ArrayList<>();
            expect('[');
            skip();
            if (peek() == ']') {
                i++;
                return items;
            }
            while (true) {
                items.add(string());
                skip();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return items;
            }
        }

        private String string() throws IOException {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\' || c < 0x20) {
                    throw fail("escapes and control characters are not used in progress files");
                }
                b.append(c);
            }
            throw fail("unterminated string");
        }

        private String number() throws IOException {
            skip();
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw fail("expected a number");
            }
            return s.substring(start, i);
        }

        private void expect(char c) throws IOException {
            skip();
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            i++;
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void skip() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private IOException fail(String message) {
            int line = 1;
            for (int j = 0; j < Math.min(i, s.length()); j++) {
                if (s.charAt(j) == '\n') {
                    line++;
                }
            }
            return new IOException("line " + line + ": " + message);
        }
    }
}
