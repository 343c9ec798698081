package kextshell.lab.run;

/**
 * A kernel object whose class the learner wrote: an IOService or IOUserClient subclass of the
 * model whose overridden virtuals run interpreted C++ when the learner's class defines them.
 */
interface LabObject {
    LabInstance lab();

    /**
     * The base class's body of a virtual ({@code super::name(args)}), or {@link #NOT_VIRTUAL} if
     * the kernel class has no overridable method of that name (then the plain kernel call applies).
     */
    Object superCall(String name, Object[] args);

    Object NOT_VIRTUAL = new Object();
}
