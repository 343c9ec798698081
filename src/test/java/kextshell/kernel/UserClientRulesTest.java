package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules R15–R19: connections, clientClose and clientDied (IOUserClient.cpp, iokit_rpc.c). */
class UserClientRulesTest {
    private static final String D = KernelFixture.DRIVER;

    private static KernelFixture loaded() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load(KernelFixture.DRIVER_ID).ok());
        return f;
    }

    @Test
    void R15_terminationDestroysThePortAndNoCloseOrDiedEverFollows() {
        KernelFixture f = loaded();
        Task t = f.open(D);
        int j = f.k.journal().size();
        f.unload(KernelFixture.DRIVER_ID);
        assertEquals("DEAD", t.connections().get(0).stateName());
        f.us.exit(t);
        assertEquals(IOReturn.MACH_SEND_INVALID_DEST, f.us.serviceClose(t, t.connections().get(0)));
        assertTrue(f.calls(j, "clientClose", "clientDied").isEmpty());
    }

    @Test
    void R16_firstCloseRunsClientCloseLaterOnesAreIgnored() {
        // A client that does not terminate itself in clientClose keeps its port alive.
        KernelFixture f = TestKexts.with(TestKexts.bundle("com.test.dflt", "DfltD", TestKexts.Driver::new,
                "DfltC", TestKexts.DefaultCloseClient::new, Map.of()));
        assertTrue(f.load("com.test.dflt").ok());
        Task t = f.open("DfltD");
        Connection c = t.connections().get(0);
        int j = f.k.journal().size();
        assertEquals(IOReturn.kIOReturnSuccess, f.us.ioServiceClose(c));
        assertEquals(IOReturn.kIOReturnSuccess, f.us.ioServiceClose(c));
        assertEquals(1, f.calls(j, "clientClose").size());
        String id = Long.toHexString(c.client().getRegistryEntryID());
        assertTrue(f.k.log().lines().stream().anyMatch(
                l -> l.text().equals("ignored is_io_service_close(0x" + id + ",DfltC)")));
    }

    @Test
    void R17_lastSendRightGoneGivesClientDiedThenClientClose() {
        KernelFixture f = loaded();
        Task t = f.open(D);
        int j = f.k.journal().size();
        f.us.exit(t); // kill -9
        assertEquals(List.of("clientDied", "clientClose"), f.calls(j, "clientDied", "clientClose").stream()
                .map(JournalEvent::what).toList());
        assertEquals(0, f.instances(KernelFixture.CLIENT), "the stock clientClose terminated it");
        // A clean close: the stock clientClose calls terminate(), whose phase 1 destroys the port,
        // so IOObjectRelease finds a dead name and no no-senders (hence no clientDied) follows.
        Task u = f.open(D);
        int k = f.k.journal().size();
        f.us.serviceClose(u, u.connections().get(0));
        assertEquals(List.of("clientClose"), f.calls(k, "clientDied", "clientClose").stream()
                .map(JournalEvent::what).toList());
        // A client whose clientClose keeps the port: the release's no-senders gives clientDied (NotReady).
        KernelFixture g = TestKexts.with(TestKexts.bundle("com.test.dflt", "DfltD", TestKexts.Driver::new,
                "DfltC", TestKexts.DefaultCloseClient::new, Map.of()));
        assertTrue(g.load("com.test.dflt").ok());
        Task w = g.open("DfltD");
        int m = g.k.journal().size();
        g.us.serviceClose(w, w.connections().get(0));
        assertEquals(List.of("clientClose", "clientDied"), g.calls(m, "clientDied", "clientClose").stream()
                .map(JournalEvent::what).toList());
    }

    @Test
    void R18_defaultClientCloseTearsNothingDown() {
        KernelFixture f = TestKexts.with(TestKexts.bundle("com.test.dflt", "DfltD", TestKexts.Driver::new,
                "DfltC", TestKexts.DefaultCloseClient::new, Map.of()));
        assertTrue(f.load("com.test.dflt").ok());
        Task t = f.open("DfltD");
        IOUserClient uc = t.connections().get(0).client();
        assertEquals(IOReturn.kIOReturnUnsupported, uc.clientClose());
        f.us.serviceClose(t, t.connections().get(0));
        assertTrue(uc.isAttached(), "still attached to the driver");
        assertFalse(uc.isInactive());
        assertEquals(1, f.instances("DfltC"));
    }

    @Test
    void R19_callsOnADeadPortFailInMachAndOnMappingsWithBadArgument() {
        KernelFixture f = loaded();
        Task t = f.open(D);
        Connection c = t.connections().get(0);
        assertEquals(IOReturn.kIOReturnSuccess, f.us.connectCall(t, c, 0));
        f.unload(KernelFixture.DRIVER_ID);
        assertEquals(IOReturn.MACH_SEND_INVALID_DEST, f.us.connectCall(t, c, 0));

        KernelFixture g = loaded();
        Task u = g.open(D);
        Connection m = u.connections().get(0);
        m.client().setHasMappings(true);
        g.unload(KernelFixture.DRIVER_ID);
        assertEquals("MAPPINGS", m.stateName());
        assertEquals(IOReturn.kIOReturnBadArgument, g.us.connectCall(u, m, 0));
        assertEquals(IOReturn.kIOReturnSuccess, g.us.ioServiceClose(m));
    }
}
