package dev.kaizen.llm.client;

import java.util.Map;
import org.apache.hc.core5.util.VersionInfo;

/**
 * What the LLM parts report for {@code ComponentFactory.provenance()}: the API they speak and the
 * HTTP client's version. The server, model and sampling settings are config, written to the run's
 * {@code recipe.yaml}; what the server runs behind them the client cannot know. Nothing secret is
 * reported. Stateless.
 */
public final class ClientProvenance {

    private ClientProvenance() {
    }

    /** The API and the Apache HttpClient release this plugin carries. */
    public static Map<String, String> current() {
        VersionInfo info = VersionInfo.loadVersionInfo("org.apache.hc.client5", ClientProvenance.class.getClassLoader());
        return Map.of("api", "openai-chat-completions",
                "httpclient5", info == null ? "unknown" : info.getRelease());
    }
}
