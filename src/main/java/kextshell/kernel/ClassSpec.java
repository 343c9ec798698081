package kextshell.kernel;

import java.util.function.Supplier;

/**
 * One C++ class a kext defines: what OSDefineMetaClassAndStructors(name, superName) registers.
 */
public record ClassSpec(String name, String superName, Supplier<? extends OSObject> factory) {
}
