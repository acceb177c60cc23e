package org.p2csync.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * One running sync per H2 state file: an operating-system lock on {@code <state>.sync.lock}, which also says who
 * holds it and on which loopback port it serves the state to readers ({@code status} while it runs). The operating
 * system drops the lock when the holder dies, kill -9 included, so a crash never leaves the state locked.
 */
final class LocalStateLock implements AutoCloseable {
    /** A reader's own brief probe of the lock can make a starting sync's first try fail. */
    private static final int TRIES = 10;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final SyncHolder holder;

    private LocalStateLock(Path file, FileChannel channel, FileLock lock, SyncHolder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    static Path fileOf(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".sync.lock");
    }

    /** @throws StateInUseException naming the holder when another sync has the state */
    static LocalStateLock acquire(Path stateFile, Instant now) {
        Path file = fileOf(stateFile);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw new StateInUseException("the state database " + stateFile + " is in use by another sync ("
                            + read(file).map(LocalStateLock::holderOf).map(SyncHolder::describe)
                                    .orElse("holder unknown") + "): stop it first, or give this one its own p2c.data");
                }
                SyncHolder holder = SyncHolder.current(now);
                LocalStateLock held = new LocalStateLock(file, channel, lock, holder);
                held.publish(null);
                return held;
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the state database " + stateFile + " (" + file + ")", e);
        }
    }

    /**
     * The loopback port of the sync that holds the state right now, if one does and serves it; empty when no other
     * process holds it (then a reader opens the file itself).
     */
    static Optional<Integer> servingPort(Path stateFile) {
        Path file = fileOf(stateFile);
        long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        while (heldByAnotherProcess(file)) {
            Optional<Properties> holder = read(file);
            Optional<Integer> port = holder.map(p -> p.getProperty("port", "")).filter(p -> !p.isEmpty())
                    .map(Integer::valueOf);
            if (port.isPresent()) {
                return port;
            }
            // a sync that has just taken the lock publishes its port once its state is open
            if (System.nanoTime() > deadline) {
                throw new StateInUseException("the state database " + stateFile + " is held by a sync ("
                        + holder.map(LocalStateLock::holderOf).map(SyncHolder::describe).orElse("holder unknown")
                        + ") that does not serve it to other commands (its log says why); try again once it stopped");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static final java.time.Duration PORT_WAIT = java.time.Duration.ofSeconds(15);

    /** True while some sync (another process, or this one) holds the state file. */
    static boolean held(Path stateFile) {
        return probe(fileOf(stateFile)) != Holder.NONE;
    }

    private static boolean heldByAnotherProcess(Path file) {
        // held in this JVM: its readers share the open database in-process
        return probe(file) == Holder.OTHER_PROCESS;
    }

    private enum Holder { NONE, THIS_PROCESS, OTHER_PROCESS }

    private static Holder probe(Path file) {
        if (!Files.exists(file)) {
            return Holder.NONE;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return Holder.OTHER_PROCESS;
            }
            probe.release();
            return Holder.NONE;
        } catch (OverlappingFileLockException thisProcess) {
            return Holder.THIS_PROCESS;
        } catch (IOException e) {
            return Holder.NONE;
        }
    }

    /** Writes who holds the state, and the port readers connect to (null: none served). */
    void publish(Integer port) throws IOException {
        String text = "host=" + holder.host() + "\npid=" + holder.pid() + "\nsince=" + holder.since() + "\nport="
                + (port == null ? "" : port) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null || attempt == TRIES) {
                    return lock;
                }
            } catch (OverlappingFileLockException sameProcess) {
                if (attempt == TRIES) {
                    return null;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static Optional<Properties> read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return p.isEmpty() ? Optional.empty() : Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SyncHolder holderOf(Properties p) {
        return new SyncHolder(p.getProperty("host", "?"), Long.parseLong(p.getProperty("pid", "-1")),
                Instant.parse(p.getProperty("since", Instant.EPOCH.toString())));
    }
}
