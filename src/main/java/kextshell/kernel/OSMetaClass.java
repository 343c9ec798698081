package kextshell.kernel;

import java.util.function.Supplier;

/**
 * Per-class runtime type information. Instance counting follows OSMetaClass::instanceConstructed
 * and instanceDestructed: a superclass's count moves only on a subclass's 0↔1 transitions, so a
 * superclass counts its own instances plus the subclasses that have any (R23).
 */
public final class OSMetaClass {
    private final String className;
    private final OSMetaClass superClass;
    private final OSKext kext;
    private final Supplier<? extends OSObject> factory;
    private final Kernel kernel;
    private int instanceCount;

    OSMetaClass(Kernel kernel, String className, OSMetaClass superClass, OSKext kext,
            Supplier<? extends OSObject> factory) {
        this.kernel = kernel;
        this.className = className;
        this.superClass = superClass;
        this.kext = kext;
        this.factory = factory;
    }

    public String getClassName() {
        return className;
    }

    public OSMetaClass getSuperClass() {
        return superClass;
    }

    /** The kext that defines the class; null for classes built into the kernel. */
    public OSKext getKext() {
        return kext;
    }

    public int getInstanceCount() {
        return instanceCount;
    }

    /** OSMetaClass::allocClassWithName: runs the constructor, which counts the instance. */
    public OSObject alloc() {
        if (factory == null) {
            return null;
        }
        OSObject obj = factory.get();
        obj.bind(kernel, this);
        return obj;
    }

    void instanceConstructed() {
        if (instanceCount++ == 0 && superClass != null) {
            superClass.instanceConstructed();
        }
    }

    void instanceDestructed() {
        if (instanceCount-- == 1 && superClass != null) {
            superClass.instanceDestructed();
        }
        if (instanceCount < 0) {
            kernel.log().kextLog(KernelLog.ERROR | KernelLog.LOAD | KernelLog.KEXT_BOOKKEEPING,
                    "OSMetaClass: Class " + className + " - bad retain (" + instanceCount + ")");
        }
    }

    /** OSMetaClassBase::metaCast: true if this class is {@code name} or derives from it. */
    public boolean conformsTo(String name) {
        for (OSMetaClass c = this; c != null; c = c.superClass) {
            if (c.className.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** IORegistryEntry:IOService:... as ioreg -i prints it, stopping before OSObject. */
    public String inheritance() {
        StringBuilder b = new StringBuilder();
        for (OSMetaClass c = this; c != null && !c.className.equals("OSObject"); c = c.superClass) {
            b.insert(0, b.length() == 0 ? c.className : c.className + ":");
        }
        return b.toString();
    }
}
