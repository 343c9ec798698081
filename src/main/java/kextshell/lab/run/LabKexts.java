package kextshell.lab.run;

import java.util.ArrayList;
import java.util.List;
import kextshell.kernel.KextBundle;

/** The emulated disk with a lab-built bundle on it. */
public final class LabKexts {
    private LabKexts() {
    }

    /** {@code disk} with {@code lab} in place of the bundle of the same identifier, or added at the end. */
    public static List<KextBundle> with(List<KextBundle> disk, KextBundle lab) {
        List<KextBundle> out = new ArrayList<>(disk.size() + 1);
        boolean replaced = false;
        for (KextBundle b : disk) {
            if (b.bundleId().equals(lab.bundleId())) {
                out.add(lab);
                replaced = true;
            } else {
                out.add(b);
            }
        }
        if (!replaced) {
            out.add(lab);
        }
        return List.copyOf(out);
    }
}
