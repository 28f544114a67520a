package org.entente.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;

/**
 * A small file beside an H2 store ({@code entente.head}) holding the highest event position known to
 * be committed, written on close and after each batch. H2 opens a truncated file, or an older copy of
 * it, as the older state it finds in it (even as an empty database); the mark tells such a file from
 * a store that really holds less. Events are never deleted, so the head only grows: a store whose
 * head is below its mark has lost committed events. The mark lags after a kill (it is a lower bound),
 * which is enough.
 */
final class HeadMark {

    static final String FILE = "entente.head";
    private static final String PREFIX = "head=";

    private final Path file;
    private volatile long written = Long.MIN_VALUE;

    HeadMark(Path directory) {
        this.file = directory.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** The position the mark holds, empty when there is no mark (or it cannot be read as one). */
    OptionalLong read() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(PREFIX)) {
                    return OptionalLong.of(Long.parseLong(line.substring(PREFIX.length()).trim()));
                }
            }
            return OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Records {@code head} if it is beyond what this mark last wrote; a failure to write is not an error of the write it follows. */
    void advance(long head) {
        if (head < 0 || head <= written) {
            return;
        }
        Path temp = file.resolveSibling(FILE + ".tmp");
        String text = "# Entente: the highest event position committed in this store. A store file whose events end\n"
                + "# before it was truncated or replaced by an older copy; delete this file only if you did that on purpose.\n"
                + PREFIX + head + "\n";
        try {
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            written = head;
        } catch (IOException e) {
            // The mark is a safety net: a full disk must not turn a committed write into a failure.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
