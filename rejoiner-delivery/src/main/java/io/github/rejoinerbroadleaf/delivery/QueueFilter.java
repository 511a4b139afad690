package io.github.rejoinerbroadleaf.delivery;

/**
 * Criteria for listing rows on the admin screen; null criteria match everything. Results are
 * ordered newest first.
 */
public final class QueueFilter {

    private final QueueStatus status;
    private final String site;
    private final String orderKey;
    private final int offset;
    private final int limit;

    private QueueFilter(QueueStatus status, String site, String orderKey, int offset, int limit) {
        this.status = status;
        this.site = site;
        this.orderKey = orderKey;
        this.offset = offset;
        this.limit = limit;
    }

    /** Everything, first page of 50. */
    public static QueueFilter all() {
        return new QueueFilter(null, null, null, 0, 50);
    }

    public QueueFilter withStatus(QueueStatus s) {
        return new QueueFilter(s, site, orderKey, offset, limit);
    }

    public QueueFilter withSite(String s) {
        return new QueueFilter(status, s, orderKey, offset, limit);
    }

    /** Exact order number. */
    public QueueFilter withOrderKey(String k) {
        return new QueueFilter(status, site, k, offset, limit);
    }

    /** @param offset rows to skip; @param limit page size, 1..1000 */
    public QueueFilter page(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1..1000");
        }
        return new QueueFilter(status, site, orderKey, offset, limit);
    }

    public QueueStatus status() {
        return status;
    }

    public String site() {
        return site;
    }

    public String orderKey() {
        return orderKey;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }
}
