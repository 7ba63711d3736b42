package dev.kaizen.household.play;

import dev.kaizen.household.goal.Family;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an action is not valid in a state, in one sentence that says what to do instead, e.g.
 * {@code the cabinet 2 is closed; open it first}. Stateless.
 */
final class Feedback {

    private static final Pattern GO = Pattern.compile("go to (.+)");
    private static final Pattern OPEN_CLOSE = Pattern.compile("(open|close) (.+)");
    private static final Pattern TAKE = Pattern.compile("take (.+) from (.+)");
    private static final Pattern PUT = Pattern.compile("put (.+) in/on (.+)");
    private static final Pattern TREAT = Pattern.compile("(clean|heat|cool) (.+) with (.+)");
    private static final Pattern USE = Pattern.compile("use (.+)");
    private static final Pattern EXAMINE = Pattern.compile("examine (.+)");
    private static final Pattern PUT_ANY = Pattern.compile("put (.+?) (?:in/on|into|onto|in|on) (.+)");

    private Feedback() {
    }

    /** Normalises an action: lowercase, single spaces, no final full stop, {@code put X in Y} as {@code put X in/on Y}. */
    static String normalize(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        Matcher put = PUT_ANY.matcher(t);
        return put.matches() ? "put " + put.group(1) + " in/on " + put.group(2) : t;
    }

    /** Why {@code action} (normalised, and not valid in {@code state}) cannot be done. */
    static String explain(WorldState state, String action) {
        World world = state.world();
        if (action.isEmpty()) {
            return "type an action, e.g. look, or one of the listed actions";
        }
        Matcher m;
        if ((m = GO.matcher(action)).matches()) {
            int r = receptacle(world, m.group(1));
            return r < 0 ? noReceptacle(m.group(1)) : "you are already at the " + m.group(1);
        }
        if ((m = OPEN_CLOSE.matcher(action)).matches()) {
            int r = receptacle(world, m.group(2));
            if (r < 0) {
                return noReceptacle(m.group(2));
            }
            if (!world.receptacles().get(r).openable()) {
                return "the " + m.group(2) + " does not open or close";
            }
            if (state.at() != r) {
                return goFirst(m.group(2));
            }
            return "the " + m.group(2) + " is already " + (m.group(1).equals("open") ? "open" : "closed");
        }
        if ((m = TAKE.matcher(action)).matches()) {
            int item = item(world, m.group(1));
            int r = receptacle(world, m.group(2));
            if (r < 0) {
                return noReceptacle(m.group(2));
            }
            if (state.at() != r) {
                return goFirst(m.group(2));
            }
            if (!state.isReachable(r)) {
                return "the " + m.group(2) + " is closed; open it first";
            }
            if (item < 0 || state.place(item) != r) {
                return "there is no " + m.group(1) + " in/on the " + m.group(2);
            }
            if (!world.items().get(item).spec().portable()) {
                return "the " + m.group(1) + " cannot be picked up; use it where it is";
            }
            return "you are already carrying the " + heldName(state) + "; put it somewhere first";
        }
        if ((m = PUT.matcher(action)).matches()) {
            int item = item(world, m.group(1));
            int r = receptacle(world, m.group(2));
            if (item < 0 || state.held() != item) {
                return "you are not carrying the " + m.group(1) + "; " + carrying(state);
            }
            if (r < 0) {
                return noReceptacle(m.group(2));
            }
            if (state.at() != r) {
                return goFirst(m.group(2));
            }
            return "the " + m.group(2) + " is closed; open it first";
        }
        if ((m = TREAT.matcher(action)).matches()) {
            Family family = switch (m.group(1)) {
                case "clean" -> Family.CLEAN_AND_PLACE;
                case "heat" -> Family.HEAT_AND_PLACE;
                default -> Family.COOL_AND_PLACE;
            };
            int item = item(world, m.group(2));
            int r = receptacle(world, m.group(3));
            if (r < 0 || !world.receptacles().get(r).type().equals(family.appliance())) {
                return "you can only " + m.group(1) + " things with a " + family.appliance();
            }
            if (item < 0 || state.held() != item) {
                return "you are not carrying the " + m.group(2) + "; take it first";
            }
            if (state.at() != r) {
                return goFirst(m.group(3));
            }
            return "the " + m.group(2) + " cannot be " + (family == Family.CLEAN_AND_PLACE ? "cleaned"
                    : family == Family.HEAT_AND_PLACE ? "heated" : "cooled");
        }
        if ((m = USE.matcher(action)).matches()) {
            int item = item(world, m.group(1));
            if (item < 0 || !world.items().get(item).spec().lamp()) {
                return "only lamps can be used, e.g. use desklamp 1 where you see one";
            }
            return "there is no " + m.group(1) + " in reach; go to where it is first";
        }
        if ((m = EXAMINE.matcher(action)).matches()) {
            return "you can examine only the receptacle you are at and what you carry, not the " + m.group(1);
        }
        return "'" + (action.length() <= 60 ? action : action.substring(0, 57) + "...") + "' is not an action;"
                + " use one of the listed actions (go to, open, close, take, put, clean, heat, cool, use,"
                + " examine, inventory, look)";
    }

    private static int receptacle(World world, String name) {
        for (int r = 0; r < world.receptacles().size(); r++) {
            if (world.receptacles().get(r).name().equals(name)) {
                return r;
            }
        }
        return -1;
    }

    private static int item(World world, String name) {
        for (int i = 0; i < world.items().size(); i++) {
            if (world.items().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String noReceptacle(String name) {
        return "there is no " + name + " in this room; look lists the receptacles";
    }

    private static String goFirst(String name) {
        return "you are not at the " + name + "; go to " + name + " first";
    }

    private static String heldName(WorldState state) {
        return state.world().items().get(state.held()).name();
    }

    private static String carrying(WorldState state) {
        return state.held() < 0 ? "you carry nothing" : "you carry the " + heldName(state);
    }
}
