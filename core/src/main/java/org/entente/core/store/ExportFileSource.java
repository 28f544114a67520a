package org.entente.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.core.EntenteException;

/** An export file: its lines, numbered from 1 (the format line). */
final class ExportFileSource implements CopySource {
    private final Path file;
    private String format;
    private StoreCopy.Manifest manifest;
    private long manifestLine;
    private long lastLine;

    ExportFileSource(Path file) {
        this.file = file;
    }

    /** Whether the file read last ended with a manifest (false for the earlier format). */
    boolean hasManifest() {
        return manifest != null;
    }

    @Override
    public boolean fromFile() {
        return true;
    }

    @Override
    public Rows open() {
        BufferedReader reader;
        try {
            reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            throw new EntenteException("could not read " + file + ": " + e.getMessage(), e);
        }
        manifest = null;
        return new Rows() {
            long number;

            @Override
            public ExportLines.Row next() {
                while (true) {
                    String line = read();
                    if (line == null) {
                        lastLine = number;
                        return null;
                    }
                    if (number == 1) {
                        if (!StoreCopy.FORMAT.equals(line) && !StoreCopy.FORMAT_2.equals(line) && !StoreCopy.FORMAT_1.equals(line)) {
                            throw new BackupRejectedException(1, "expected '" + StoreCopy.FORMAT + "' (or '" + StoreCopy.FORMAT_2 + "' or '"
                                    + StoreCopy.FORMAT_1 + "' of earlier versions), found '" + ExportLines.abbreviate(line)
                                    + "'; not an Entente store export");
                        }
                        format = line;
                        continue;
                    }
                    if (manifest != null) {
                        throw new BackupRejectedException(number, "a line after the manifest (line " + manifestLine
                                + "), which ends an export: " + ExportLines.abbreviate(line));
                    }
                    ExportLines.Parsed parsed = ExportLines.decode(line, number);
                    if (parsed.manifest() != null) {
                        if (StoreCopy.FORMAT_1.equals(format)) {
                            throw new BackupRejectedException(number, "a manifest in a file of format " + StoreCopy.FORMAT_1 + ", which has none");
                        }
                        if (parsed.manifest().format() != version()) {
                            throw new BackupRejectedException(number, "a manifest of format " + parsed.manifest().format()
                                    + " in a file of format " + format);
                        }
                        manifest = parsed.manifest();
                        manifestLine = number;
                        continue;
                    }
                    if (parsed.row().table() == CopiedTable.ORGANISATIONS && version() < 3) {
                        throw new BackupRejectedException(number, "an " + OrganisationRegistry.TABLE + " row in a file of format "
                                + format + ", which has none (organisations travel from " + StoreCopy.FORMAT + ")");
                    }
                    return parsed.row();
                }
            }

            private String read() {
                try {
                    String line = reader.readLine();
                    if (line != null) {
                        number++;
                    } else if (number == 0) {
                        throw new BackupRejectedException(1, "the file is empty; expected '" + StoreCopy.FORMAT + "'");
                    }
                    return line;
                } catch (CharacterCodingException e) {
                    throw new BackupRejectedException(number + 1, "not UTF-8 text (" + e + ")");
                } catch (IOException e) {
                    throw new EntenteException("could not read " + file + " after line " + number + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // read only
                }
            }
        };
    }

    /** The version of the file's format line: 1, 2 or 3. */
    private int version() {
        return StoreCopy.FORMAT_1.equals(format) ? 1 : StoreCopy.FORMAT_2.equals(format) ? 2 : 3;
    }

    /** A file of format 2 or later ends with its manifest; checked before the rows' own sums. */
    void requireManifestLine(RowCheck check) {
        if (version() >= 2 && manifest == null) {
            long[] held = check.counts();
            throw new BackupRejectedException(String.format(java.util.Locale.ROOT, "%s ends at line %d without its manifest, so it was cut"
                    + " short: it holds %,d event(s), %,d snapshot(s) and %,d fact id(s), and the rows after line %d are missing"
                    + " (an export's last line is {\"manifest\": ...})", file, lastLine, held[0], held[1], held[2], lastLine));
        }
    }

    @Override
    public List<String> verify(StoreCopy.Manifest held) {
        if (manifest == null) {
            return List.of(file + " has no manifest (format " + StoreCopy.FORMAT_1 + ", written by an earlier version): its counts and checksum"
                    + " could not be compared; every row was checked, and every recorded fact has its fact id");
        }
        if (!manifest.sameContent(held)) {
            throw new BackupRejectedException(manifestLine, "the file does not match its manifest, so it was damaged or altered:"
                    + " the manifest lists " + manifest.describe() + "; the file holds " + held.describe());
        }
        return List.of();
    }
}
