package kextshell.kexts;

import static kextshell.kernel.IOOptions.kIOServiceRecursing;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.Mystery: the final challenge. Behaves as the stock driver, RetainProvider,
 * NaiveVeto, RobustVeto or KextRetain, as {@link MysteryStrategy#forSeed} picks from the kernel's
 * seed; each branch repeats the corresponding sample's listing (see those classes).
 */
public class com_osxkernel_MysteryDriver extends IOService implements ClientCounter {
    private int fClientCount;

    /** The strategy this kernel gives the kext: fixed for the whole boot. */
    MysteryStrategy strategy() {
        return MysteryStrategy.forSeed(kernel().seed());
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_MysteryDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        fClientCount = 0;
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_MysteryDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_MysteryDriver::terminate(IOOptionBits)");
        boolean refuse = switch (strategy()) {
            case NAIVE_VETO -> fClientCount > 0;
            case ROBUST_VETO -> {
                IOService provider = getProvider();
                boolean providerAlive = provider != null && !provider.isInactive();
                yield (options & kIOServiceRecursing) == 0 && providerAlive && fClientCount > 0;
            }
            default -> false;
        };
        if (refuse) {
            IOLog(getName() + ": " + fClientCount + " user client(s) connected, refusing to terminate");
            return false;
        }
        return super.terminate(options);
    }

    @Override
    public void clientStarted() {
        if (fClientCount++ == 0 && strategy() == MysteryStrategy.KEXT_RETAIN) {
            kernel().kexts().retainKextWithLoadTag(getKext().getLoadTag());
        }
    }

    @Override
    public void clientStopped() {
        if (fClientCount-- != 1) {
            return;
        }
        switch (strategy()) {
            case KEXT_RETAIN -> kernel().kexts().releaseKextWithLoadTag(getKext().getLoadTag());
            case ROBUST_VETO -> {
                if (!isInactive()) {
                    IOLog(getName() + ": last user client gone, terminating");
                    terminate();
                }
            }
            default -> {
            }
        }
    }
}
