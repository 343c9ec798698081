package kextshell.bench;

import java.util.Locale;

/** One measured figure next to its target. {@code met} is null when there is no target. */
public record Figure(String name, String value, String target, Boolean met) {
    static Figure of(String name, String value, String target, boolean met) {
        return new Figure(name, value, target, met);
    }

    static Figure info(String name, String value) {
        return new Figure(name, value, "", null);
    }

    String row() {
        String verdict = met == null ? "" : met ? "met" : "NOT MET";
        return String.format(Locale.ROOT, "%-44s %14s  %-16s %s", name, value, target, verdict).stripTrailing();
    }
}
