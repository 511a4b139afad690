/**
 * Durable, cluster-safe delivery of lead calls (above all {@code lead/convert}) to Rejoiner.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link io.github.rejoinerbroadleaf.delivery.ConversionQueue}: {@code enqueue} (called on the
 * checkout thread: one INSERT, no network, never throws) and the operations API for the admin.</li>
 * <li>{@link io.github.rejoinerbroadleaf.delivery.DeliveryWorker}: one per node, {@code start()} /
 * {@code stop()}; claims due rows in batches and sends them on its own threads.</li>
 * <li>{@link io.github.rejoinerbroadleaf.delivery.QueueSchema}: creates {@code RJ_CONVERSION_QUEUE}
 * and {@code RJ_SITE_DELIVERY_STATE} (HSQLDB, H2, PostgreSQL, MySQL/MariaDB).</li>
 * <li>{@link io.github.rejoinerbroadleaf.delivery.LeadSenderProvider} and
 * {@link io.github.rejoinerbroadleaf.delivery.SubmissionCheck}: what the store plugs in.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>Checkout never waits for Rejoiner and never fails because of it.</li>
 * <li>One row per site + operation + order number, whichever node enqueues (unique key).</li>
 * <li>A conversion is sent only once {@link io.github.rejoinerbroadleaf.delivery.SubmissionCheck}
 * confirms the order is submitted.</li>
 * <li>At least once: rows survive restarts; a claim is a lease that another node takes over when
 * it expires. Duplicates are possible only when a node dies (or times out) after Rejoiner
 * accepted a call and before the row was marked SENT; both cases are counted in
 * {@link io.github.rejoinerbroadleaf.delivery.DeliveryMetrics}.</li>
 * <li>Two nodes never send the same row at the same time while its lease runs (version-checked
 * claim, plus {@code FOR UPDATE SKIP LOCKED} on PostgreSQL).</li>
 * </ul>
 *
 * <p>The package is plain Java 8 + JDBC + SLF4J, free of Spring and Broadleaf, so that it is
 * tested on real databases without a container. {@code internal} is not API.
 */
package io.github.rejoinerbroadleaf.delivery;
