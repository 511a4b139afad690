package io.github.rejoinerbroadleaf.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Text;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * Visitor data for {@code setCustomerData}. Immutable; invalid values are dropped with one warning:
 * age outside 0..150, gender other than male/female/m/f (case-insensitive, sent lower-case),
 * language other than an ISO 639-1/639-2 code (sent lower-case; "en-US" is reduced to "en").
 */
public final class CustomerData {

    private final Integer age;
    private final String gender;
    private final String language;
    private final String name;

    private CustomerData(Builder b) {
        this.age = b.age;
        this.gender = b.gender;
        this.language = b.language;
        this.name = b.name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Integer age() {
        return age;
    }

    public String gender() {
        return gender;
    }

    public String language() {
        return language;
    }

    public String name() {
        return name;
    }

    /** True when no field survived validation (the command is then not sent). */
    public boolean isEmpty() {
        return age == null && gender == null && language == null && name == null;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (age != null) {
            o.put("age", age.intValue());
        }
        if (gender != null) {
            o.put("gender", gender);
        }
        if (language != null) {
            o.put("language", language);
        }
        if (name != null) {
            o.put("name", name);
        }
        return o;
    }

    @Override
    public String toString() {
        return "CustomerData" + toJson();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private Integer age;
        private String gender;
        private String language;
        private String name;

        private Builder() {
        }

        public Builder age(int age) {
            this.age = Validation.age(age);
            return this;
        }

        public Builder gender(String gender) {
            this.gender = Validation.gender(gender);
            return this;
        }

        public Builder language(String language) {
            this.language = Validation.language(language);
            return this;
        }

        public Builder name(String name) {
            this.name = Text.cleanOrNull(name);
            return this;
        }

        public CustomerData build() {
            return new CustomerData(this);
        }
    }
}
