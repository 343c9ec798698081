package kextshell.kexts;

/** A sample driver that counts its user clients (clientStarted/clientStopped in the listings). */
interface ClientCounter {
    void clientStarted();

    void clientStopped();
}
