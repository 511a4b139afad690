package io.github.rejoinerbroadleaf.boot;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.rejoinerbroadleaf.boot.shop.ShopApplication;

/** The shop on an embedded H2 database. */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ShopOnH2Test extends ShopApplicationTest {

    static final FakeRejoiner REJOINER = new FakeRejoiner();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        shopProperties(registry, REJOINER, StarterFixtures.h2Url());
    }

    @AfterAll
    static void stopRejoiner() throws IOException {
        REJOINER.close();
    }

    @Override
    FakeRejoiner rejoiner() {
        return REJOINER;
    }
}
