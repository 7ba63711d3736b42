package dev.kaizen.sweep;

import dev.kaizen.core.cli.CommandExtension;
import dev.kaizen.core.cli.Kaizen;

/** Adds {@code kaizen sweep} when this module (and with it Spark) is on the class path. */
public final class SweepCommandExtension implements CommandExtension {

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public Object command(Kaizen kaizen) {
        return new SweepCommand(kaizen);
    }
}
