package kextshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kextshell.kernel.Kernel;
import kextshell.kernel.KextBundle;
import kextshell.kernel.OSKext;
import kextshell.kernel.OSMetaClass;
import kextshell.kernel.Task;

/** Completion values the kernel knows: bundle ids, kext paths, class names and live pids. */
final class KernelCompletions {
    private KernelCompletions() {
    }

    static void install(Session session) {
        session.provideCompletionValues(CompletionKind.BUNDLE_ID, () -> bundleIds(session.kernel()));
        session.provideCompletionValues(CompletionKind.KEXT_PATH, () -> paths(session.kernel()));
        session.provideCompletionValues(CompletionKind.CLASS, () -> classes(session.kernel()));
        session.provideCompletionValues(CompletionKind.PID, () -> pids(session.kernel()));
    }

    private static List<String> bundleIds(Kernel k) {
        Set<String> ids = new LinkedHashSet<>();
        for (KextBundle b : k.kexts().bundlesOnDisk()) {
            ids.add(b.bundleId());
        }
        for (OSKext x : k.kexts().loaded()) {
            ids.add(x.getIdentifier());
        }
        return new ArrayList<>(ids);
    }

    private static List<String> paths(Kernel k) {
        List<String> out = new ArrayList<>();
        for (KextBundle b : k.kexts().bundlesOnDisk()) {
            out.add(b.path());
        }
        return out;
    }

    /** Classes defined now, plus those the kexts on disk would define (their personalities name them). */
    private static List<String> classes(Kernel k) {
        Set<String> out = new LinkedHashSet<>();
        for (OSMetaClass mc : k.allMetaClasses()) {
            out.add(mc.getClassName());
        }
        for (KextBundle b : k.kexts().bundlesOnDisk()) {
            for (kextshell.kernel.ClassSpec spec : b.classes()) {
                out.add(spec.name());
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> pids(Kernel k) {
        List<String> out = new ArrayList<>();
        for (Task t : k.userSpace().tasks()) {
            if (t.alive()) {
                out.add(Integer.toString(t.pid()));
            }
        }
        return out;
    }
}
