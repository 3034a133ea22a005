package org.creditexchange.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The field types a catalog item may use, by their YAML name. */
public enum FieldTypeName {
    TEXT("text"),
    DATE("date"),
    DECIMAL("decimal"),
    CODE("code"),
    USCC("uscc"),
    ID_NUMBER("id-number"),
    ORG_CODE("org-code"),
    REG_NUMBER("reg-number");

    private final String yamlName;

    FieldTypeName(String yamlName) {
        this.yamlName = yamlName;
    }

    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static FieldTypeName of(String name) {
        for (FieldTypeName t : values()) {
            if (t.yamlName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name + "', expected one of "
                + Arrays.stream(values()).map(FieldTypeName::yamlName).collect(Collectors.joining(", ")));
    }
}
