package io.github.rejoinerbroadleaf.delivery;

/**
 * The queue contract on MariaDB (and so the MySQL dialect), each test in a database of its own;
 * needs {@code REJOINER_TEST_MARIADB_URL} (skipped without it, failed without it on CI).
 */
class MariaDbQueueTest extends QueueContractTest {
    @Override
    TestDatabase openDatabase() throws Exception {
        return TestDatabase.mariadb();
    }
}
