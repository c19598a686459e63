package io.vjvector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;

/**
 * Lucene's HNSW (one merged segment, in memory), searched at the leaf without query overhead.
 * Lucene builds the graph as documents are added, on the indexing thread: the build is
 * single-threaded. Vectors are indexed with the similarity function the harness chose for the
 * metric ({@link Metric#peerFunction}).
 */
final class LuceneEngine implements AnnEngine {
  private final int m;
  private final int efConstruction;
  private final VectorSimilarityFunction similarity;
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private DirectoryReader reader;
  private LeafReader leaf;
  private int count;

  /**
   * @param similarity a {@link VectorSimilarityFunction} constant: EUCLIDEAN, DOT_PRODUCT (unit
   *     vectors only) or COSINE
   */
  LuceneEngine(int m, int efConstruction, String similarity) {
    this.m = m;
    this.efConstruction = efConstruction;
    this.similarity = VectorSimilarityFunction.valueOf(similarity);
  }

  @Override
  public String name() {
    return "lucene-" + org.apache.lucene.util.Version.LATEST + " hnsw";
  }

  @Override
  public void build(float[][] base) throws Exception {
    count = base.length;
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setRAMBufferSizeMB(2048)
            .setCodec(
                new Lucene912Codec() {
                  @Override
                  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                    return new Lucene99HnswVectorsFormat(m, efConstruction);
                  }
                });
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (float[] v : base) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField("v", v, similarity));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    reader = DirectoryReader.open(dir);
    leaf = reader.leaves().get(0).reader();
  }

  @Override
  public int[] search(float[] query, int k, int ef) throws Exception {
    Bits all = null;
    TopDocs top = leaf.searchNearestVectors("v", query, Math.max(k, ef), all, Integer.MAX_VALUE);
    int n = Math.min(k, top.scoreDocs.length);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ScoreDoc d = top.scoreDocs[i];
      ids[i] = d.doc;
    }
    return ids;
  }

  /**
   * The index files live on the heap, in a {@link ByteBuffersDirectory}: their size is the index's
   * memory (what a memory-mapped FSDirectory would want in the page cache).
   */
  @Override
  public double memoryBytesPerVector() {
    return filesBytes() / (double) count;
  }

  /** The index files (vectors, graph, metadata) as an FSDirectory would hold them. */
  @Override
  public double diskBytesPerVector() {
    return filesBytes() / (double) count;
  }

  private long filesBytes() {
    try {
      long bytes = 0;
      for (String file : dir.listAll()) {
        bytes += dir.fileLength(file);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    dir.close();
  }
}
