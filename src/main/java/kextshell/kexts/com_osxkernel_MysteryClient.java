package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.Mystery's user client: the counting stock client; under the RetainProvider
 * strategy it also retains the driver in start() and releases it only in clientClose(), as
 * {@link com_osxkernel_RetainProviderClient} does.
 */
public class com_osxkernel_MysteryClient extends CountingUserClient {
    private IOService fRetainedProvider;

    @Override
    public boolean start(IOService provider) {
        if (!super.start(provider)) {
            return false;
        }
        if (provider instanceof com_osxkernel_MysteryDriver d && d.strategy() == MysteryStrategy.RETAIN_PROVIDER) {
            provider.retain();
            fRetainedProvider = provider;
        }
        return true;
    }

    @Override
    public int clientClose() {
        if (fRetainedProvider != null) {
            fRetainedProvider.release();
            fRetainedProvider = null;
        }
        return super.clientClose();
    }
}
