package kextshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.syntax.Ast.Part;
import kextshell.shell.syntax.Ast.PartKind;
import kextshell.shell.syntax.Ast.Word;

/**
 * Turns words into arguments as zsh does with its default options: parameters ({@code $?},
 * {@code $HOME}, ...) and {@code ~} expand, unquoted results are not split into fields, an
 * unquoted word that expands to nothing disappears, and an unquoted {@code *}, {@code ?} or
 * {@code [...]} is a glob matched against the session's files ({@code zsh: no matches found} when
 * nothing matches, the NOMATCH option zsh has on by default).
 */
final class Expander {
    private final Session session;

    Expander(Session session) {
        this.session = session;
    }

    List<String> words(List<Word> words) throws ShellError {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            expandInto(w, out);
        }
        return out;
    }

    /** One word that must stay one (a redirection target): globs that match several are an error. */
    String single(Word word) throws ShellError {
        List<String> out = new ArrayList<>();
        expandInto(word, out);
        if (out.size() > 1) {
            throw new ShellError("zsh: " + word.source() + ": ambiguous redirect"); // zsh's wording for sh mode
        }
        return out.isEmpty() ? "" : out.get(0);
    }

    private void expandInto(Word w, List<String> out) throws ShellError {
        StringBuilder text = new StringBuilder();
        StringBuilder glob = new StringBuilder();
        boolean quoted = false;
        boolean isGlob = false;
        for (Part p : w.parts()) {
            String value = switch (p.kind()) {
                case TEXT -> p.text();
                case PARAMETER -> parameter(p.text());
                case TILDE -> tilde(p.text());
            };
            quoted |= p.quoted();
            text.append(value);
            if (p.kind() == PartKind.TEXT && !p.quoted() && hasGlobChar(value)) {
                isGlob = true;
                glob.append(globToRegex(value));
            } else {
                glob.append(Pattern.quote(value));
            }
        }
        if (isGlob) {
            List<String> matches = Glob.matches(session, glob.toString(), text.toString());
            if (matches.isEmpty()) {
                throw new ShellError("zsh: no matches found: " + w.source());
            }
            out.addAll(matches);
        } else if (quoted || text.length() > 0) {
            out.add(text.toString());
        }
    }

    static boolean hasGlobChar(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** A glob's unquoted text as a regex over a whole path: * and ? stop at '/'. */
    private static String globToRegex(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*') {
                b.append("[^/]*");
            } else if (c == '?') {
                b.append("[^/]");
            } else if (c == '[' && s.indexOf(']', i + 2) > 0) {
                int close = s.indexOf(']', i + 2);
                String set = s.substring(i + 1, close);
                boolean negated = set.startsWith("!") || set.startsWith("^");
                String members = negated ? set.substring(1) : set;
                if (members.isEmpty()) {
                    b.append(Pattern.quote("["));
                    continue; // "[!]" and "[^]" are not sets: the bracket is literal
                }
                b.append('[').append(negated ? "^" : "");
                for (char m : members.toCharArray()) {
                    b.append(m == '-' ? "-" : Character.isLetterOrDigit(m) ? String.valueOf(m) : "\\" + m);
                }
                b.append(']');
                i = close;
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    /** The parameters kextshell's zsh knows; any other name is empty, as an unset parameter is. */
    String parameter(String name) {
        return switch (name) {
            case "?" -> Integer.toString(session.lastStatus());
            case "$" -> Integer.toString(Session.SHELL_PID);
            case "#" -> "0";
            case "HOME" -> Session.HOME;
            case "USER", "LOGNAME" -> session.isRoot() ? "root" : Session.DEFAULT_USER;
            case "PWD" -> session.cwd();
            case "OLDPWD" -> session.previousDirectory();
            case "SHELL" -> "/bin/zsh";
            case "PATH" -> "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
            default -> "";
        };
    }

    private static String tilde(String user) {
        if (user.isEmpty() || user.equals(Session.DEFAULT_USER)) {
            return Session.HOME;
        }
        return user.equals("root") ? "/var/root" : "~" + user;
    }

    /** Glob matching over the session's files, one path component at a time. */
    static final class Glob {
        private Glob() {
        }

        static List<String> matches(Session session, String regex, String typed) {
            FileSystem files = session.files();
            boolean absolute = typed.startsWith("/");
            String base = absolute ? "/" : session.cwd();
            Pattern whole;
            try {
                whole = Pattern.compile(absolute ? regex : Pattern.quote(base.equals("/") ? "/" : base + "/") + regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                return List.of(); // a pattern no file name can match: zsh's "no matches found"
            }
            int depth = (int) typed.chars().filter(c -> c == '/').count() - (absolute ? 1 : 0) + 1;
            List<String> found = new ArrayList<>();
            walk(files, base, depth, whole, found);
            List<String> shown = new ArrayList<>();
            String prefix = base.equals("/") ? "/" : base + "/";
            for (String f : found) {
                shown.add(absolute ? f : f.substring(prefix.length()));
            }
            shown.sort(null);
            return shown;
        }

        private static void walk(FileSystem files, String dir, int depth, Pattern whole, List<String> found) {
            if (depth == 0) {
                return;
            }
            List<String> names;
            try {
                names = files.list(dir);
            } catch (FileError e) {
                return;
            }
            for (String name : names) {
                if (name.startsWith(".")) {
                    continue; // zsh does not glob dot files without GLOB_DOTS
                }
                String path = dir.equals("/") ? "/" + name : dir + "/" + name;
                if (depth == 1 && whole.matcher(path).matches()) {
                    found.add(path);
                } else if (depth > 1 && files.isDirectory(path)) {
                    walk(files, path, depth - 1, whole, found);
                }
            }
        }
    }
}
