package kextshell.kernel;

import java.util.List;

/**
 * What a kext request returns to user space: the OSReturn and the kernel log lines captured for
 * the request at its log filter, which the tools print as "(kernel) ..." lines.
 */
public record KextRequestResult(int result, List<String> kernelLines) {
    public boolean ok() {
        return result == IOReturn.kIOReturnSuccess;
    }
}
