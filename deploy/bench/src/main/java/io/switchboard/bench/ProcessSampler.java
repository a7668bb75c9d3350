package io.switchboard.bench;

import io.switchboard.runtime.PostgresNode;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * CPU time and resident memory of the system's processes during a phase, read from /proc; memory as the peaks
 * of once-a-second samples of RSS and of every tenth for PSS. A process counts with its descendants, so
 * PostgreSQL is the postmaster with its backends, but not with descendants sampled on their own: the load
 * generator's JVM is the parent of every service it started. PostgreSQL's own account of the phase comes with it
 * ({@link DatabaseActivity}).
 */
final class ProcessSampler implements AutoCloseable {

    static final String LOAD_GENERATOR = "load generator";
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /**
     * PSS comes from smaps_rollup, which walks a process's page tables under its memory-map lock: 150 ms of CPU for
     * the stack's 32 processes on a 2-core machine (2026-12-03), 15 % of a core once a second taken from the system
     * measured, and its page faults wait meanwhile. RSS (from status) is a counter; PSS moves slowly.
     */
    private static final int PSS_EVERY = 10;

    private final Map<String, Long> pids;
    private final PostgresNode postgres;
    private final Map<String, Long> startTicks = new HashMap<>();
    private final Map<String, ResourceUsage.Memory> peaks = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ResourceUsage.Memory stackPeak = ResourceUsage.Memory.NONE;
    private long startNanos;
    private DatabaseActivity startDatabase;
    private int samples;

    ProcessSampler(SwitchboardStack stack) {
        this.pids = processes(stack);
        this.postgres = stack.postgres();
    }

    /** Samples the stack for {@code duration} while it does whatever it does on its own. */
    static ResourceUsage measure(SwitchboardStack stack, Duration duration) throws InterruptedException {
        try (ProcessSampler sampler = new ProcessSampler(stack).start()) {
            Thread.sleep(duration.toMillis());
            return sampler.stop();
        }
    }

    /** The broker, PostgreSQL's postmaster, the services, and this JVM as the load generator. */
    private static Map<String, Long> processes(SwitchboardStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", stack.kafka().pid());
        stack.postgres().pid().ifPresent(pid -> pids.put("postgresql", pid));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            pids.put(spec.name(), stack.service(spec.name()).pid());
        }
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return pids;
    }

    synchronized ProcessSampler start() {
        startDatabase = DatabaseActivity.read(postgres);
        startNanos = System.nanoTime();
        pids.keySet().forEach(name -> startTicks.put(name, cpuTicks(name)));
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    synchronized ResourceUsage stop() {
        timer.shutdownNow();
        sample(true);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, ResourceUsage.ProcessUsage> usage = new LinkedHashMap<>();
        pids.keySet().forEach(name -> usage.put(name, new ResourceUsage.ProcessUsage(
                (double) (cpuTicks(name) - startTicks.get(name)) / TICKS_PER_SECOND, peaks.get(name))));
        return new ResourceUsage(seconds, usage, stackPeak, DatabaseActivity.read(postgres).since(startDatabase));
    }

    private synchronized void sample() {
        sample(samples++ % PSS_EVERY == 0);
    }

    private synchronized void sample(boolean withPss) {
        ResourceUsage.Memory stack = ResourceUsage.Memory.NONE;
        for (String name : pids.keySet()) {
            ResourceUsage.Memory memory = tree(name).mapToObj(pid -> ownMemory(pid, withPss))
                    .reduce(ResourceUsage.Memory.NONE, ResourceUsage.Memory::plus);
            peaks.merge(name, memory, ResourceUsage.Memory::max);
            if (!name.equals(LOAD_GENERATOR)) {
                stack = stack.plus(memory);
            }
        }
        stackPeak = stackPeak.max(stack);
    }

    private long cpuTicks(String name) {
        return tree(name).map(ProcessSampler::ownTicks).sum();
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

    /**
     * utime + stime, plus cutime + cstime: the time of children that ended and were reaped, such as PostgreSQL
     * backends of closed connections, which the tree no longer shows.
     */
    private static long ownTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return IntStream.rangeClosed(11, 14).mapToLong(field -> Long.parseLong(fields[field])).sum();
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }

    /** RSS, and PSS when asked for ({@link #PSS_EVERY}); zero for what is not read, which the peaks ignore. */
    private static ResourceUsage.Memory ownMemory(long pid, boolean withPss) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        return new ResourceUsage.Memory(kib(proc.resolve("status"), "VmRSS:"),
                withPss ? kib(proc.resolve("smaps_rollup"), "Pss:") : 0);
    }

    private static long kib(Path file, String field) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
