package org.p2csync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default H2 file stays readable by a second process (the CLI) while the sync process holds it open: through
 * the sync, on a loopback port.
 */
class SecondProcessTest {
    @TempDir
    Path dataDir;

    @Test
    void anotherProcessReadsRunHistoryWhileTheStoreIsOpen() throws Exception {
        try (StateStore store = StateStore.openForSync(StateStore.h2(dataDir))) {
            String runId = store.runs().start("accounts");

            Process reader = new ProcessBuilder(List.of(
                            ProcessHandle.current().info().command().orElseThrow(),
                            "-cp", System.getProperty("java.class.path"),
                            PrintRecentRuns.class.getName(), dataDir.toString(), "accounts"))
                    .redirectErrorStream(true)
                    .start();
            String output = readAll(reader);

            assertThat(reader.exitValue()).as(output).isZero();
            assertThat(output).contains(runId + " Running");
        }
    }

    private static String readAll(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("second process did not exit: " + output);
        }
        return output;
    }
}
