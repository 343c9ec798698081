package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A user-space process: a pid, a name, its connections and the IOKit messages it has received. */
public final class Task {
    private final int pid;
    private final String name;
    private final List<Connection> connections = new ArrayList<>(1);
    private final List<String> received = new ArrayList<>();
    private final Kernel kernel;
    private boolean alive = true;
    private int nextPortName = 0x1003;
    private int linkedOwners;

    Task(Kernel kernel, int pid, String name) {
        this.kernel = kernel;
        this.pid = pid;
        this.name = name;
    }

    public int pid() {
        return pid;
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return alive;
    }

    public List<Connection> connections() {
        return Collections.unmodifiableList(connections);
    }

    Connection addConnection(IOUserClient client, IOService service) {
        Connection c = new Connection(nextPortName, client, service.getMetaClass().getClassName(), service);
        nextPortName += 0x100;
        connections.add(c);
        return c;
    }

    void ownerUnlinked(IOUserClient client) {
        linkedOwners--;
    }

    void ownerLinked() {
        linkedOwners++;
    }

    int linkedOwners() {
        return linkedOwners;
    }

    void exited() {
        alive = false;
    }

    /** A general-interest message (IOServiceAddInterestNotification) arrives for this task. */
    void deliverMessage(IOService service, int type) {
        if (!alive) {
            return;
        }
        String line = "[pid " + pid + "] " + name + ": message " + IOOptions.messageName(type) + " ("
                + IOReturn.hex(type) + ") from " + service.getName();
        received.add(line);
        kernel.userSpace().notice(line);
    }

    public List<String> receivedMessages() {
        return Collections.unmodifiableList(received);
    }
}
