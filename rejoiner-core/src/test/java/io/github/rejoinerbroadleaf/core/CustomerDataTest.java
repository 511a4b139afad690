package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerDataTest {

    @Test
    void rendersGuideKeys() {
        CustomerData data = CustomerData.builder().age(23).gender("m").language("en").name("John").build();
        assertEquals(Json.parse("{'age':23,'gender':'m','language':'en','name':'John'}"), Json.normal(data.toJson()));
    }

    @ParameterizedTest
    @CsvSource({"male, male", "Female, female", " M , m", "f, f"})
    void acceptsAndLowerCasesGender(String given, String sent) {
        assertEquals(sent, CustomerData.builder().gender(given).build().gender());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "other", "", "mal"})
    void dropsOtherGenders(String given) {
        assertNull(CustomerData.builder().gender(given).build().gender());
    }

    @Test
    void invalidGenderLogsOneWarning() {
        try (LogCapture log = LogCapture.start()) {
            CustomerData.builder().gender("robot").build();
            assertEquals(1, log.warnings());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "en, en",       // 639-1
        "EN, en",
        "eng, eng",     // 639-2/T
        "deu, deu",     // 639-2/T
        "ger, ger",     // 639-2/B
        "fre, fre",     // 639-2/B
        "zho, zho",
        "en-US, en",    // language tag reduced to its language
        "pt_BR, pt"
    })
    void acceptsIso639(String given, String sent) {
        assertEquals(sent, CustomerData.builder().language(given).build().language());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "english", "zzz", "e", "", "12"})
    void dropsNonIso639(String given) {
        assertNull(CustomerData.builder().language(given).build().language());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 151})
    void dropsImpossibleAge(int age) {
        assertNull(CustomerData.builder().age(age).build().age());
    }

    @Test
    void allInvalidMeansEmpty() {
        assertTrue(CustomerData.builder().gender("?").language("??").build().isEmpty());
    }
}
