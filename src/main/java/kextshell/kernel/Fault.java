package kextshell.kernel;

/**
 * Deliberately broken kernel variants. They exist only so the robustness tests can prove each
 * invariant check is able to fail; a normal kernel has none of them switched on.
 */
public enum Fault {
    /** I1: IOServiceOpen also calls stop() on the new client while everything is active. */
    STOP_ACTIVE_CLIENT,
    /** I2: after an object is freed the kernel still sends it a message. */
    CALL_AFTER_FREE,
    /** I3: OSKext::unload skips the "classes have instances" check. */
    UNLOAD_WITH_INSTANCES,
    /** I4: OSObject::free forgets instanceDestructed. */
    SKIP_INSTANCE_DESTRUCTED,
    /** I5: IOServiceClose releases the user client one time too many. */
    DOUBLE_RELEASE,
    /** I5 (structural): the last release forgets to free, leaving a live object with retain count 0. */
    RELEASE_WITHOUT_FREE,
    /** I6: IOServiceOpen unlinks the new client from the registry without a detach. */
    DROP_WITHOUT_DETACH,
    /** I7: each terminate leaves the service root one busy count it never gives back. */
    LEAK_BUSY,
    /** I8: externalMethod throws instead of returning a code. */
    THROW_IN_CALL,
    /** I9: pids come from the host's identity hash, not the sequence. */
    NONDETERMINISTIC_PIDS
}
