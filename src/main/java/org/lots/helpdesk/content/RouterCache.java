package org.lots.helpdesk.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.lots.helpdesk.language.SoftmaxClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's trained weights in the data folder, one file named by the digest of what training depends on: a
 * restart with unchanged content loads them (milliseconds) instead of training again (seconds). Only the newest few
 * are kept; a missing, unreadable or unwritable folder only costs the training.
 */
final class RouterCache implements SoftmaxClassifier.Cache {

    private static final Logger log = LoggerFactory.getLogger(RouterCache.class);
    private static final int KEEP = 3;

    private final Path dir;

    RouterCache(Path dir) {
        this.dir = dir;
    }

    @Override
    public float[][] load(String key, int weights, int bias) {
        Path file = dir.resolve(key + ".weights");
        if (!Files.isRegularFile(file)) return null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = 4L * (weights + bias);
            if (ch.size() != expected) return null;
            ByteBuffer buf = ByteBuffer.allocate((int) expected).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) >= 0) { /* read all */ }
            buf.flip();
            float[] w = new float[weights], b = new float[bias];
            buf.asFloatBuffer().get(w).get(b);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            return new float[][]{w, b};
        } catch (IOException | RuntimeException e) {
            log.warn("Router cache {} unreadable, training again: {}", file, e.toString());
            return null;
        }
    }

    @Override
    public void store(String key, float[] weights, float[] bias) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            ByteBuffer buf = ByteBuffer.allocate(4 * (weights.length + bias.length)).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(weights).put(bias);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                while (buf.hasRemaining()) ch.write(buf);
            }
            Files.move(tmp, dir.resolve(key + ".weights"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            log.warn("Router cache in {} not written: {}", dir, e.toString());
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".weights"))
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()))
                    .skip(KEEP).forEach(p -> p.toFile().delete());
        }
    }
}
