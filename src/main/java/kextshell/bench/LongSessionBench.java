package kextshell.bench;

import kextshell.shell.SessionFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.shell.Result;
import kextshell.shell.Session;

/**
 * Issue 15's long-session memory figure: ten rounds of {@code launch --count 100000}, an unload
 * and a {@code kill} of the (still running) daemons in one shell session, the heap measured after a full GC at rounds 1, 5 and 10. The journal and
 * log compact at command boundaries (Journal, KernelLog), so the heap must stay flat: round 10
 * within 64 MiB of round 1.
 */
final class LongSessionBench {
    static final int ROUNDS = 10;
    static final long FLAT_MIB = 64;

    private LongSessionBench() {
    }

    static List<Figure> run(SessionFactory sessions, int count) {
        Session session = sessions.create(kextshell.shell.SessionConfig.defaults());
        List<Figure> out = new ArrayList<>();
        long first = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            must(session, "sudo kextload /Library/Extensions/driver.kext");
            must(session, "launch --count " + count + " com_osxkernel_driver");
            must(session, "sudo kextunload -b com.osxkernel.driver");
            // the daemons outlive the driver (ps shows their DEAD connections); end the round without them
            int firstPid = session.kernel().userSpace().tasks().stream().filter(t -> t.alive())
                    .mapToInt(t -> t.pid()).min().orElse(0);
            for (int pid = firstPid; pid < firstPid + count; pid += 10_000) {
                StringBuilder kill = new StringBuilder("kill");
                for (int p = pid; p < Math.min(pid + 10_000, firstPid + count); p++) {
                    kill.append(' ').append(p);
                }
                must(session, kill.toString());
            }
            session.execute("whoami"); // one more command line: the boundary where compaction may run
            if (round == 1 || round == 5 || round == 10) {
                long heap = heapAfterGc();
                if (round == 1) {
                    first = heap;
                }
                String name = String.format(Locale.ROOT, "long session: heap after round %d (launch %,d + unload)",
                        round, count);
                out.add(round == ROUNDS
                        ? Figure.of(name, (heap >> 20) + " MiB", "<= round 1 + " + FLAT_MIB + " MiB",
                                heap <= first + (FLAT_MIB << 20))
                        : Figure.info(name, (heap >> 20) + " MiB"));
            }
        }
        out.add(Figure.info("long session: journal events held / written", session.kernel().journal().events().size()
                + " / " + session.kernel().journal().size()));
        out.add(Figure.info("long session: log lines held / written", session.kernel().log().lines().size()
                + " / " + session.kernel().log().size()));
        return out;
    }

    private static void must(Session session, String line) {
        Result r = session.execute(line);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("'" + line + "' failed: " + r.output().lines().findFirst().orElse(""));
        }
    }

    static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
