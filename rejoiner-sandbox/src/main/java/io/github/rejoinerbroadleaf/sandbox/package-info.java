/**
 * A local stand-in for Rejoiner ("sandbox"): plain servlets and a small in-memory event store that
 * accept the REST calls (Rejoiner 1 signed, Rejoiner 2 token) and the JavaScript API v4 calls a store
 * makes, check them against Rejoiner's integration guide and show what arrived and what is wrong.
 *
 * <p>Nothing here is active unless a store mounts {@link io.github.rejoinerbroadleaf.sandbox.SandboxServlet}
 * itself; see {@code docs/sandbox.md}. No Broadleaf imports: the package works in any servlet container.
 */
package io.github.rejoinerbroadleaf.sandbox;
