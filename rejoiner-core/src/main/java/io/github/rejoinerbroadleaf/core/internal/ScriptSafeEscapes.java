package io.github.rejoinerbroadleaf.core.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON string escapes that make JSON safe inside an HTML {@code <script>} element and inside
 * JavaScript source:
 * <ul>
 * <li>{@code < > &} become \\u003C \\u003E \\u0026, so no value can form {@code </script}, {@code <!--}
 * or {@code <script} (the HTML tokenizer only reacts to '&lt;').</li>
 * <li>U+2028 and U+2029 become \\u2028 \\u2029: they end a line in pre-ES2019 JavaScript strings.</li>
 * <li>Every UTF-16 surrogate becomes a \\uXXXX escape. Pairs still decode to the same character
 * in JavaScript; a lone surrogate (the model already replaces them, see {@link Text}) can then
 * never reach the servlet's UTF-8 encoder.</li>
 * <li>Quotes, backslashes and control characters (NUL included) get Jackson's standard escapes.</li>
 * </ul>
 */
public final class ScriptSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final SerializableString LS = new SerializedString("\\u2028");
    private static final SerializableString PS = new SerializedString("\\u2029");
    private static final SerializableString[] SURROGATES = new SerializableString[0x800];

    static {
        for (int i = 0; i < SURROGATES.length; i++) {
            SURROGATES[i] = new SerializedString(unicodeEscape(0xD800 + i));
        }
    }

    private final int[] asciiEscapes;

    public ScriptSafeEscapes() {
        int[] esc = CharacterEscapes.standardAsciiEscapesForJSON();
        esc['<'] = CharacterEscapes.ESCAPE_STANDARD;
        esc['>'] = CharacterEscapes.ESCAPE_STANDARD;
        esc['&'] = CharacterEscapes.ESCAPE_STANDARD;
        this.asciiEscapes = esc;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == 0x2028) {
            return LS;
        }
        if (ch == 0x2029) {
            return PS;
        }
        if (ch >= 0xD800 && ch <= 0xDFFF) {
            return SURROGATES[ch - 0xD800];
        }
        return null;
    }

    private static String unicodeEscape(int ch) {
        return new String(new char[] {'\\', 'u', HEX[(ch >> 12) & 0xf], HEX[(ch >> 8) & 0xf],
            HEX[(ch >> 4) & 0xf], HEX[ch & 0xf]});
    }
}
