package kextshell.kexts;

import static kextshell.kernel.IOOptions.kIOServiceRecursing;

import kextshell.kernel.IOService;

/** The two veto tests of the sample kexts, each shared by an IOResources and a USB driver. */
final class Vetoes {
    private Vetoes() {
    }

    /** NaiveVeto: refuse whenever clients exist, so the provider's termination is refused too. */
    static boolean naive(IOService driver, int clients) {
        return refuseIf(clients > 0, driver, clients);
    }

    /**
     * RobustVeto: refuse only a direct request (kextunload, kextunload -c, another kext) while the
     * provider is alive and clients exist. Provider termination arrives through requestTerminate
     * with kIOServiceRecursing set and the provider already inactive, and is always honoured.
     */
    static boolean robust(IOService driver, int options, int clients) {
        IOService provider = driver.getProvider();
        boolean providerAlive = provider != null && !provider.isInactive();
        return refuseIf((options & kIOServiceRecursing) == 0 && providerAlive && clients > 0, driver, clients);
    }

    private static boolean refuseIf(boolean refuse, IOService driver, int clients) {
        if (refuse) {
            driver.kernel().log().ioLog(driver.getKext().getExecutable(),
                    driver.getName() + ": " + clients + " user client(s) connected, refusing to terminate");
        }
        return refuse;
    }
}
