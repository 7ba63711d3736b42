package dev.kaizen.rememberer.memory.index;

import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.io.IOException;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * How a record is laid out as a Lucene document: its key (to update or delete it), its instruction
 * as analysed text, its id as a doc value, and the record itself as stored JSON
 * ({@link RecordCodec}). Thread-safe.
 */
public final class MemoryDocuments {

    /** The analysed instruction: terms only. */
    public static final String INSTRUCTION = "instruction";
    /** The record's id, as a numeric doc value. */
    public static final String ID = "id";
    private static final String KEY = "key";
    private static final String RECORD = "record";
    /** Terms only: no frequencies or norms (instructions are short; a term rarely repeats in one). */
    private static final FieldType INSTRUCTION_TYPE = instructionType();

    private static FieldType instructionType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private final RecordCodec codec = new RecordCodec();

    /** The term that finds the document of {@code record}. */
    static Term key(MemoryRecord record) {
        return new Term(KEY, record.key());
    }

    /** The document of {@code record}. */
    Document document(MemoryRecord record) {
        Document doc = new Document();
        doc.add(new StringField(KEY, record.key(), Field.Store.NO));
        doc.add(new Field(INSTRUCTION, record.instruction(), INSTRUCTION_TYPE));
        doc.add(new NumericDocValuesField(ID, record.id()));
        doc.add(new StoredField(RECORD, codec.encode(record)));
        return doc;
    }

    /** Adds the document of every record, oldest first, to {@code writer}. */
    void addAll(IndexWriter writer, MemoryRecords records) throws IOException {
        for (MemoryRecord record : records.sortedById()) {
            writer.addDocument(document(record));
        }
    }

    /**
     * The record stored in a document.
     *
     * @param doc the document's number, for messages
     * @param where the index, for messages
     * @throws IllegalArgumentException if the document holds no record or a corrupt one
     */
    MemoryRecord record(Document document, int doc, String where, Function<String, InstructionTerms> analyse) {
        if (document.getBinaryValue(RECORD) == null) {
            throw new IllegalArgumentException(where + ": document " + doc + " has no stored record");
        }
        try {
            return codec.decode(document.getBinaryValue(RECORD).bytes, analyse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": document " + doc + " is corrupt: " + e.getMessage(), e);
        }
    }
}
