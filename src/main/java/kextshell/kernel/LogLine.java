package kextshell.kernel;

/**
 * One kernel log line.
 *
 * @param timeNs virtual time it was written
 * @param sender the image that wrote it: {@code kernel} for xnu itself, else a kext's executable
 * @param text   the message without trailing newline
 * @param level  OSKextLog level (0 explicit .. 7 debug); IOLog lines use {@link KernelLog#IOLOG}
 */
public record LogLine(long timeNs, String sender, String text, int level) {
    /** How the unified log shows it: {@code kernel: (driver) text} or {@code kernel: text}. */
    public String message() {
        return sender.equals("kernel") ? text : "(" + sender + ") " + text;
    }
}
