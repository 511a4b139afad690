package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.Setting;
import io.github.rejoinerbroadleaf.settings.SettingKey;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Copies between the stored row, the screen's form and the settings layer's key/value view, setting by setting as declared. */
final class SettingsRecords {

    private SettingsRecords() {
    }

    /** The stored values by key (blank and unset values are left out). */
    static Map<SettingKey, String> values(RejoinerSettingsRecord r) {
        Map<SettingKey, String> v = new EnumMap<SettingKey, String>(SettingKey.class);
        if (r != null) {
            for (SettingKey key : SettingsForm.editable()) {
                String value = SettingsValidator.trim(r.value(key));
                if (value != null) {
                    v.put(key, value);
                }
            }
        }
        return Collections.unmodifiableMap(v);
    }

    /** The form for a stored row; secrets are not copied, only whether they are set (and a key's last four). */
    static SettingsForm toForm(RejoinerSettingsRecord r) {
        SettingsForm f = new SettingsForm();
        if (r == null) {
            return f;
        }
        for (SettingKey key : SettingsForm.editable()) {
            String value = r.value(key);
            if (key.isSecret()) {
                f.markStored(key, value);
            } else if (value != null) {
                f.set(key, value);
            }
        }
        return f;
    }

    /** Copies a validated form onto the row; a secret changes only when replaced or cleared. */
    static void apply(SettingsForm f, RejoinerSettingsRecord r) {
        for (SettingKey key : SettingsForm.editable()) {
            Setting s = key.declaration();
            if (key.isSecret()) {
                String typed = SettingsValidator.trim(f.typed(key));
                if (typed != null) {
                    r.setValue(key, typed);
                } else if (f.isCleared(key)) {
                    r.setValue(key, null);
                }
                continue;
            }
            String value = SettingsValidator.trim(f.get(key));
            switch (s.kind()) {
                case FLAG:
                    r.setValue(key, Boolean.toString(f.isOn(key)));
                    break;
                case CHOICE:
                    r.setValue(key, value == null ? null : s.choiceOf(value));
                    break;
                case CHOICES:
                    r.setValue(key, joined(SettingsValidator.items(value), ","));
                    break;
                case LIST:
                    r.setValue(key, joined(SettingsValidator.items(value), s.isOnePerLine() ? "\n" : ","));
                    break;
                default:
                    r.setValue(key, value);
            }
        }
    }

    private static String joined(List<String> items, String separator) {
        if (items.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(item);
        }
        return sb.toString();
    }
}
