package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * CPU time and resident memory of the system's processes during a phase, read from /proc: CPU as a share of one
 * core (100 % = one core busy), memory as the peak RSS seen by once-a-second samples. A process counts with its
 * descendants, so PostgreSQL is the postmaster with its backends (their RSS summed, shared buffers included), but
 * not with descendants sampled on their own: the load generator's JVM is the parent of every service it started.
 */
final class ProcessSampler implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    record Usage(double cpuPercentOfOneCore, long peakRssMiB) {
    }

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private long startNanos;

    ProcessSampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    ProcessSampler start() {
        startNanos = System.nanoTime();
        pids.forEach((name, pid) -> startTicks.put(name, cpuTicks(name)));
        timer.scheduleAtFixedRate(this::sampleMemory, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    Map<String, Usage> stop() {
        timer.shutdownNow();
        sampleMemory();
        double seconds = Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = cpuTicks(name) - startTicks.getOrDefault(name, 0L);
            usage.put(name, new Usage(100.0 * ticks / TICKS_PER_SECOND / seconds, peakRss.getOrDefault(name, 0L)));
        });
        return usage;
    }

    private void sampleMemory() {
        pids.keySet().forEach(name -> peakRss.merge(name, rssMiB(name), Math::max));
    }

    private long cpuTicks(String name) {
        return tree(name).map(ProcessSampler::ownTicks).sum();
    }

    private long rssMiB(String name) {
        return tree(name).map(ProcessSampler::ownRssKiB).sum() / 1024;
    }

    /** The process and its descendants, leaving out the subtrees of the other sampled processes. */
    private LongStream tree(String name) {
        long root = pids.get(name);
        Set<Long> others = new HashSet<>(pids.values());
        others.remove(root);
        LongStream.Builder tree = LongStream.builder();
        Deque<ProcessHandle> pending = new ArrayDeque<>();
        ProcessHandle.of(root).ifPresent(pending::add);
        while (!pending.isEmpty()) {
            ProcessHandle process = pending.pop();
            tree.add(process.pid());
            process.children().filter(child -> !others.contains(child.pid())).forEach(pending::add);
        }
        return tree.build();
    }

    /** utime + stime. */
    private static long ownTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ownRssKiB(long pid) {
        try (var lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
