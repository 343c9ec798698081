package kextshell.kexts;

/**
 * com.osxkernel.ListenerStop's driver: the stock driver; the kext's lever is in its module stop
 * routine ({@link ListenerStopModule}). Port of ListenerStop.kext/Contents/Sources/ListenerStop.cpp.
 */
public class com_osxkernel_ListenerStopDriver extends StockDriver {
}
