package de.bwaldvogel.mongo.backend.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Lots: MVStore data types for the embedded store's documents and unique-index keys. H2's default
 * {@link ObjectDataType} stores both with Java serialization (a fresh {@code ObjectOutputStream}, class descriptors
 * and all, for every document of every leaf page a commit rewrites), and compares index keys ({@link KeyValue} is
 * not {@code Comparable}) by serializing both sides at every step of a B-tree search: about a fifth of the help
 * desk's CPU per message under load (BENCHMARKS.md, issue 9, fourth pass). Here a document is its BSON bytes (the
 * wire protocol's own encoder) and a key is its values in BSON, compared value by value without encoding.
 *
 * Old files stay readable: a value written by {@code ObjectDataType} starts with one of its tags (0-119); ours
 * start with tags it never writes, and anything else is read by {@code ObjectDataType} as before. Index maps are
 * ordered by the comparator, so an index written with the old order is rebuilt once when opened
 * ({@link SeekingH2Database}). A file written by this version cannot be opened by an older one.
 */
final class BsonDataTypes {

    private BsonDataTypes() {
    }

    static final byte DOCUMENT_TAG = 127, KEY_TAG = 126;
    /** Inside a key: a value that is missing (BSON type 0 ends a document, so never a value type). */
    private static final byte MISSING = 0;

    /**
     * A value of ours is its tag and our bytes; anything else (a type we have no encoding for, a value from an older
     * file) is {@code ObjectDataType}'s, as before.
     */
    private abstract static class Tagged extends BasicDataType<Object> {
        final ObjectDataType legacy = new ObjectDataType();
        private final byte tag;

        Tagged(byte tag) {
            this.tag = tag;
        }

        /** Our bytes for the value, or null to leave it to Java serialization. */
        abstract byte[] ours(Object obj);

        /** A value of ours, from just after its tag. */
        abstract Object readOurs(ByteBuffer buff);

        @Override
        public void write(WriteBuffer buff, Object obj) {
            byte[] bytes = ours(obj);
            if (bytes != null) buff.put(tag).put(bytes);
            else legacy.write(buff, obj);
        }

        @Override
        public Object read(ByteBuffer buff) {
            if (buff.get(buff.position()) != tag) return legacy.read(buff);
            buff.get();
            return readOurs(buff);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** Collection documents: BSON, falling back to Java serialization for anything BSON cannot hold. */
    static final class DocumentType extends Tagged {
        DocumentType() {
            super(DOCUMENT_TAG);
        }

        @Override
        public int getMemory(Object obj) {
            return legacy.getMemory(obj);
        }

        @Override
        byte[] ours(Object obj) {
            return obj instanceof Document d ? encode(d) : null;
        }

        @Override
        Object readOurs(ByteBuffer buff) {
            ByteBuf in = Unpooled.wrappedBuffer(buff.slice());
            Document d = BsonDecoder.decodeBson(in);
            buff.position(buff.position() + in.readerIndex());
            return d;
        }

        @Override
        public int compare(Object a, Object b) {
            return legacy.compare(a, b); // values are never ordered; only equality checks reach here
        }

        private static byte[] encode(Document d) {
            ByteBuf out = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(d, out);
            } catch (RuntimeException e) {
                return null; // a type BSON has no encoding for (or a Missing): Java serialization, as before
            }
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        }
    }

    /** Unique-index keys: the values in BSON; ordered value by value (the order only has to be consistent). */
    static final class KeyType extends Tagged {
        KeyType() {
            super(KEY_TAG);
        }

        @Override
        public int getMemory(Object obj) {
            if (!(obj instanceof KeyValue k)) return legacy.getMemory(obj);
            int m = 48;
            for (Object v : k) m += v instanceof String s ? 40 + 2 * s.length() : 32;
            return m;
        }

        @Override
        byte[] ours(Object obj) {
            return obj instanceof KeyValue k ? encode(k) : null;
        }

        @Override
        Object readOurs(ByteBuffer buff) {
            int n = DataUtils.readVarInt(buff);
            ByteBuf in = Unpooled.wrappedBuffer(buff.slice());
            List<Object> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte type = in.readByte();
                values.add(type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in));
            }
            buff.position(buff.position() + in.readerIndex());
            return new KeyValue(values);
        }

        @Override
        public int compare(Object a, Object b) {
            if (a == b) return 0;
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int n = Math.min(x.size(), y.size());
                for (int i = 0; i < n; i++) {
                    int c = compareValues(x.get(i), y.get(i));
                    if (c != 0) return c;
                }
                return Integer.compare(x.size(), y.size());
            }
            return compareValues(a, b);
        }

        /**
         * Equal values (the same Java class and {@code equals}) compare 0, as the serialized bytes did; otherwise
         * by class, then by value where the class is {@code Comparable}, else by the BSON bytes.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private int compareValues(Object a, Object b) {
            if (a == b) return 0;
            if (a == null || b == null) return a == null ? -1 : 1;
            if (a.getClass() != b.getClass()) {
                int c = Integer.compare(rank(a), rank(b));
                return c != 0 ? c : a.getClass().getName().compareTo(b.getClass().getName());
            }
            if (a.equals(b)) return 0;
            if (a instanceof Comparable ca) return ca.compareTo(b);
            byte[] x = encode(new KeyValue(a)), y = encode(new KeyValue(b));
            if (x == null || y == null) return legacy.compare(a, b);
            return java.util.Arrays.compare(x, y);
        }

        private static int rank(Object v) {
            if (v instanceof Missing) return 0;
            if (v instanceof Number) return 1;
            if (v instanceof String) return 2;
            return 3;
        }

        private static byte[] encode(KeyValue k) {
            ByteBuf out = Unpooled.buffer(64);
            try {
                for (Object v : k) {
                    if (v instanceof Missing) {
                        out.writeByte(MISSING);
                    } else {
                        byte type = BsonEncoder.determineType(v);
                        out.writeByte(type);
                        BsonEncoder.encodeValue(type, v, out);
                    }
                }
            } catch (RuntimeException e) {
                return null;
            }
            byte[] bytes = new byte[5 + out.readableBytes()];
            int len = 0;
            for (int n = k.size(); ; n >>>= 7) { // the count as H2's varint (DataUtils.readVarInt reads it back)
                if ((n & ~0x7F) == 0) {
                    bytes[len++] = (byte) n;
                    break;
                }
                bytes[len++] = (byte) ((n & 0x7F) | 0x80);
            }
            int body = out.readableBytes();
            out.readBytes(bytes, len, body);
            return java.util.Arrays.copyOf(bytes, len + body);
        }
    }
}
