package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A read-only database is refused without leaving a {@code -shm} file behind, so the learner gets in again
 * once the permissions are fixed; a read-only {@code -shm} an earlier version left is repaired. File
 * permissions do not bind root, so as root the scenario runs in a child JVM as the user "nobody".
 */
class ReadOnlyDatabaseTest {

    private Path work;

    @AfterEach
    void cleanUp() throws Exception {
        if (work != null) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The class path, copied where "nobody" can read it (root's Maven repository is private). */
    private String readableClassPath(Path into) throws Exception {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            if (Files.isDirectory(from)) {
                if (!from.endsWith("classes") && !from.endsWith("test-classes")) {
                    continue;
                }
                Path to = into.resolve("dir" + i++);
                try (Stream<Path> walk = Files.walk(from)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        String rel = from.relativize(p).toString();
                        if (!rel.isEmpty() && !rel.startsWith("org") && !rel.startsWith("META-INF")) {
                            continue; // lessons and audio the scenario does not need
                        }
                        Path t = to.resolve(rel);
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                entries.add(to.toString());
            } else if (from.getFileName().toString().startsWith("sqlite-jdbc")
                    || from.getFileName().toString().startsWith("slf4j")) {
                Path to = into.resolve(from.getFileName());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                entries.add(to.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void aReadOnlyDatabaseIsRefusedLeavesNoShmAndOpensOnceWritableAgain() throws Exception {
        work = Files.createTempDirectory("cr-readonly");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(work.resolve("data"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> command = new ArrayList<>();
        if (root()) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "runs as root without setpriv to become nobody");
            UserPrincipal nobody = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(data, nobody);
            Files.setOwner(tmp, nobody);
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cp = root() ? readableClassPath(Files.createDirectories(work.resolve("cp"))) : System.getProperty("java.class.path");
        if (root()) {
            try (Stream<Path> walk = Files.walk(work.resolve("cp"))) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        command.addAll(List.of(java.toString(), "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + tmp, "-cp", cp,
                ReadOnlyDatabaseMain.class.getName(), data.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().filter(l -> !l.startsWith("SLF4J")).toList();
        Path db = data.resolve("cr.db");
        assertThat(lines).as(out).contains("Ana: ok 1");
        assertThat(lines).as(out).anySatisfy(l -> assertThat(l).startsWith("Ben: refused the learner database file " + db
                + " is read-only").contains("chmod u+w").contains("Nothing was changed"));
        assertThat(lines).as("no -wal or -shm left by the refused open").contains("files: cr.db");
        assertThat(lines).as(out).contains("Cy: ok 2");
        assertThat(lines).as("the old way of failing leaves a read-only -shm").anySatisfy(l ->
                assertThat(l).startsWith("left: ").contains("cr.db-shm"));
        assertThat(lines).as("the learner gets in anyway").contains("Dee: ok 3");

        Path locked = data.resolve("locked");
        assertThat(lines).as(out).contains("Eve: ok 1");
        for (String who : List.of("Fay", "Gus")) {
            assertThat(lines).as(out).anySatisfy(l -> assertThat(l).startsWith(who + ": refused the folder " + locked
                    + " that holds the learner database is read-only").doesNotContain("database file"));
        }
        assertThat(lines).as("nothing was created in the read-only folder").contains("locked: old.db");
        assertThat(lines).as(out).contains("Hal: ok 2");
    }
}
