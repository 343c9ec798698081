package kextshell.kernel;

/** What a user client's connect port refers to (IOUserClient.cpp, destroyUserReferences). */
public enum PortState {
    /** The port names the user client: calls reach externalMethod. */
    LIVE,
    /** Re-pointed at the client's mappings set: calls fail with kIOReturnBadArgument. */
    MAPPINGS,
    /** Destroyed: the task holds a dead name and calls fail with MACH_SEND_INVALID_DEST. */
    DEAD
}
