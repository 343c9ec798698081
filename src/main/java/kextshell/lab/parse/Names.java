package kextshell.lab.parse;

import java.util.Set;

/** The type names the parser knows before it sees the learner's classes (§3.2 base, TYPEDEF, CLASS). */
public final class Names {
    private Names() {
    }

    public static final Set<String> BUILTIN = Set.of("void", "bool", "char", "int", "unsigned", "long", "short",
            "signed");

    public static final Set<String> TYPEDEFS = Set.of("IOReturn", "IOOptionBits", "UInt8", "UInt16", "UInt32",
            "SInt32", "UInt64", "SInt64", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int32_t", "int64_t",
            "OSReturn", "OSKextLoadTag", "task_t", "vm_size_t", "size_t", "os_log_t", "IOByteCount");

    public static final Set<String> KERNEL_CLASSES = Set.of("OSObject", "OSMetaClassBase", "OSIterator",
            "OSDictionary", "OSString", "OSArray", "OSSet", "IORegistryEntry", "IOService", "IOUserClient",
            "IOWorkLoop", "IOEventSource", "IOTimerEventSource", "IOUSBHostInterface",
            "IOExternalMethodArguments", "IOExternalMethodDispatch", "IORegistryPlane", "IOMemoryDescriptor");

    /** Keywords that may not be used as names. */
    public static final Set<String> KEYWORDS = Set.of("class", "public", "protected", "private", "virtual",
            "override", "const", "volatile", "static", "void", "bool", "int", "unsigned", "long", "char", "true",
            "false", "nullptr", "this", "if", "else", "while", "for", "switch", "case", "default", "break",
            "continue", "return", "enum", "struct", "union", "typedef", "namespace", "using", "template", "new",
            "delete", "try", "catch", "throw", "do", "goto", "auto", "operator", "sizeof", "short", "signed",
            "float", "double", "typeid", "dynamic_cast", "static_cast", "reinterpret_cast", "const_cast");
}
