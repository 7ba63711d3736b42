/**
 * The HTTP client set-up that Kaizen's HTTP clients share: {@link dev.kaizen.http.PooledHttpClients}
 * builds a blocking Apache HttpClient 5 client on pooled keep-alive connections with the options
 * every client of a local model or environment server wants (timeouts, a check of idle connections
 * before reuse, and nothing done behind the caller's back: no retries, redirects, cookies,
 * compression or authentication caching).
 *
 * <p>A library, not a plugin: a plugin that uses it declares it as a compile dependency and packs it
 * into its own {@code lib/}, like its other libraries.
 */
package dev.kaizen.http;
