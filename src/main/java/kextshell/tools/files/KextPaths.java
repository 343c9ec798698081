package kextshell.tools.files;

import java.util.ArrayDeque;
import java.util.Deque;
import kextshell.kernel.KextBundle;
import kextshell.kernel.Kernel;

/** How the tools turn a kext argument into a bundle: CFURLCreateFromFileSystemRepresentation + OSKextCreate. */
public final class KextPaths {
    /**
     * The session has no working directory yet; its prompt shows {@code ~}, so relative paths are
     * resolved against the learner's home, as a shell started in the home folder would.
     */
    public static final String CWD = "/Users/learner";

    private KextPaths() {
    }

    /** The absolute, normalised path (what CFURLGetFileSystemRepresentation with resolveToBase gives). */
    public static String absolute(String path) {
        String full = path.startsWith("/") ? path : CWD + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : full.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** OSKextCreate: the bundle at that path, or null. */
    public static KextBundle bundle(Kernel kernel, String path) {
        return kernel.kexts().bundleAtPath(absolute(path));
    }

    /** stat(): the path is one of the folders the VFS has, or inside a bundle's Contents. */
    public static boolean exists(Kernel kernel, String path) {
        String abs = absolute(path);
        if (abs.equals("/") || abs.equals("/Library") || abs.equals("/Library/Extensions") || abs.equals("/Users")
                || abs.equals(CWD)) {
            return true;
        }
        for (KextBundle b : kernel.kexts().bundlesOnDisk()) {
            if (abs.equals(b.path()) || abs.startsWith(b.path() + "/Contents") && (abs.equals(b.path() + "/Contents")
                    || abs.equals(b.path() + "/Contents/Info.plist") || abs.equals(b.path() + "/Contents/MacOS"))) {
                return true;
            }
        }
        return false;
    }
}
