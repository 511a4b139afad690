package io.github.rejoinerbroadleaf.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** The admin's checks that the declarations in {@link SettingKey} refer to. */
final class SettingRules {

    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private SettingRules() {
    }

    static Setting.Rule matches(final String regex) {
        final Pattern pattern = Pattern.compile(regex);
        return new Setting.Rule() {
            @Override
            public boolean accepts(String value) {
                return pattern.matcher(value).matches();
            }
        };
    }

    /** Comma-separated items that each match (an empty item does not). */
    static Setting.Rule eachCommaSeparated(String regex) {
        final Pattern pattern = Pattern.compile(regex);
        return new Setting.Rule() {
            @Override
            public boolean accepts(String value) {
                for (String item : value.split(",", -1)) {
                    if (!pattern.matcher(item.trim()).matches()) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    /** Comma- or newline-separated items (blanks ignored) that each match. */
    static Setting.Rule eachItem(String regex) {
        final Pattern pattern = Pattern.compile(regex);
        return new Setting.Rule() {
            @Override
            public boolean accepts(String value) {
                for (String item : SettingsResolver.list(value)) {
                    if (!pattern.matcher(item).matches()) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    static final Setting.Rule HOST_NAME = new Setting.Rule() {
        @Override
        public boolean accepts(String value) {
            String host = value.startsWith(".") ? value.substring(1) : value;
            if (host.isEmpty() || host.length() > 253 || host.endsWith(".")) {
                return false;
            }
            for (String label : host.split("\\.", -1)) {
                if (!HOST_LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return true;
        }
    };

    /** Printable ASCII without spaces or ':' (it would break the Basic/signature header). */
    static final Setting.Rule KEY = new Setting.Rule() {
        @Override
        public boolean accepts(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == ':') {
                    return false;
                }
            }
            return true;
        }
    };

    static final Setting.Rule NO_CONTROL_CHARACTERS = new Setting.Rule() {
        @Override
        public boolean accepts(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    };

    static Setting.Rule absoluteHttpUrl(final boolean queryAllowed) {
        return new Setting.Rule() {
            @Override
            public boolean accepts(String url) {
                try {
                    URI uri = new URI(url);
                    String scheme = uri.getScheme();
                    return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                            && uri.getHost() != null && uri.getRawUserInfo() == null
                            && (queryAllowed || (uri.getRawQuery() == null && uri.getRawFragment() == null));
                } catch (URISyntaxException e) {
                    return false;
                }
            }
        };
    }
}
