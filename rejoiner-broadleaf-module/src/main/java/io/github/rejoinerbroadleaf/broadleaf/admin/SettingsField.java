package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.Setting;
import io.github.rejoinerbroadleaf.settings.SettingKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the settings screen, made from a setting's declaration, the form and the page's
 * errors and sources, so the template renders every setting by iterating these. A secret's row
 * carries only whether one is stored (and a key's last four characters), never the value.
 */
public final class SettingsField {

    /** One option of a select. */
    public static final class Option {
        private final String value;
        private final String label;
        private final boolean selected;

        Option(String value, String label, boolean selected) {
            this.value = value;
            this.label = label;
            this.selected = selected;
        }

        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }

        public boolean isSelected() {
            return selected;
        }
    }

    private final SettingKey key;
    private final SettingsForm form;
    private final String error;
    private final String source;

    SettingsField(SettingKey key, SettingsForm form, String error, String source) {
        this.key = key;
        this.form = form;
        this.error = error;
        this.source = source;
    }

    /** Every editable setting's row, in declaration order. */
    static List<SettingsField> of(SettingsForm form, Map<String, String> errors, Map<String, String> sources) {
        List<SettingsField> fields = new ArrayList<SettingsField>();
        for (SettingKey key : SettingsForm.editable()) {
            fields.add(new SettingsField(key, form, errors.get(SettingsForm.inputName(key)), sources.get(key.camelName())));
        }
        return Collections.unmodifiableList(fields);
    }

    private Setting declaration() {
        return key.declaration();
    }

    /** The posted parameter and the input's id, e.g. {@code siteId} or {@code newApiSecret}. */
    public String getName() {
        return SettingsForm.inputName(key);
    }

    /** The setting's own name, e.g. {@code apiKey} (ids of hints: {@code apiKey-state}). */
    public String getSetting() {
        return key.camelName();
    }

    public String getClearName() {
        return SettingsForm.clearName(key);
    }

    /** text, password, checkbox, select or textarea. */
    public String getWidget() {
        switch (declaration().kind()) {
            case SECRET:
                return "password";
            case FLAG:
                return "checkbox";
            case CHOICE:
                return "select";
            default:
                return declaration().isOnePerLine() ? "textarea" : "text";
        }
    }

    public String getLabel() {
        return declaration().label();
    }

    /** The declaration's help without its Markdown (backticks, links). */
    public String getHelp() {
        return declaration().help().replaceAll("\\[([^\\]]+)\\]\\([^)]+\\)", "$1").replace("`", "");
    }

    public String getPlaceholder() {
        return declaration().placeholder();
    }

    /** The input's maxlength: the declared limit, else the column's; null for none. */
    public Integer getMaxLength() {
        int max = declaration().maxLength() > 0 ? declaration().maxLength() : declaration().columnLength();
        return max > 0 ? Integer.valueOf(max) : null;
    }

    /** The value to show; always null for a secret. */
    public String getValue() {
        return key.isSecret() ? null : form.get(key);
    }

    public boolean isOn() {
        return form.isOn(key);
    }

    public List<Option> getOptions() {
        List<Option> options = new ArrayList<Option>();
        String current = form.get(key) == null ? declaration().defaultValue() : declaration().choiceOf(form.get(key));
        for (int i = 0; i < declaration().choices().size(); i++) {
            String value = declaration().choices().get(i);
            options.add(new Option(value, declaration().choiceLabels().get(i), value.equals(current)));
        }
        return options;
    }

    public boolean isStored() {
        return form.isStored(key);
    }

    /** What the page says about a stored secret, e.g. "A key ending in WXYZ is set (the rest is not shown). ..." */
    public String getState() {
        String noun = noun();
        if (!form.isStored(key)) {
            return "No " + noun + " is saved here.";
        }
        String lastFour = form.lastFour(key);
        return (lastFour != null ? "A " + noun + " ending in " + lastFour + " is set (the rest is not shown)."
                : "A " + noun + " is set (not shown).") + " Type a new one to replace it; leave blank to keep it.";
    }

    public String getClearLabel() {
        return "Remove the saved " + noun();
    }

    /** "key" for "API key", "secret" for "API secret". */
    private String noun() {
        String label = declaration().label();
        return label.substring(label.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    }

    public String getError() {
        return error;
    }

    /** The layer the setting in force comes from ("admin", "environment", "default", ...). */
    public String getSource() {
        return source;
    }
}
