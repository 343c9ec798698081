package kextshell.shell.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.shell.syntax.Ast.Redirect;
import kextshell.shell.syntax.Ast.RedirectKind;
import kextshell.shell.syntax.Ast.Script;
import kextshell.shell.syntax.Ast.SimpleCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
    private static Script parse(String text) throws ParseException {
        return Parser.parse(text);
    }

    private static List<String> names(String text) {
        return Parser.commandNames(text);
    }

    @Test
    void listsPipelinesAndShortCircuits() throws ParseException {
        Script s = parse("a | b && c || d; e");
        assertEquals(2, s.items().size());
        assertEquals(List.of("&&", "||"), s.items().get(0).ops());
        assertEquals(2, s.items().get(0).pipelines().get(0).commands().size());
        assertEquals(List.of("a", "b", "c", "d", "e"), names("a | b && c || d; e"));
    }

    @Test
    void commentsEndTheLineWhereverAWordStarts() throws ParseException {
        assertEquals(0, parse("# only a comment").items().size());
        assertEquals(List.of("echo", "a#b"), parse("echo a#b # not this").commands().get(0).words().stream()
                .map(Ast.Word::literal).toList());
    }

    @Test
    void quotingMakesOneWordAndKeepsParametersApart() throws ParseException {
        SimpleCommand c = parse("grep 'a b' \"$HOME x\" \\$HOME").commands().get(0);
        assertEquals(List.of("grep", "a b", "$HOME x", "$HOME"), c.words().stream().map(Ast.Word::literal).toList());
        assertEquals(Ast.PartKind.PARAMETER, c.words().get(2).parts().get(0).kind());
        assertEquals(Ast.PartKind.TEXT, c.words().get(3).parts().get(0).kind());
    }

    @Test
    void redirectionsInOrder() throws ParseException {
        List<Redirect> r = parse("cmd >out 2>&1 <in >>log &>both 2>err").commands().get(0).redirects();
        assertEquals(List.of(RedirectKind.WRITE, RedirectKind.DUPLICATE, RedirectKind.READ, RedirectKind.APPEND,
                RedirectKind.WRITE_BOTH, RedirectKind.WRITE), r.stream().map(Redirect::kind).toList());
        assertEquals(2, r.get(1).fd());
        assertEquals(1, r.get(1).dupFrom());
        assertEquals(2, r.get(5).fd());
    }

    @Test
    void hereDocumentsTakeTheFollowingLines() throws ParseException {
        Script s = parse("cat <<EOF\nline $HOME\nEOF\nwhoami");
        Redirect r = s.commands().get(0).redirects().get(0);
        assertEquals("line $HOME\n", r.body());
        assertTrue(r.expand());
        assertEquals(List.of("cat", "whoami"), names("cat <<EOF\nline\nEOF\nwhoami"));
        assertFalse(parse("cat <<'EOF'\nx\nEOF").commands().get(0).redirects().get(0).expand());
        assertEquals("x\n", parse("cat <<-EOF\n\tx\n\tEOF").commands().get(0).redirects().get(0).body());
    }

    @ParameterizedTest
    @CsvSource({"'echo \"x', dquote", "echo 'x, quote", "'a |', pipe", "'a &&', cmdand", "'a ||', cmdor",
        "'cat <<EOF', heredoc", "'cat <<EOF\nbody', heredoc", "'echo \\', ''"})
    void unfinishedInputAsksForMore(String text, String context) {
        ParseException e = assertThrows(ParseException.class, () -> parse(text));
        assertTrue(e.incomplete(), text);
        assertEquals(context == null ? "" : context, e.context());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "'| a'#zsh: parse error near `|'",
        "a ;; b#zsh: parse error near `;;'",
        "a >#zsh: parse error near `\\n'",
        "echo $(ls)#kextshell: command substitution $(...) and arithmetic $((...)) are not supported in this shell",
        "echo `ls`#kextshell: command substitution (`...`) is not supported in this shell",
        "sleep 1 &#kextshell: background jobs (&) are not supported in this shell",
        "X=1 env#kextshell: parameter assignments (X=1) are not supported in this shell",
        "(cd /)#kextshell: subshells and functions ( ) are not supported in this shell"})
    void errorsAreZshsOrSayWhatIsNotSupported(String text, String message) {
        ParseException e = assertThrows(ParseException.class, () -> parse(text));
        assertFalse(e.incomplete(), text);
        assertEquals(message, e.getMessage());
    }

    @Test
    void sudoNamesTheCommandItRuns() {
        assertEquals(List.of("sudo", "kextunload", "grep"), names("sudo -s kextunload -b x | grep y"));
        assertEquals(List.of(), names("echo 'open"));
    }
}
