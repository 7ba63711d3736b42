package dev.kaizen.core.recipe;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kaizen.core.BadInputException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML parser that resolves aliases: it keeps the events it returns, remembers which of them
 * make up each anchored value ({@code &name}), and returns those events again in place of an
 * alias ({@code *name}), so that a tree built from it holds a copy of the anchored value there.
 *
 * <p>Against alias bombs ("billion laughs") it refuses more than
 * {@link LoaderOptions#getMaxAliasesForCollections()} aliases of lists or maps, as SnakeYAML's
 * own composer does, and aliases that repeat more than {@link InputLimits#MAX_REPEATED_CHARS}
 * characters of values in all. Problems are {@link BadInputException}s whose message starts with
 * the alias's line and column. Not thread-safe, like every parser.
 */
final class AliasReplayingParser extends YAMLParser {

    /** The events of one anchored value: {@code log[start, end)}, and what repeating them costs. */
    private record Anchored(int start, int end, long cost) {
    }

    /** An anchored list or map whose end has not been read yet. */
    private record Open(String name, int start, int depth) {
    }

    private final int maxAliasesForCollections;
    private final List<Event> log = new ArrayList<>();
    private long[] costs = new long[64];
    private final Map<String, Anchored> anchored = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private final Deque<Event> replay = new ArrayDeque<>();
    private int depth;
    private int collectionAliases;
    private long repeated;

    AliasReplayingParser(IOContext context, int parserFeatures, int formatFeatures, LoaderOptions options,
                         ObjectCodec codec, Reader reader) {
        super(context, parserFeatures, formatFeatures, options, codec, reader);
        this.maxAliasesForCollections = options.getMaxAliasesForCollections();
    }

    @Override
    protected Event getEvent() {
        Event event = replay.poll();
        boolean original = event == null;
        if (original) {
            event = super.getEvent();
            if (event instanceof AliasEvent alias) {
                replay.addAll(expand(alias));
                event = replay.poll();
                original = false;
            }
        }
        if (event != null) {
            keep(event, original);
        }
        return event;
    }

    private List<Event> expand(AliasEvent alias) {
        String name = alias.getAnchor();
        Anchored value = anchored.get(name);
        if (value == null) {
            boolean inside = open.stream().anyMatch(o -> o.name().equals(name));
            throw problem(alias, inside ? "alias *" + name + " is inside the value it names (&" + name + ")"
                    : "alias *" + name + " names no anchor; put &" + name + " on a value before it");
        }
        if (value.end() - value.start() > 1 && ++collectionAliases > maxAliasesForCollections) {
            throw problem(alias, "more than " + maxAliasesForCollections + " aliases of lists or maps; a recipe may "
                    + "have at most " + maxAliasesForCollections);
        }
        repeated += value.cost();
        if (repeated > InputLimits.MAX_REPEATED_CHARS) {
            throw problem(alias, "alias *" + name + " makes the aliases repeat more than "
                    + InputLimits.binary(InputLimits.MAX_REPEATED_CHARS) + " of values; aliases may repeat at most "
                    + InputLimits.binary(InputLimits.MAX_REPEATED_CHARS) + " in all");
        }
        return log.subList(value.start(), value.end());
    }

    /** Logs {@code event}; an original (not replayed) one with an anchor starts an anchored value. */
    private void keep(Event event, boolean original) {
        int index = log.size();
        log.add(event);
        if (index + 1 == costs.length) {
            costs = Arrays.copyOf(costs, costs.length * 2);
        }
        costs[index + 1] = costs[index] + 1 + (event instanceof ScalarEvent scalar ? scalar.getValue().length() : 0);
        if (event instanceof CollectionStartEvent) {
            depth++;
        } else if (event instanceof CollectionEndEvent) {
            depth--;
            if (!open.isEmpty() && open.peek().depth() == depth + 1) {
                Open done = open.pop();
                anchored.put(done.name(), anchored(done.start(), index + 1));
            }
        }
        if (original && event instanceof NodeEvent node && node.getAnchor() != null) {
            if (event instanceof CollectionStartEvent) {
                open.push(new Open(node.getAnchor(), index, depth));
            } else {
                anchored.put(node.getAnchor(), anchored(index, index + 1));
            }
        }
    }

    private Anchored anchored(int start, int end) {
        return new Anchored(start, end, costs[end] - costs[start]);
    }

    private static BadInputException problem(AliasEvent alias, String message) {
        Mark mark = alias.getStartMark();
        String at = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
        return new BadInputException(at + message);
    }
}
