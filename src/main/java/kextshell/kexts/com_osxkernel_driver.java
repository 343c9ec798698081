package kextshell.kexts;

/**
 * The question's driver (driver.kext, Sources/driver.cpp): an IOService on IOResources that
 * logs each callback it overrides and otherwise keeps IOKit's default behaviour.
 */
public class com_osxkernel_driver extends StockDriver {
}
