package io.github.rejoinerbroadleaf.boot.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop as a Spring Boot application would use the starter: the starter on the class path,
 * the four rejoiner.* properties, a product page that renders the tracking script, and checkout code
 * that queues the order's conversion after committing it.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
