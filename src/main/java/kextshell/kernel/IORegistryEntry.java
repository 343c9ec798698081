package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of the IOService plane. Children keep attach order (IORegistryEntry::makeLink appends);
 * a LinkedHashSet keeps that order and lets 100,000 user clients detach in constant time each.
 * Each link retains both ends, as the OSArrays in makeLink do.
 */
public class IORegistryEntry extends OSObject {
    private long registryEntryID;
    private String name;
    private String location;
    final Map<String, Object> properties = new LinkedHashMap<>();
    final List<IORegistryEntry> parents = new ArrayList<>(1);
    final Set<IORegistryEntry> children = new LinkedHashSet<>();
    /** Links in the planes other than IOService (IODeviceTree, IOPower, IOUSB), made at boot. */
    private Map<String, Set<IORegistryEntry>> planeChildren;

    /** IORegistryEntry::init: takes the next registry id and a copy of the property table. */
    public boolean init(Map<String, Object> dictionary) {
        registryEntryID = kernel.nextRegistryID();
        if (dictionary != null) {
            properties.putAll(dictionary);
        }
        return true;
    }

    public final long getRegistryEntryID() {
        return registryEntryID;
    }

    /** The name set by setName, else the class name (IORegistryEntry::getName). */
    public final String getName() {
        return name != null ? name : metaClass.getClassName();
    }

    public final void setName(String newName) {
        this.name = newName;
    }

    public final String getLocation() {
        return location;
    }

    public final void setLocation(String newLocation) {
        this.location = newLocation;
    }

    public final Object getProperty(String key) {
        return properties.get(key);
    }

    public final void setProperty(String key, Object value) {
        properties.put(key, value);
    }

    public final void removeProperty(String key) {
        properties.remove(key);
    }

    public final Map<String, Object> getPropertyTable() {
        return Collections.unmodifiableMap(properties);
    }

    public final List<IORegistryEntry> getParentEntries() {
        return Collections.unmodifiableList(parents);
    }

    public final Set<IORegistryEntry> getChildEntries() {
        return Collections.unmodifiableSet(children);
    }

    /** IORegistryEntry::getChildIterator(plane): the IOService plane, or a plane linked at boot. */
    public final Set<IORegistryEntry> getChildEntries(String plane) {
        if (IOService.gIOServicePlane.equals(plane)) {
            return getChildEntries();
        }
        Set<IORegistryEntry> kids = planeChildren == null ? null : planeChildren.get(plane);
        return kids == null ? Set.of() : Collections.unmodifiableSet(kids);
    }

    /** IORegistryEntry::attachToParent(parent, plane) for another plane; each link holds a reference. */
    final void attachToParent(IORegistryEntry parent, String plane) {
        if (parent.planeChildren == null) {
            parent.planeChildren = new LinkedHashMap<>();
        }
        if (parent.planeChildren.computeIfAbsent(plane, p -> new LinkedHashSet<>()).add(this)) {
            parent.retain();
            retain();
        }
    }

    public final IORegistryEntry getParentEntry() {
        return parents.isEmpty() ? null : parents.get(0);
    }

    public final boolean isParent(IORegistryEntry parent, boolean onlyParent) {
        return onlyParent ? parents.size() == 1 && parents.get(0) == parent : parents.contains(parent);
    }

    public final boolean isChild(IORegistryEntry child) {
        return children.contains(child);
    }

    public final boolean isAttached() {
        return !parents.isEmpty();
    }

    /** IORegistryEntry::attachToParent: links both ways, each link holding a reference. */
    final boolean attachToParent(IORegistryEntry parent) {
        if (parents.contains(parent)) {
            return false;
        }
        parents.add(parent);
        kernel.registryChanged();
        parent.retain();
        parent.children.add(this);
        retain();
        return true;
    }

    final void detachFromParent(IORegistryEntry parent) {
        if (!parents.remove(parent)) {
            return;
        }
        parent.children.remove(this);
        kernel.registryChanged();
        // Drop the child's reference last: it may free this object.
        parent.release();
        release();
    }

    @Override
    public String toString() {
        return getName() + "[0x" + Long.toHexString(registryEntryID) + "]";
    }
}
