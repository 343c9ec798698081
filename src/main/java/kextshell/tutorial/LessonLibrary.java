package kextshell.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kextshell.transcript.TranscriptException;

/**
 * The lessons in one directory: every {@code NN-name.md} directly in it (sub-directories such as
 * {@code drafts/} are not lessons), sorted by file name. Read fresh on every call, so an author
 * sees edits at once; a broken file is listed with its error instead of hiding the others.
 */
public final class LessonLibrary {
    /** One file: the lesson, or the reason it could not be read. */
    public record Entry(String id, Lesson lesson, TranscriptException error) {
        public boolean ok() {
            return lesson != null;
        }
    }

    private final Path dir;

    public LessonLibrary(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Where lessons live: the system property {@code kextshell.tutorials} if set, else
     * {@code tutorials/} under {@code kextshell.home} (the launcher sets it to the install
     * directory), else {@code tutorials/} in the working directory.
     */
    public static Path defaultDir() {
        String explicit = System.getProperty("kextshell.tutorials");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String home = System.getProperty("kextshell.home");
        return home != null && !home.isEmpty() ? Path.of(home, "tutorials") : Path.of("tutorials");
    }

    public List<Entry> entries() {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                return List.of();
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
            try {
                entries.add(new Entry(stem, LessonParser.read(file, displayName(file)), null));
            } catch (TranscriptException e) {
                entries.add(new Entry(stem, null, e));
            }
        }
        return entries;
    }

    private String displayName(Path file) {
        Path parent = dir.getFileName();
        return (parent == null ? "" : parent + "/") + file.getFileName();
    }

    /**
     * The entry a learner means: the exact id ({@code 03-kextunload-with-clients}), its number
     * ({@code 03} or {@code 3}) or its name ({@code kextunload-with-clients}). Null when none or
     * more than one matches.
     */
    public Entry find(String query) {
        List<Entry> entries = entries();
        for (Entry e : entries) {
            if (e.id().equals(query)) {
                return e;
            }
        }
        Entry found = null;
        for (Entry e : entries) {
            int dash = e.id().indexOf('-');
            String number = dash < 0 ? e.id() : e.id().substring(0, dash);
            String rest = dash < 0 ? "" : e.id().substring(dash + 1);
            boolean matches = query.equals(number) || query.equals(rest)
                    || (query.matches("[0-9]{1,2}") && number.matches("[0-9]+")
                            && Integer.parseInt(query) == Integer.parseInt(number));
            if (matches) {
                if (found != null) {
                    return null;
                }
                found = e;
            }
        }
        return found;
    }
}
