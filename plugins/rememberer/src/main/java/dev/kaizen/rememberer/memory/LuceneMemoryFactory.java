package dev.kaizen.rememberer.memory;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.memory.ExperienceMemory;
import dev.kaizen.api.memory.ExperienceMemoryFactory;
import org.pf4j.Extension;

/** Registers {@link LuceneMemory} as experience memory {@code lucene}. */
@Extension
public final class LuceneMemoryFactory implements ExperienceMemoryFactory<LuceneMemoryConfig> {

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public Class<LuceneMemoryConfig> configType() {
        return LuceneMemoryConfig.class;
    }

    @Override
    public ExperienceMemory create(LuceneMemoryConfig config, ComponentContext context) {
        return new LuceneMemory(config, context.metrics());
    }

    @Override
    public String description() {
        return "experience memory in a Lucene index: n-step Q-learning, BM25 + observation-similarity retrieval,"
                + " bounded capacity, persisted at memory.path";
    }
}
