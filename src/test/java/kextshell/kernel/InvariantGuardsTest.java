package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.function.BiConsumer;
import kextshell.kexts.SampleKexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 defect 8: 11 of the 12 freed-object (I2) guards and the structural I5 check could be
 * deleted with no test failing, and I6/I7 accepted any earlier detach or deferral. Each test here
 * breaks the rule on purpose and asserts the check names it.
 */
class InvariantGuardsTest {
    /** Each kernel-to-driver call, made on an object the test has freed. */
    enum Call {
        TERMINATE((uc, d) -> Calls.terminate(uc, 0)),
        REQUEST_TERMINATE((uc, d) -> Calls.requestTerminate(uc, d, 0)),
        TERMINATE_CLIENT((uc, d) -> Calls.terminateClient(uc, d, 0)),
        WILL_TERMINATE((uc, d) -> Calls.willTerminate(uc, d, 0)),
        DID_TERMINATE((uc, d) -> Calls.didTerminate(uc, d, 0, new boolean[1])),
        FINALIZE((uc, d) -> Calls.finalize(uc, 0)),
        STOP((uc, d) -> Calls.stop(uc, d)),
        DETACH((uc, d) -> Calls.detach(uc, d)),
        MESSAGE((uc, d) -> Calls.message(uc, IOOptions.kIOMessageServiceIsTerminated, d, null)),
        CLIENT_CLOSE((uc, d) -> Calls.clientClose(uc)),
        CLIENT_DIED((uc, d) -> Calls.clientDied(uc)),
        EXTERNAL_METHOD((uc, d) -> Calls.externalMethod(uc, 0, new long[0]));

        final BiConsumer<IOUserClient, IOService> call;

        Call(BiConsumer<IOUserClient, IOService> call) {
            this.call = call;
        }

        String method() {
            String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder b = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return b.toString();
        }
    }

    private static IOUserClient freedClient(KernelFixture f) {
        f.load(KernelFixture.DRIVER_ID);
        Task t = f.open(KernelFixture.DRIVER);
        IOUserClient uc = t.connections().get(0).client();
        while (!uc.isFreed()) {
            uc.release(); // freed behind the kernel's back: every later call into it is a bug
        }
        return uc;
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void I2_everyCallIntoAFreedObjectIsReported(Call call) {
        KernelFixture f = new KernelFixture();
        IOUserClient uc = freedClient(f);
        IOService driver = f.service(KernelFixture.DRIVER);
        try {
            call.call.accept(uc, driver);
        } catch (RuntimeException ignored) {
            // what the freed object does is undefined; the guard runs before it
        }
        assertTrue(f.k.violations().contains("I2 " + call.method() + " called on freed " + KernelFixture.CLIENT),
                call + ": " + f.k.violations());
    }

    @Test
    void I5_aLiveObjectWithNoReferenceLeftIsReportedByTheStructuralCheck() {
        KernelFixture f = new KernelFixture(new Kernel(0, SampleKexts.bundles(), EnumSet.of(Fault.RELEASE_WITHOUT_FREE)));
        f.load(KernelFixture.DRIVER_ID);
        Task t = f.open(KernelFixture.DRIVER);
        IOUserClient uc = t.connections().get(0).client();
        while (uc.getRetainCount() > 0) {
            uc.release();
        }
        assertEquals(List.of(), f.k.violations(), "no guard fired: only the structural check can see it");
        List<String> found = new java.util.ArrayList<>();
        Invariants.retainCounts(f.k, found);
        assertEquals(List.of("I5 " + KernelFixture.CLIENT + " retain 0"), found);
    }

    @Test
    void I6_aDetachFromAnActiveProviderDoesNotExplainALeftover() {
        KernelFixture f = new KernelFixture();
        f.load(KernelFixture.DRIVER_ID);
        Task t = f.open(KernelFixture.DRIVER);
        IOUserClient uc = t.connections().get(0).client();
        Calls.detach(uc, f.service(KernelFixture.DRIVER)); // journaled, but nobody is terminating
        List<String> found = new java.util.ArrayList<>();
        Invariants.accountedFor(f.k, found);
        assertEquals(List.of("I6 " + uc + " is live, active and outside the registry"), found);
    }

    @Test
    void I7_aDeferralOnAnotherObjectDoesNotExplainABusyService() {
        KernelFixture f = new KernelFixture();
        f.load(KernelFixture.DRIVER_ID);
        f.open(KernelFixture.DRIVER);
        IOService driver = f.service(KernelFixture.DRIVER);
        IOService other = f.k.serviceRoot();
        f.k.journal().state(EventName.STOP_DEFERRED, other, null, "someone else's deferral");
        driver.adjustBusy(1);
        List<String> found = new java.util.ArrayList<>();
        Invariants.busyCounts(f.k, found);
        assertTrue(found.contains("I7 " + driver + " busy (1) with no deferral of its own"), found.toString());
        f.k.journal().state(EventName.STOP_DEFERRED, driver, null, "its own");
        found.clear();
        Invariants.busyCounts(f.k, found);
        assertEquals(List.of(), found.stream().filter(l -> l.contains(driver.toString())).toList());
    }
}
