package kextshell.tools.kext;

import kextshell.kernel.IOReturn;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelLog;
import kextshell.kernel.KextBundle;
import kextshell.shell.Invocation;
import kextshell.tools.files.KextPaths;

/**
 * OSKextCreate for a kext path, as kextload, kextutil and kextunload call it: a bundle in the
 * system image, else one the learner built in the driver lab ({@link UserKexts}), which kextd then
 * knows about like any bundle it found on disk.
 */
final class KextLookup {
    /** A bundle, or null with the OSReturn kextd would answer (0 when the path names no kext at all). */
    record Found(KextBundle bundle, int failure) {
    }

    private KextLookup() {
    }

    static Found find(Invocation inv, String path) {
        Kernel kernel = inv.session().kernel();
        String cwd = inv.session().cwd();
        KextBundle image = KextPaths.bundle(kernel, cwd, path);
        if (image != null) {
            return new Found(image, 0);
        }
        UserKexts.Found user = UserKexts.of(inv.session()).find(inv.session(), KextPaths.absolute(cwd, path));
        if (user == null) {
            return new Found(null, 0);
        }
        if (user.linkFailed()) {
            // OSKext::loadExecutable: kxld's lines, then "Can't load kext %s - link failed."
            user.kernelLines().forEach(line -> kernel.log().kextLog(KernelLog.ERROR, line));
            kernel.log().kextLog(KernelLog.ERROR, user.message());
            return new Found(null, IOReturn.kOSKextReturnLinkError);
        }
        if (user.bundle() == null) {
            inv.console().err("kextshell: " + user.message());
            return new Found(null, 0);
        }
        kernel.kexts().addBundleOnDisk(user.bundle());
        return new Found(user.bundle(), 0);
    }
}
