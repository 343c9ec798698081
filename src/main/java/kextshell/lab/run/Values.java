package kextshell.lab.run;

import java.util.ArrayList;
import java.util.List;
import kextshell.kernel.OSObject;
import kextshell.kernel.VirtualClock;

/**
 * The run-time values of the lab's C++ that are not plain numbers, strings or kernel objects.
 * Integers and bools are {@code Long}; NULL is {@code null}; an object pointer is the
 * {@link OSObject} itself.
 */
final class Values {
    private Values() {
    }

    /** Something {@code &x} can point at: a scalar local or field, or the kernel's {@code bool *defer}. */
    interface Ref {
        Object get();

        void set(Object v);
    }

    /** A variable: a local, a parameter, a field or a global. */
    static final class Cell implements Ref {
        Object value;
        final kextshell.lab.ast.Ast.Type type;

        Cell(Object value, kextshell.lab.ast.Ast.Type type) {
            this.value = value;
            this.type = type;
        }

        @Override
        public Object get() {
            return value;
        }

        @Override
        public void set(Object v) {
            value = Interp.normalize(type, v);
        }
    }

    /** The kernel's {@code bool *defer} (the model passes a one-element array). */
    static final class BoolArrayRef implements Ref {
        final boolean[] array;

        BoolArrayRef(boolean[] array) {
            this.array = array;
        }

        @Override
        public Object get() {
            return array[0] ? 1L : 0L;
        }

        @Override
        public void set(Object v) {
            array[0] = Interp.truthy(v);
        }
    }

    /** 0xdeadbeefdeadbeef: an uninitialised local pointer or a freed object's field (§4.1, §4.4). */
    enum Poison {
        DEADBEEF
    }

    /** The one os_log object a kext ever gets in the kernel (os_log_create returns it too). */
    enum OsLog {
        DEFAULT
    }

    /** The work loop getWorkLoop() returns: the model runs timers on the virtual clock. */
    enum WorkLoop {
        INSTANCE
    }

    /** {@code OSMemberFunctionCast(IOTimerEventSource::Action, this, &Class::method)}. */
    record MethodRef(String className, String method) {
    }

    /** The OSDictionary a kernel init() passed, handed back to super::init unchanged. */
    record Dict(java.util.Map<String, Object> map) {
    }

    /** An int[] the kernel passes as {@code SInt32 *score}. */
    static final class IntArrayRef implements Ref {
        final int[] array;

        IntArrayRef(int[] array) {
            this.array = array;
        }

        @Override
        public Object get() {
            return (long) array[0];
        }

        @Override
        public void set(Object v) {
            array[0] = (int) Interp.toLong(v);
        }
    }

    /** The IOExternalMethodArguments fields the lab reads. */
    record ExternalArgs(long selector, long[] scalarInput, long[] scalarOutput) {
    }

    /** An OSIterator over a snapshot of the service plane's children; its owner must release it. */
    static final class LabIterator {
        final List<OSObject> items;
        int index;
        int retains = 1;
        String creator = "";
        String source = "";

        LabIterator(List<? extends OSObject> items) {
            this.items = new ArrayList<>(items);
        }
    }

    /** An IOTimerEventSource: an owner, a bound method, and at most one armed virtual-clock timer. */
    static final class LabTimer {
        final OSObject owner;
        final MethodRef action;
        VirtualClock.Timer armed;
        boolean freed;
        int retains = 1;

        LabTimer(OSObject owner, MethodRef action) {
            this.owner = owner;
            this.action = action;
        }
    }
}
