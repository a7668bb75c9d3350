package io.switchboard.images;

import java.nio.file.Path;

/** One binary package of the Debian archive at an exact version, downloaded as {@code deb}. */
record DebianPackage(String name, String version, String architecture, Path deb) {
}
