package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;

import org.junit.jupiter.api.Test;

class CutTrTest {
    private static final CutCommand CUT = new CutCommand();
    private static final TrCommand TR = new TrCommand();

    @Test
    void cutFieldsWithListsAndDelimiters() {
        run(CUT, "a:b:c:d:e:f\n", "-d:", "-f", "1,3-5").is("a:c:d:e\n", 0);
        run(CUT, "a:b:c\n", "-d", ":", "-f", "2-").is("b:c\n", 0);
        run(CUT, "a:b:c\n", "-d", ":", "-f", "-2").is("a:b\n", 0);
        run(CUT, "a\tb\n", "-f2").is("b\n", 0);
        run(CUT, "plain\na:b\n", "-d:", "-f2").is("plain\nb\n", 0);
        run(CUT, "plain\na:b\n", "-s", "-d:", "-f2").is("b\n", 0);
        run(CUT, "abcdef\n", "-c", "2-3,5").is("bce\n", 0);
    }

    @Test
    void cutErrors() {
        run(CUT, "x\n").fails(1, CutCommand.USAGE.toArray(String[]::new));
        run(CUT, "x\n", "-c1", "-d:").fails(1, CutCommand.USAGE.toArray(String[]::new));
        run(CUT, "x\n", "-f", "0").fails(1, "cut: [-cf] list: values may not include zero");
        run(CUT, "x\n", "-f", "a").fails(1, "cut: [-cf] list: illegal list value");
        run(CUT, "x\n", "-d", "ab", "-f1").fails(1, "cut: bad delimiter");
        run(CUT, null, "-f1", "/nope").fails(1, "cut: /nope: No such file or directory");
    }

    @Test
    void trTranslatesRangesAndClasses() {
        run(TR, "hello\n", "a-z", "A-Z").is("HELLO\n", 0);
        run(TR, "Hello\n", "[:lower:]", "[:upper:]").is("HELLO\n", 0);
        run(TR, "a,b,c", ",", "\\n").is("a\nb\nc", 0);
        run(TR, "abc", "abc", "x").is("xxx", 0);
        run(TR, "a\uffff", "-d", "\\200-\uffff").is("a", 0);
    }

    @Test
    void trDeletesSqueezesAndComplements() {
        run(TR, "a1b2c3", "-d", "0-9").is("abc", 0);
        run(TR, "a  b   c", "-s", " ").is("a b c", 0);
        run(TR, "aabbcc", "-s", "a-c", "x-z").is("xyz", 0);
        run(TR, "a1b2", "-cd", "0-9").is("12", 0);
        run(TR, "one  two", "-cs", "a-z", "\\n").is("one\ntwo", 0);
        run(TR, "a11b", "-ds", "a", "1").is("1b", 0);
    }

    @Test
    void trErrors() {
        run(TR, "x", "a").fails(1, TrCommand.USAGE.toArray(String[]::new));
        run(TR, "x", "-d", "a", "b").fails(1, TrCommand.USAGE.toArray(String[]::new));
        run(TR, "x", "[:nope:]", "a").fails(1, "tr: unknown class nope");
        run(TR, "x", "a", "").fails(1, "tr: empty string2");
        run(TR, "x", "-x", "a", "b").fails(1, "tr: illegal option -- x", TrCommand.USAGE.get(0), TrCommand.USAGE.get(1),
                TrCommand.USAGE.get(2), TrCommand.USAGE.get(3));
    }
}
