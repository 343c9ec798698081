package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;

import org.junit.jupiter.api.Test;

class EchoPrintfTest {
    private static final EchoCommand ECHO = new EchoCommand();
    private static final PrintfCommand PRINTF = new PrintfCommand();

    @Test
    void echoJoinsWordsAndInterpretsEscapesLikeZsh() {
        run(ECHO, null, "a", "b").is("a b\n", 0);
        run(ECHO, null).is("\n", 0);
        run(ECHO, null, "-n", "a").is("a", 0);
        run(ECHO, null, "a\\tb\\nc").is("a\tb\nc\n", 0);
        run(ECHO, null, "-E", "a\\nb").is("a\\nb\n", 0);
        run(ECHO, null, "stop\\chere").is("stop", 0);
        run(ECHO, null, "\\0101\\x42").is("AB\n", 0);
        run(ECHO, null, "-x", "-n-").is("-x -n-\n", 0);
    }

    @Test
    void printfFormatsAndRepeatsTheFormat() {
        run(PRINTF, null, "%s=%d\\n", "a", "1", "b", "2").is("a=1\nb=2\n", 0);
        run(PRINTF, null, "%x %X %o %%\\n", "255", "255", "8").is("ff FF 10 %\n", 0);
        run(PRINTF, null, "[%5s|%-3s]\\n", "ab", "c").is("[   ab|c  ]\n", 0);
        run(PRINTF, null, "%s\\n").is("\n", 0);
        run(PRINTF, null, "%d %s\\n", "7").is("7 \n", 0);
        run(PRINTF, null, "no newline").is("no newline", 0);
        run(PRINTF, null, "%b|\\101\\n", "x\\ty").is("x\ty|A\n", 0);
        run(PRINTF, null, "%.2f\\n", "3.14159").is("3.14\n", 0);
        run(PRINTF, null, "%c\\n", "xyz").is("x\n", 0);
        run(PRINTF, null, "%g %g %g %g\\n", "3.14", "100000", "1000000", "0.0001").is("3.14 100000 1e+06 0.0001\n", 0);
        run(PRINTF, null, "[%8.3g|%-6g|%G]\\n", "3.14159", "-2.5", "1e-10").is("[    3.14|-2.5  |1E-10]\n", 0);
    }

    @Test
    void printfErrors() {
        run(PRINTF, null).fails(1, "printf: not enough arguments");
        run(PRINTF, null, "%d\\n", "abc").fails(1, "printf: abc: expected numeric value");
        run(PRINTF, null, "%d\\n", "12abc").fails(1, "printf: 12abc: not completely converted");
        TextRun r = run(PRINTF, null, "a%zb", "1");
        r.fails(1, "printf: %z: invalid directive");
        run(PRINTF, null, "%+s", "1").fails(1, "printf: %+s: invalid directive");
        run(PRINTF, null, "%999999999s", "1").fails(1, "printf: %999999999s: invalid directive");
    }
}
