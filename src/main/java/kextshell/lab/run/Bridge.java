package kextshell.lab.run;

import java.util.Map;
import kextshell.kernel.IOService;
import kextshell.kernel.OSObject;

/** Conversions between interpreted values and the Java model's arguments. */
final class Bridge {
    private Bridge() {
    }

    static IOService svc(Object v) {
        return v instanceof IOService s ? s : null;
    }

    static OSObject obj(Object v) {
        return v instanceof OSObject o ? o : null;
    }

    static int i(Object[] a, int idx) {
        return idx < a.length ? (int) Interp.toLong(a[idx]) : 0;
    }

    static Long b(boolean v) {
        return v ? 1L : 0L;
    }

    static boolean truthy(Object v) {
        return Interp.truthy(v);
    }

    /** A C {@code bool *} as the model's one-element array; written back by {@link #writeBack}. */
    static boolean[] boolArray(Object ref) {
        if (ref instanceof Values.BoolArrayRef r) {
            return r.array;
        }
        return new boolean[] {ref instanceof Values.Ref r && Interp.truthy(r.get())};
    }

    static void writeBack(Object ref, boolean[] array) {
        if (ref instanceof Values.Ref r && !(ref instanceof Values.BoolArrayRef)) {
            r.set(array[0] ? 1L : 0L);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dict(Object v) {
        return v instanceof Values.Dict d ? d.map() : null;
    }
}
