package com.authlete.toolkit.render;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the whole new content: everything goes to a
 * temporary file beside the target, which is flushed to disk and then renamed over it. Private files get mode
 * 0600 from the start, so secrets are never readable by others, not even briefly. A symbolic link stays a link (the
 * file it points to is rewritten); a target that is not a regular file (a device such as {@code /dev/null}, a FIFO)
 * is written into as a shell's {@code >} would, never renamed over; a directory is refused.
 */
public final class AtomicFile implements AutoCloseable {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private boolean committed;

    /** @param temporary the file beside the target, or null to write straight into a target that is no regular file */
    private AtomicFile(Path target, Path temporary) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.out = new Named(new FileOutputStream((temporary != null ? temporary : target).toFile()), target);
    }

    /** Write errors (a full disk) name the file the user asked for, not the temporary one. */
    private static final class Named extends FilterOutputStream {
        private final Path target;

        Named(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        private IOException named(IOException e) {
            return new IOException(
                    "cannot write " + target + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(e);
            }
        }

        void sync() throws IOException {
            if (out instanceof FileOutputStream file) {
                try {
                    file.getFD().sync();
                } catch (IOException e) {
                    throw named(e);
                }
            }
        }
    }

    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            return new AtomicFile(absolute, null);
        }
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("no such directory: " + directory);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(
                        directory, "." + absolute.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE))
                : Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        // Interrupted runs (Ctrl-C) leave no temporary file behind; after a commit the name no longer exists.
        temporary.toFile().deleteOnExit();
        return new AtomicFile(absolute, temporary);
    }

    public OutputStream stream() {
        return out;
    }

    /** Finishes the file: private (0600) when it may hold secrets, else 0644; then renames it into place. */
    public void commit(boolean privateFile) throws IOException {
        out.flush();
        if (temporary == null) {
            // A device or a FIFO: written in place; its mode is the system's, not ours.
            out.close();
            committed = true;
            return;
        }
        ((Named) out).sync();
        out.close();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, privateFile ? PRIVATE : SHARED);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without a commit, removes the temporary file and leaves the target as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
