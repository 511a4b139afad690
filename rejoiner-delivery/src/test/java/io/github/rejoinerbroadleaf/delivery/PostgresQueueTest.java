package io.github.rejoinerbroadleaf.delivery;

/**
 * The queue contract on PostgreSQL, each test in a schema of its own; needs
 * {@code REJOINER_TEST_POSTGRES_URL} (skipped without it, failed without it on CI).
 */
class PostgresQueueTest extends QueueContractTest {
    @Override
    TestDatabase openDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
