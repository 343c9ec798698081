package kextshell.tools.text;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kextshell.shell.Invocation;

/**
 * {@code tr}, after text_cmds tr.c (FreeBSD): translate string1's characters to string2's (string2
 * padded with its last character), -d delete string1's, -s squeeze runs of the last string's
 * characters, -c use the complement of string1 (every character not in it; when translating each
 * maps to string2's last character). Reads standard input only; a wrong number of strings is usage().
 */
public final class TrCommand extends TextCommand {
    static final List<String> USAGE = List.of(
            "usage: tr [-cs] string1 string2",
            "       tr [-c] -d string1",
            "       tr [-c] -s string1",
            "       tr [-c] -ds string1 string2");

    @Override
    public String name() {
        return "tr";
    }

    @Override
    public String summary() {
        return "translate or delete characters";
    }

    @Override
    public List<String> options() {
        return Options.names("cds");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "tr", "cds", args, USAGE);
        if (o == null) {
            return 1;
        }
        boolean delete = o.has('d');
        boolean squeeze = o.has('s');
        List<String> sets = o.operands();
        int wanted = delete ? (squeeze ? 2 : 1) : squeeze ? sets.size() : 2;
        if (sets.size() != wanted || sets.isEmpty() || sets.size() > 2) {
            USAGE.forEach(inv.console()::err);
            return 1;
        }
        List<Character> set1;
        List<Character> set2;
        try {
            set1 = TrSet.expand(sets.get(0));
            set2 = sets.size() > 1 ? TrSet.expand(sets.get(1)) : List.of();
        } catch (IllegalArgumentException e) {
            inv.console().err("tr: " + e.getMessage());
            return 1;
        }
        boolean translate = !delete && sets.size() == 2;
        if (translate && set2.isEmpty()) {
            inv.console().err("tr: empty string2");
            return 1;
        }
        String text = inv.stdin() == null ? "" : inv.stdin();
        inv.console().outRaw(apply(text, set1, set2, o.has('c'), delete, translate, squeeze));
        return 0;
    }

    private static String apply(String text, List<Character> set1, List<Character> set2, boolean complement,
            boolean delete, boolean translate, boolean squeeze) {
        BitSet in1 = bits(set1);
        BitSet squeezed = bits(delete || translate ? set2 : set1);
        Map<Character, Character> map = new HashMap<>();
        for (int i = 0; translate && i < set1.size(); i++) {
            map.putIfAbsent(set1.get(i), set2.get(Math.min(i, set2.size() - 1)));
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean member = in1.get(c) != complement;
            if (delete && member) {
                continue;
            }
            if (translate && member) {
                c = complement ? set2.get(set2.size() - 1) : map.get(c);
            }
            boolean squeezable = !delete && !translate && complement ? !in1.get(c) : squeezed.get(c);
            if (squeeze && squeezable && c == last) {
                continue;
            }
            out.append(c);
            last = c;
        }
        return out.toString();
    }

    private static BitSet bits(List<Character> chars) {
        BitSet bits = new BitSet();
        chars.forEach(c -> bits.set(c));
        return bits;
    }
}
