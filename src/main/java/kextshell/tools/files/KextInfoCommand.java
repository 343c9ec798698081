package kextshell.tools.files;

import kextshell.tools.args.Cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kextshell.kernel.OSKext;
import kextshell.kexts.Plist;
import kextshell.shell.CompletionKind;
import kextshell.shell.FileSystem;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import org.apache.commons.text.WordUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kextinfo BUNDLE-ID|PATH}: what a kext bundle in the virtual filesystem is: identifier,
 * path, version, the classes its IOKitPersonalities instantiate (with provider and user-client
 * class), its one-line summary, and whether the kernel has it loaded.
 */
public final class KextInfoCommand implements ShellCommand {
    static final String EXTENSIONS = "/Library/Extensions";

    @Command(name = "kextinfo", description = "Describe a kext bundle in /Library/Extensions.")
    static final class Spec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Parameters(index = "0", paramLabel = "BUNDLE-ID|PATH",
                description = "e.g. com.osxkernel.driver or /Library/Extensions/driver.kext")
        String kext;
    }

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "kextinfo";
    }

    @Override
    public String summary() {
        return "describe a kext bundle: id, classes, summary, loaded or not";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Spec spec = new Spec();
        int parsed = Cli.parse(inv, name(), spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        FileSystem files = inv.files();
        String bundle = null;
        if (spec.kext.contains("/") || spec.kext.endsWith(".kext") || spec.kext.equals("~")) {
            String abs = files.resolve(inv.session().cwd(), spec.kext);
            if (Lookup.kind(files, inv.session().cwd(), spec.kext) == Vfs.Kind.DIRECTORY
                    && Lookup.isFile(files, abs + "/Contents/Info.plist")) {
                bundle = abs;
            }
        } else {
            for (String name : extensions(files)) {
                String path = EXTENSIONS + "/" + name;
                if (spec.kext.equals(String.valueOf(infoPlist(files, path).get("CFBundleIdentifier")))) {
                    bundle = path;
                    break;
                }
            }
        }
        if (bundle == null) {
            inv.console().err("kextinfo: no kext bundle for '" + spec.kext + "' (a bundle identifier or a .kext path)");
            return 1;
        }
        Map<String, Object> plist = infoPlist(files, bundle);
        String id = String.valueOf(plist.get("CFBundleIdentifier"));
        print(inv, "Bundle ID:", id);
        print(inv, "Path:", bundle);
        print(inv, "Version:", String.valueOf(plist.getOrDefault("CFBundleVersion", "-")));
        List<String> classes = classes(plist);
        if (classes.isEmpty()) {
            print(inv, "Classes:", "(no IOKitPersonalities)");
        }
        int width = Math.max(40, inv.session().config().width()) - 11;
        boolean firstClass = true;
        for (String line : classes) {
            for (String part : WordUtils.wrap(line, width, "\n", false).split("\n")) {
                print(inv, firstClass ? "Classes:" : "", part);
                firstClass = false;
            }
        }
        String summary = LsCommand.summaryOf(files, bundle);
        String[] lines = WordUtils.wrap(summary == null ? "-" : summary, width, "\n", true).split("\n");
        for (int i = 0; i < lines.length; i++) {
            print(inv, i == 0 ? "Summary:" : "", lines[i]);
        }
        OSKext kext = inv.session().kernel().kexts().lookup(id);
        print(inv, "Loaded:", kext != null && kext.isLoaded() ? "yes (load tag " + kext.getLoadTag() + ")" : "no");
        return 0;
    }

    private static void print(Invocation inv, String label, String value) {
        inv.console().out(String.format(java.util.Locale.ROOT, "%-10s %s", label, value));
    }

    /** "IOClass on IOProviderClass, user client IOUserClientClass" per personality, deduplicated. */
    @SuppressWarnings("unchecked")
    static List<String> classes(Map<String, Object> plist) {
        Set<String> out = new LinkedHashSet<>();
        if (plist.get("IOKitPersonalities") instanceof Map<?, ?> personalities) {
            for (Object p : personalities.values()) {
                if (p instanceof Map<?, ?> m && m.get("IOClass") != null) {
                    Map<String, Object> pm = (Map<String, Object>) m;
                    String line = pm.get("IOClass") + " on " + pm.getOrDefault("IOProviderClass", "?");
                    if (pm.get("IOUserClientClass") != null) {
                        line += ", user client " + pm.get("IOUserClientClass");
                    }
                    out.add(line);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> extensions(FileSystem files) {
        try {
            return files.list(EXTENSIONS);
        } catch (FileSystem.FileError e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> infoPlist(FileSystem files, String bundle) {
        try {
            String text = files.read(bundle + "/Contents/Info.plist");
            Object parsed = Plist.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException | FileSystem.FileError e) {
            return Map.of();
        }
    }

    @Override
    public List<String> options() {
        return List.of("-h");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.BUNDLE_ID;
    }

    @Override
    public List<String> help() {
        return Cli.help(name(), new Spec());
    }
}
