package io.trailwatch.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts daemon child JVMs for a test and kills those still running when it ends, passed or failed:
 * {@code @RegisterExtension final DaemonProcesses daemons = new DaemonProcesses();}.
 */
final class DaemonProcesses implements AfterEachCallback {

    private final List<DaemonProcess> started = new ArrayList<>();

    /** Starts {@code trailwatch run --config config}, its output appended to {@code log}. */
    DaemonProcess start(Path config, Path log) throws IOException {
        DaemonProcess daemon = new DaemonProcess(config, log).start();
        started.add(daemon);
        return daemon;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (DaemonProcess daemon : started) {
            daemon.close();
        }
        started.clear();
    }
}
