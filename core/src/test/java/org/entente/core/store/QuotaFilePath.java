package org.entente.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk for tests that fills up on demand: an H2 file system ({@code quota:}) whose writes fail with the
 * operating system's "No space left on device" once {@link #BUDGET} bytes have been written, until
 * {@link #free()}. Used where the test cannot mount a small file system.
 */
public final class QuotaFilePath extends FilePathWrapper {

    /** Bytes that may still be written. */
    static final AtomicLong BUDGET = new AtomicLong(Long.MAX_VALUE);

    static {
        FilePath.register(new QuotaFilePath());
    }

    static void register() {
        // the static initializer registers it
    }

    static void fillAfter(long bytes) {
        BUDGET.set(bytes);
    }

    static void free() {
        BUDGET.set(Long.MAX_VALUE);
    }

    public QuotaFilePath() {
    }

    @Override
    public String getScheme() {
        return "quota";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Quota(super.open(mode));
    }

    private static void spend(int bytes) throws IOException {
        if (BUDGET.addAndGet(-bytes) < 0) {
            BUDGET.addAndGet(bytes);
            throw new IOException("No space left on device");
        }
    }

    /** A channel whose writes spend the budget. */
    private static final class Quota extends FileChannel {
        private final FileChannel base;

        Quota(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return base.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            spend(src.remaining());
            return base.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += srcs[i].remaining();
            }
            spend((int) Math.min(Integer.MAX_VALUE, n));
            return base.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return base.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            spend((int) Math.min(Integer.MAX_VALUE, count));
            return base.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            spend(src.remaining());
            return base.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return base.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return base.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
