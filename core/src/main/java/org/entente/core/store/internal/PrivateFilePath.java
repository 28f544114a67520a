package org.entente.core.store.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * Internal, not API. H2's files on disk, each created owner-only ({@code 0600}, directories {@code 0700})
 * whatever the process's umask: the database file, the trace file ({@code .trace.db}), the file that
 * compaction writes and renames, and temporary files. An H2 URL names it by its scheme,
 * {@code jdbc:h2:entente-private:/absolute/path}. A file opened for writing that exists already is
 * narrowed to {@code 0600} too, so stores written by versions before this one become private on their
 * next open. On file systems without POSIX permissions it changes nothing.
 *
 * <p>Public only because H2 instantiates file-system wrappers by reflection.
 */
public final class PrivateFilePath extends FilePathWrapper {

    /** The URL scheme this file system answers to. */
    public static final String SCHEME = "entente-private";

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    static {
        FilePath.register(new PrivateFilePath());
    }

    /** Registers this file system with H2 (once; later calls do nothing). */
    public static void register() {
        // the static initializer registers it
    }

    /** For H2's reflection only. */
    public PrivateFilePath() {
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            createPrivately();
        }
        return super.open(mode);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createPrivately();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        boolean created = super.createFile();
        if (created) {
            narrow(path(), FILE);
        }
        return created;
    }

    @Override
    public void createDirectory() {
        super.createDirectory();
        narrow(path(), DIRECTORY);
    }

    @Override
    public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
        FilePath temp = super.createTempFile(suffix, inTempDir);
        narrow(disk(temp), FILE);
        return temp;
    }

    /** Creates the file owner-only if missing, and narrows an existing one to owner-only. */
    private void createPrivately() throws IOException {
        Path file = path();
        if (!Files.exists(file)) {
            Path parent = file.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, attributes(file));
            } catch (FileAlreadyExistsException e) {
                // created meanwhile by another thread: narrowed below
            }
        }
        narrow(file, FILE);
    }

    private static FileAttribute<?>[] attributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Sets exactly these permissions (creation modes go through the umask; this does not). */
    private static void narrow(Path path, Set<PosixFilePermission> permissions) {
        try {
            if (posix(path) && Files.exists(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not ours to change (another owner) or no POSIX permissions: H2 goes on with the file as it is.
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private Path path() {
        return disk(getBase());
    }

    /** The file on disk under any wrappers (tests put one under this one to fail writes on demand). */
    private static Path disk(FilePath path) {
        FilePath p = path;
        for (FilePath u = p.unwrap(); u != p; u = p.unwrap()) {
            p = u;
        }
        return Path.of(p.toString());
    }
}
