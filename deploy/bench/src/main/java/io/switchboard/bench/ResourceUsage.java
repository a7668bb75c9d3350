package io.switchboard.bench;

import java.util.Map;

/**
 * What the system's processes used during one phase: CPU time and peak memory of each, and the peak memory of the
 * whole stack (every process but the load generator) as summed in one sample, and what PostgreSQL did meanwhile.
 */
record ResourceUsage(double seconds, Map<String, ProcessUsage> processes, Memory stackPeak, DatabaseActivity database) {

    /**
     * Resident memory two ways: RSS counts a page shared by several processes (PostgreSQL's shared buffers in
     * every backend) once per process; PSS divides it among them, so summed it is what the processes occupy.
     */
    record Memory(long rssKiB, long pssKiB) {
        static final Memory NONE = new Memory(0, 0);

        Memory plus(Memory other) {
            return new Memory(rssKiB + other.rssKiB, pssKiB + other.pssKiB);
        }

        /** Each figure's peak, possibly from different samples. */
        Memory max(Memory other) {
            return new Memory(Math.max(rssKiB, other.rssKiB), Math.max(pssKiB, other.pssKiB));
        }

        long rssMiB() {
            return rssKiB / 1024;
        }

        long pssMiB() {
            return pssKiB / 1024;
        }
    }

    record ProcessUsage(double cpuSeconds, Memory peak) {
    }

    /** 100 % = one core busy for the whole phase. */
    double cpuPercentOfOneCore(String process) {
        return 100 * processes.get(process).cpuSeconds() / seconds;
    }

    /** CPU time of every process but the load generator. */
    double stackCpuSeconds() {
        return processes.entrySet().stream().filter(e -> !e.getKey().equals(ProcessSampler.LOAD_GENERATOR))
                .mapToDouble(e -> e.getValue().cpuSeconds()).sum();
    }

    /** The stack's CPU as a share of all the machine's cores. */
    double stackCpuPercentOf(int cores) {
        return 100 * stackCpuSeconds() / seconds / cores;
    }
}
