package org.entente.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.entente.core.EntenteException;
import org.entente.core.text.TerminalText;

/**
 * Writes a text file all at once or not at all: into a hidden file beside it, forced to disk, then
 * moved over the target (replacing an older file of that name). A reader never sees half a file, and
 * a failure leaves the older file as it was. The file gets the permissions the user's umask gives a
 * new file (unlike {@code store-export}'s backups, which are the owner's only).
 */
final class AtomicFile {

    /** What writes the file's content. */
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes the file in UTF-8.
     *
     * @throws EntenteCli.UsageError when the path names a directory, or a directory that does not exist (exit code 2)
     * @throws EntenteException when the file cannot be written (exit code 1); nothing is left under a new name
     */
    static void write(Path file, Content content) {
        EntenteCli.requireDirectoryOf(file);
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new EntenteCli.UsageError(TerminalText.escape(file.toString()) + " is a directory; name a file to write");
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".partial");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new EntenteException("could not write " + TerminalText.escape(target.toString()) + " (" + e + ")", e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }
}
