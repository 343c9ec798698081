package kextshell.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kextshell.store.HostFiles;
import kextshell.store.LearnerFiles;
import org.jline.reader.History;

/**
 * Reads and writes the interactive history file ourselves instead of letting JLine do it, because
 * JLine's loader throws on one undecodable byte (the shell would not start) and its saver
 * rewrites any file in its own {@code millis:line} format (a bash history lost its lines).
 *
 * <ul>
 * <li>Lines that are not UTF-8 are skipped, with one warning for the whole file.
 * <li>A file in kextshell's format is merged on save, under a lock, so two shells keep both
 * sessions' lines; the write is atomic.
 * <li>A file in any other format (bash, zsh, plain lines) is read as plain lines and never
 * written: history for this session then stays in memory, and the learner is told once.
 * </ul>
 */
final class HistoryStore {
    /** JLine's default history file size; lines beyond it are dropped oldest first. */
    static final int KEEP = 2000;
    /** Far more than KEEP lines of any sensible length. */
    static final long LIMIT = 4L << 20;
    private static final Pattern OWN_LINE = Pattern.compile("[0-9]{1,19}:.*");

    private final Path file;
    private final Clock clock;
    private final PrintWriter err;
    private boolean writable = true;
    private int loaded;

    HistoryStore(Path file, Clock clock, PrintWriter err) {
        this.file = file;
        this.clock = clock;
        this.err = err;
    }

    boolean writable() {
        return writable;
    }

    /** Adds the file's lines to {@code history}; problems are one warning line each, never an exception. */
    void loadInto(History history) {
        byte[] bytes;
        try {
            String whole = LearnerFiles.read(file, LIMIT);
            if (whole == null) {
                return;
            }
            bytes = whole.getBytes(StandardCharsets.UTF_8);
        } catch (LearnerFiles.Unreadable e) {
            if (!e.getMessage().equals("not UTF-8 text")) {
                warnOff(e.getMessage());
                return;
            }
            bytes = rawBytes();
            if (bytes == null) {
                return;
            }
        } catch (IOException e) {
            warnOff(HostFiles.reason(e));
            return;
        }
        load(bytes, history);
    }

    private byte[] rawBytes() {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            warnOff(HostFiles.reason(e));
            return null;
        }
    }

    private void load(byte[] bytes, History history) {
        List<String> lines = new ArrayList<>();
        int skipped = splitLines(bytes, lines);
        boolean own = lines.stream().allMatch(l -> l.isEmpty() || OWN_LINE.matcher(l).matches());
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (own) {
                int colon = line.indexOf(':');
                history.add(Instant.ofEpochMilli(Long.parseLong(line.substring(0, colon))), unescape(line.substring(colon + 1)));
            } else {
                history.add(Instant.EPOCH, line);
            }
        }
        loaded = history.size();
        if (skipped > 0) {
            err.println("kextshell: skipped " + skipped + " line" + (skipped == 1 ? "" : "s") + " of " + file
                    + " that are not UTF-8 text");
        }
        if (!own) {
            writable = false;
            err.println("kextshell: " + file + " is not a kextshell history file; it will not be rewritten"
                    + " (this session's history stays in memory)");
        } else if (skipped > 0) {
            keepOriginal();
        }
    }

    /** Splits on '\n', decoding each line strictly; returns how many lines were not UTF-8. */
    private static int splitLines(byte[] bytes, List<String> lines) {
        int skipped = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] one = java.util.Arrays.copyOfRange(bytes, start, i);
                try {
                    lines.add(LearnerFiles.decode(one));
                } catch (LearnerFiles.Unreadable e) {
                    skipped++;
                }
                start = i + 1;
            }
        }
        return skipped;
    }

    /** Adds this session's lines to what is in the file now (another shell may have added some). */
    void save(History history) throws IOException {
        if (!writable) {
            return;
        }
        List<History.Entry> mine = new ArrayList<>();
        for (History.Entry entry : history) {
            if (entry.index() >= loaded) {
                mine.add(entry);
            }
        }
        LearnerFiles.locked(file, () -> {
            List<String> merged = new ArrayList<>();
            String current = LearnerFiles.read(file, LIMIT);
            if (current != null) {
                current.lines().filter(l -> OWN_LINE.matcher(l).matches()).forEach(merged::add);
            }
            for (History.Entry entry : mine) {
                merged.add(entry.time().toEpochMilli() + ":" + escape(entry.line()));
            }
            List<String> kept = merged.subList(Math.max(0, merged.size() - KEEP), merged.size());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (String line : kept) {
                text.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            LearnerFiles.writeAtomically(file, text.toByteArray());
            return null;
        });
    }

    /** The learner's own file had undecodable lines: keep it whole before the clean copy replaces it. */
    private void keepOriginal() {
        try {
            Path aside = LearnerFiles.moveAside(file, clock);
            err.println("kextshell: kept the original history as " + aside);
            loaded = 0; // everything read is written back, minus the undecodable lines
        } catch (IOException e) {
            writable = false;
            err.println("kextshell: cannot move " + file + " aside (" + HostFiles.reason(e) + "); it will not be rewritten");
        }
    }

    private void warnOff(String why) {
        writable = false;
        err.println("kextshell: cannot read history " + file + " (" + why + "); it will not be rewritten");
    }

    /** JLine's escaping (DefaultHistory.escape): newlines and backslashes as two characters. */
    static String escape(String line) {
        return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

}
