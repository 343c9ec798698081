package kextshell.tools.files;

import kextshell.kernel.KextBundle;
import kextshell.kernel.Kernel;
import kextshell.shell.Session;

/** How the tools turn a kext argument into a bundle: CFURLCreateFromFileSystemRepresentation + OSKextCreate. */
public final class KextPaths {
    private KextPaths() {
    }

    /**
     * The absolute, normalised path (what CFURLGetFileSystemRepresentation with resolveToBase
     * gives), relative paths taken from the shell's current directory like any other file argument.
     */
    public static String absolute(String cwd, String path) {
        return Vfs.resolve(cwd, path);
    }

    /** OSKextCreate: the bundle at that path, or null. */
    public static KextBundle bundle(Kernel kernel, String cwd, String path) {
        return kernel.kexts().bundleAtPath(absolute(cwd, path));
    }

    /** stat(): the path is one of the folders the VFS has, or inside a bundle's Contents. */
    public static boolean exists(Kernel kernel, String cwd, String path) {
        String abs = absolute(cwd, path);
        if (abs.equals("/") || abs.equals("/Library") || abs.equals("/Library/Extensions") || abs.equals("/Users")
                || abs.equals(Session.HOME)) {
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
