package kextshell.lab;

import kextshell.shell.Session;
import kextshell.tools.kext.UserKexts;

/** The kext tools' view of the kexts the learner builds: {@code ~/NAME.kext} after {@code lab build NAME}. */
public final class LabUserKexts implements UserKexts {
    @Override
    public Found find(Session session, String absolutePath) {
        String name = LabBuild.nameOf(absolutePath, Session.HOME);
        if (name == null || !session.files().isDirectory(absolutePath)) {
            return null; // not a lab kext, or nothing there: kextload's own "not found"
        }
        LabBuild.Loaded loaded = LabBuild.load(new SessionLabFiles(session.files()), name, absolutePath);
        return new Found(loaded.bundle(), loaded.error(), loaded.kernelLines());
    }
}
