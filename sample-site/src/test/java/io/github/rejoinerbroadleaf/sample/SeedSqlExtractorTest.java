package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed SQL's Unicode literals become plain literals every supported database reads the same way. */
class SeedSqlExtractorTest {

    @Test
    void unicodeEscapesBecomeTheCharactersThemselves() {
        assertEquals("VALUES ('Jalape\u00f1o \ud83c\udf36', 'x')",
                SeedSqlExtractor.plainLiterals("VALUES (U&'Jalape\\00F1o \\D83C\\DF36', 'x')", false));
    }

    @Test
    void doubledQuotesStayDoubled() {
        assertEquals("VALUES ('Grandma''s', 'it''s')",
                SeedSqlExtractor.plainLiterals("VALUES (U&'Grandma''s', 'it''s')", false));
    }

    @Test
    void aBackslashIsDoubledOnlyWhereTheDatabaseReadsItAsAnEscape() {
        String sql = "VALUES (U&'a \\\\ b')";

        assertEquals("VALUES ('a \\ b') VALUES ('a \\\\ b')",
                SeedSqlExtractor.plainLiterals(sql, false) + " " + SeedSqlExtractor.plainLiterals(sql, true));
    }

    @Test
    void aUnicodeLiteralMarkerInsideAPlainLiteralIsText() {
        String sql = "SELECT 'U&''x''' FROM T";

        assertEquals(sql, SeedSqlExtractor.plainLiterals(sql, true));
    }
}
