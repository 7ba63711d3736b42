package dev.kaizen.agentgym.fake;

/** A family whose server holds its instances in an {@link Instances} table. */
abstract class Holding<G> implements Family {

    protected final Instances<G> instances = new Instances<>();

    /** A JSON string. */
    static Reply text(String text) {
        return Reply.ok(Reply.JSON.getNodeFactory().textNode(text));
    }

    /** A JSON number. */
    static Reply number(long number) {
        return Reply.ok(Reply.JSON.getNodeFactory().numberNode(number));
    }

    @Override
    public int liveInstances() {
        return instances.live();
    }

    @Override
    public int createdInstances() {
        return instances.created();
    }

    @Override
    public int closedInstances() {
        return instances.closed();
    }
}
