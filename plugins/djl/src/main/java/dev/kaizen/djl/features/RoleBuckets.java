package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.djl.text.TextHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Role tokens hashed into embedding buckets (namespace {@code r}): for an action's row its verb,
 * its verb on this page, a short argument, its display position and whether it was taken on this
 * page; for a template's row its verb, its verb on this page and the template; and for every row
 * the context's facts (the observation's short info values, the last action). A row has at most
 * {@value #MAX_ROLE} role buckets. Immutable.
 */
final class RoleBuckets {

    private static final int MAX_ROLE = 24;

    /** The running hash of the role namespace, which role buckets continue. */
    private static final long ROLE = TextHash.begin("r");

    private final int buckets;
    /** The buckets of {@code pos=0} to {@code pos=10}, then {@code pos=none}. */
    private final int[] positionRoles = new int[12];
    private final int takenRole;

    RoleBuckets(int buckets) {
        this.buckets = buckets;
        for (int p = 0; p <= 10; p++) {
            positionRoles[p] = bucket(TextHash.add(TextHash.add(ROLE, "pos="), Integer.toString(p)));
        }
        positionRoles[11] = bucket(TextHash.add(ROLE, "pos=none"));
        takenRole = bucket(TextHash.add(ROLE, "taken"));
    }

    /** The bucket of {@code v=verb}. */
    int verb(String verb) {
        return bucket(TextHash.add(TextHash.add(ROLE, "v="), verb));
    }

    /** The running hash of {@code vp=verb@}, to be continued with the page type. */
    long verbOnPage(String verb) {
        return TextHash.add(TextHash.add(TextHash.add(ROLE, "vp="), verb), '@');
    }

    /** The bucket of {@code a=argument}. */
    int argument(String argument) {
        return bucket(TextHash.add(TextHash.add(ROLE, "a="), argument));
    }

    /** The role buckets of an action's row: verb, verb on this page, short argument, position, taken here. */
    int[] action(Row row, ActionText text, String pageType, int[] contextRoles, boolean takenHere) {
        int[] own = new int[5];
        int k = 0;
        own[k++] = text.verbRole();
        own[k++] = bucket(TextHash.add(text.pageRole(), pageType));
        if (text.argumentRole() >= 0) {
            own[k++] = text.argumentRole();
        }
        own[k++] = row.position() < 0 ? positionRoles[positionRoles.length - 1]
                : positionRoles[Math.min(row.position(), 10)];
        if (takenHere) {
            own[k++] = takenRole;
        }
        return withContextRoles(own, k, contextRoles);
    }

    /** The role buckets of a template's row: verb, verb on this page, the template. */
    int[] template(Row row, String pageType, int[] contextRoles) {
        String verb = new Action(row.template()).verb().toLowerCase(Locale.ROOT);
        int[] own = {
            verb(verb),
            bucket(TextHash.add(verbOnPage(verb), pageType)),
            bucket(TextHash.add(TextHash.add(ROLE, "t="), row.template())),
        };
        return withContextRoles(own, own.length, contextRoles);
    }

    /**
     * The role buckets every row of a context shares: each short info value of the observation
     * ({@code i=key=value}, by key) and the last action ({@code last=verb}, with its argument when
     * that is at most three words).
     */
    int[] context(Observation observation, History history) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        for (Map.Entry<String, String> e : observation.info().entrySet()) {
            if (!e.getKey().equals(Observation.FEEDBACK) && isShortWord(e.getValue())) {
                facts.add(e);
            }
        }
        facts.sort(Map.Entry.comparingByKey());
        int[] ids = new int[facts.size() + 1];
        int k = 0;
        for (Map.Entry<String, String> e : facts) {
            ids[k++] = bucket(TextHash.add(TextHash.add(TextHash.add(TextHash.add(ROLE, "i="), e.getKey()), '='),
                    e.getValue()));
        }
        if (history.last() != null) {
            Action last = history.last();
            String argument = last.argument().toLowerCase(Locale.ROOT);
            long h = TextHash.add(TextHash.add(ROLE, "last="), last.verb());
            if (argument.split(" ").length <= 3) {
                h = TextHash.add(TextHash.add(h, '='), argument);
            }
            ids[k] = bucket(h);
        } else {
            ids[k] = bucket(TextHash.add(ROLE, "last=none"));
        }
        return ids;
    }

    /** At most 24 characters, none a digit or white space: an info value that names a kind of page. */
    private static boolean isShortWord(String value) {
        if (value.length() > 24) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static int[] withContextRoles(int[] own, int k, int[] contextRoles) {
        int[] ids = Arrays.copyOf(own, Math.min(MAX_ROLE, k + contextRoles.length));
        System.arraycopy(contextRoles, 0, ids, k, ids.length - k);
        return ids;
    }

    /** The bucket of a role whose hash so far is {@code h} (begun with {@link #ROLE}). */
    private int bucket(long h) {
        return TextHash.bucket(TextHash.finish(h), buckets);
    }
}
