package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** What the figures were measured on. */
record Machine(String cpu, int cores, long memoryMiB, String jvm, String os, LocalDate date) {

    static Machine current() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), LocalDate.now());
    }

    static String readCpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    static long readMemoryMiB() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replaceAll("\\D", "")) / 1024).orElse(-1L);
    }

    static Optional<String> procLine(Path file, String key) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String describe() {
        return "%s, %d cores, %,d MiB RAM, %s, %s".formatted(cpu, cores, memoryMiB, jvm, os);
    }
}
