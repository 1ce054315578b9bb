package org.drugstats.core.ingest;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;

/** The records {@link IngestSpill} writes to its temporary files, and how each is written and read. */
final class SpillRecords {

    private SpillRecords() {
    }

    /** One accepted row: its position, key and group, canonical text, and where it came from. */
    record Acc(long index, String key, String dist, String[] text, String sheet, long row, String inputColumn,
            String rawValue) {
    }

    record GroupSum(long first, long size, boolean same, String detail) {
    }

    record KeySum(long first, long kept) {
    }

    /** A decision on the accepted row at {@code index}: record 0 drops it, else it becomes that record. */
    record Decision(long index, long record, long sameAs) {
    }

    record Dup(long keyFirst, long groupFirst, long index, QuarantineRow row) {
    }

    record Rec(String key, long index, String values, long rank) {
    }

    static final SpillFile.Codec<Acc> ACC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, Acc a) throws IOException {
            out.writeLong(a.index());
            SpillFile.writeString(out, a.key());
            SpillFile.writeString(out, a.dist());
            SpillFile.writeStrings(out, a.text());
            SpillFile.writeString(out, a.sheet());
            out.writeLong(a.row());
            SpillFile.writeString(out, a.inputColumn());
            SpillFile.writeString(out, a.rawValue());
        }

        @Override
        public Acc read(DataInput in) throws IOException {
            return new Acc(in.readLong(), SpillFile.readString(in), SpillFile.readString(in),
                    SpillFile.readStrings(in), SpillFile.readString(in), in.readLong(), SpillFile.readString(in),
                    SpillFile.readString(in));
        }
    };

    static final SpillFile.Codec<QuarantineRow> QUARANTINE = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, QuarantineRow q) throws IOException {
            SpillFile.writeString(out, q.file());
            SpillFile.writeString(out, q.sheet());
            out.writeLong(q.row());
            SpillFile.writeString(out, q.column());
            SpillFile.writeString(out, q.rawValue());
            out.writeInt(q.reason().ordinal());
            SpillFile.writeString(out, q.detail());
            SpillFile.writeStrings(out, q.canonical());
        }

        @Override
        public QuarantineRow read(DataInput in) throws IOException {
            return new QuarantineRow(SpillFile.readString(in), SpillFile.readString(in), in.readLong(),
                    SpillFile.readString(in), SpillFile.readString(in), QuarantineReason.values()[in.readInt()],
                    SpillFile.readString(in), SpillFile.readStrings(in));
        }
    };

    static final SpillFile.Codec<GroupSum> GROUP = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, GroupSum g) throws IOException {
            out.writeLong(g.first());
            out.writeLong(g.size());
            out.writeBoolean(g.same());
            SpillFile.writeString(out, g.detail());
        }

        @Override
        public GroupSum read(DataInput in) throws IOException {
            return new GroupSum(in.readLong(), in.readLong(), in.readBoolean(), SpillFile.readString(in));
        }
    };

    static final SpillFile.Codec<KeySum> KEY = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, KeySum k) throws IOException {
            out.writeLong(k.first());
            out.writeLong(k.kept());
        }

        @Override
        public KeySum read(DataInput in) throws IOException {
            return new KeySum(in.readLong(), in.readLong());
        }
    };

    static final SpillFile.Codec<Decision> DECISION = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, Decision d) throws IOException {
            out.writeLong(d.index());
            out.writeLong(d.record());
            out.writeLong(d.sameAs());
        }

        @Override
        public Decision read(DataInput in) throws IOException {
            return new Decision(in.readLong(), in.readLong(), in.readLong());
        }
    };

    static final SpillFile.Codec<Dup> DUP = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, Dup d) throws IOException {
            out.writeLong(d.keyFirst());
            out.writeLong(d.groupFirst());
            out.writeLong(d.index());
            QUARANTINE.write(out, d.row());
        }

        @Override
        public Dup read(DataInput in) throws IOException {
            return new Dup(in.readLong(), in.readLong(), in.readLong(), QUARANTINE.read(in));
        }
    };

    static final SpillFile.Codec<Rec> REC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutput out, Rec r) throws IOException {
            SpillFile.writeString(out, r.key());
            out.writeLong(r.index());
            SpillFile.writeString(out, r.values());
            out.writeLong(r.rank());
        }

        @Override
        public Rec read(DataInput in) throws IOException {
            return new Rec(SpillFile.readString(in), in.readLong(), SpillFile.readString(in), in.readLong());
        }
    };
}
