package dev.kaizen.agentgym.fake;

/**
 * Serves a fake AgentGym server from the command line, for benchmarks: TextCraft's wire format with
 * fixed-length episodes in which every action counts. Arguments: {@code --port N} (default 36001),
 * {@code --delay-ms N} per step (default 50), {@code --episode-steps N} (default 20), {@code --threads N}
 * (default 512). It does not keep the requests, and runs until it is killed (at most
 * {@value FakeServer#LIFETIME_MINUTES} minutes).
 */
public final class FakeServerMain {

    private FakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 36001;
        long delay = 50;
        int steps = 20;
        int threads = 512;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " has no value");
            }
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
                case "--episode-steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; allowed: --port, --delay-ms, --episode-steps, --threads");
            }
        }
        FakeServer server = FakeServer.start(new TextCraft(steps), port, threads, false).delaySteps(delay);
        System.out.println("fake AgentGym server (textcraft) at " + server.baseUrl() + ", " + steps
                + " steps per episode, " + delay + " ms per step");
        Thread.sleep(FakeServer.LIFETIME_MINUTES * 60_000L);
    }
}
