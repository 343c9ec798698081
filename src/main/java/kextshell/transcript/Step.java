package kextshell.transcript;

import java.util.List;

/**
 * One {@code $ } input line with the output and status it expects.
 *
 * @param line           file line of the {@code $} line (1-based)
 * @param input          sent to {@code Session.execute} exactly as written after {@code "$ "}
 * @param expected       the expected output lines, status line excluded
 * @param expectedStatus 0 unless a {@code ? N} line says otherwise
 * @param statusLine     file line of the {@code ? N} line, or 0 when there is none
 * @param endLine        first file line after this step's expectations (next {@code $} or the
 *                       closing fence); the updater replaces the output lines before it
 * @param inputLines     how many file lines the input takes: the {@code $} line and its
 *                       {@code > } continuation lines (joined into {@code input} with newlines)
 */
public record Step(int line, String input, List<ExpectedLine> expected, int expectedStatus, int statusLine,
        int endLine, int inputLines) {
    public Step {
        expected = List.copyOf(expected);
    }
}
