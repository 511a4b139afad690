package io.github.rejoinerbroadleaf.sample;

import org.hibernate.tool.hbm2ddl.ImportSqlCommandExtractor;
import org.hibernate.tool.hbm2ddl.SingleLineSqlCommandExtractor;

import java.io.Reader;

/**
 * Reads the sample's seed SQL (one statement per line) so that it loads on every database the
 * sample supports. Hibernate 4.1 reads import files in the JVM's default charset, so the files are
 * ASCII and write other characters as SQL Unicode literals ({@code U&'Jalape\00F1o'}); HSQLDB and
 * PostgreSQL know these, MariaDB/MySQL do not. This turns each one into a plain literal holding the
 * real characters (JDBC sends them as Unicode), with backslashes doubled where the database reads
 * them as escapes (MariaDB/MySQL). Set as {@code hibernate.hbm2ddl.import_files_sql_extractor} in
 * {@code persistence-sample.xml}.
 */
public final class SeedSqlExtractor implements ImportSqlCommandExtractor {

    private static final long serialVersionUID = 1L;

    private final ImportSqlCommandExtractor lines = new SingleLineSqlCommandExtractor();

    @Override
    public String[] extractCommands(Reader reader) {
        String[] commands = lines.extractCommands(reader);
        String url = System.getProperty("sample.db.url", SampleSettings.EMBEDDED_URL);
        boolean backslashEscapes = SampleSettings.Database.of(url.trim()) == SampleSettings.Database.MARIADB;
        for (int i = 0; i < commands.length; i++) {
            commands[i] = plainLiterals(commands[i], backslashEscapes);
        }
        return commands;
    }

    /** {@code sql} with every {@code U&'...'} literal written as a plain {@code '...'} one. */
    static String plainLiterals(String sql, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean unicode = (c == 'U' || c == 'u') && sql.startsWith("&'", i + 1)
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)));
            if (c != '\'' && !unicode) {
                out.append(c);
                i++;
                continue;
            }
            int start = unicode ? i + 3 : i + 1;
            StringBuilder value = new StringBuilder();
            int j = start;
            while (true) {
                if (j >= sql.length()) {
                    throw new IllegalArgumentException("unterminated string literal in seed SQL: " + sql);
                }
                char v = sql.charAt(j);
                if (v == '\'') {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
                        value.append('\'');
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (unicode && v == '\\') {
                    j = unescape(sql, j, value);
                    continue;
                }
                value.append(v);
                j++;
            }
            out.append('\'');
            for (int k = 0; k < value.length(); k++) {
                char v = value.charAt(k);
                if (v == '\'') {
                    out.append("''");
                } else if (v == '\\' && backslashEscapes) {
                    out.append("\\\\");
                } else {
                    out.append(v);
                }
            }
            out.append('\'');
            i = j + 1;
        }
        return out.toString();
    }

    /** Decodes the escape at {@code sql[at]} ({@code \\}, {@code \XXXX}, {@code \+XXXXXX}); returns the index after it. */
    private static int unescape(String sql, int at, StringBuilder value) {
        if (sql.startsWith("\\\\", at)) {
            value.append('\\');
            return at + 2;
        }
        boolean six = sql.startsWith("\\+", at);
        int from = at + (six ? 2 : 1);
        int to = from + (six ? 6 : 4);
        if (to > sql.length()) {
            throw new IllegalArgumentException("bad Unicode escape in seed SQL at " + at + ": " + sql);
        }
        value.appendCodePoint(Integer.parseInt(sql.substring(from, to), 16));
        return to;
    }
}
