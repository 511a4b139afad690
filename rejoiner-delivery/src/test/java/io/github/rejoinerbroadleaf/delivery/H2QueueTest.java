package io.github.rejoinerbroadleaf.delivery;

/** The queue contract on embedded H2. */
class H2QueueTest extends QueueContractTest {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
