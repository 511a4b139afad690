package io.github.rejoinerbroadleaf.delivery;

/** The queue contract on embedded HSQLDB (Broadleaf's demo database). */
class HsqldbQueueTest extends QueueContractTest {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.hsqldb();
    }
}
