package kextshell.shell;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Issue 15 defect 7: {@code "sudo " x 8000 + "whoami"} overflowed the stack (status 70). */
class DeepSudoTest {
    @Test
    void D7_eightThousandSudosDoNotOverflowTheStack() throws InterruptedException {
        AtomicReference<Object> seen = new AtomicReference<>();
        // a small stack (256 KiB) so that any recursion per sudo would overflow, as the did
        Thread t = new Thread(null, () -> {
            try {
                seen.set(Kextshell.newSession().execute("sudo ".repeat(8000) + "whoami"));
            } catch (Throwable e) {
                seen.set(e);
            }
        }, "deep-sudo", 256 * 1024);
        t.start();
        t.join();
        assertEquals(new Result("root\n", 0), seen.get());
    }

    @Test
    void sudoChainsKeepTheirMeaning() {
        Session s = Kextshell.newSession();
        assertEquals(new Result("root\n", 0), s.execute("sudo -s sudo whoami"));
        assertEquals(1, s.execute("sudo sudo -x whoami").exitCode());
        assertEquals(new Result(java.util.List.of(new Result.Chunk(true, "usage: sudo -s | sudo command\n")), 1),
                s.execute("sudo sudo"));
    }
}
