package kextshell.kernel;

/**
 * An io_connect_t held by a task: a send right (by name) to a user client's connect port.
 * After IOServiceClose the name is released and {@link #released()} is true.
 */
public final class Connection {
    private final int name;
    private final IOUserClient client;
    private final String serviceClass;
    private final IOService service;
    private boolean released;

    Connection(int name, IOUserClient client, String serviceClass, IOService service) {
        this.name = name;
        this.client = client;
        this.serviceClass = serviceClass;
        this.service = service;
    }

    /**
     * The io_service_t the task opened: a send right to the service's object port, not to the
     * user client. IOServiceClose releases only the connect port, so this handle survives it (R27).
     */
    public IOService service() {
        return service;
    }

    /** The Mach port name in the task, as user space sees the io_connect_t. */
    public int name() {
        return name;
    }

    public IOUserClient client() {
        return client;
    }

    /** The class the task asked IOServiceMatching for. */
    public String serviceClass() {
        return serviceClass;
    }

    public boolean released() {
        return released;
    }

    void release() {
        released = true;
    }

    /** LIVE, DEAD or MAPPINGS as the task would find out; a released name is CLOSED. */
    public String stateName() {
        return released ? "CLOSED" : client.portState().name();
    }
}
