package org.creditexchange.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A cross-field rule of a catalog item, chosen by {@code type:}. Every rule names the fields it reads;
 * the check that those fields exist happens when the configuration is loaded.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RuleDefinition.DateOrder.class, name = "date-order"),
        @JsonSubTypes.Type(value = RuleDefinition.NotFuture.class, name = "not-future"),
        @JsonSubTypes.Type(value = RuleDefinition.PositiveIfContains.class, name = "positive-if-contains"),
        @JsonSubTypes.Type(value = RuleDefinition.PresentIfContains.class, name = "present-if-contains"),
        @JsonSubTypes.Type(value = RuleDefinition.CodePrefix.class, name = "code-prefix"),
        @JsonSubTypes.Type(value = RuleDefinition.AmountUnit.class, name = "amount-unit")
})
public sealed interface RuleDefinition {

    /** The catalog field keys this rule reads. */
    List<String> fields();

    /**
     * {@code later} must not be before {@code earlier} (both dates; the rule is silent when either is empty).
     */
    record DateOrder(String earlier, String later) implements RuleDefinition {
        @Override
        public List<String> fields() {
            return List.of(earlier, later);
        }
    }

    /** Each named date must not lie after the day the row is processed. */
    record NotFuture(List<String> dates) implements RuleDefinition {
        public NotFuture {
            dates = dates == null ? List.of() : List.copyOf(dates);
        }

        @Override
        public List<String> fields() {
            return dates;
        }
    }

    /** When {@code when} contains any of {@code contains}, the decimal {@code field} must be present and above zero. */
    record PositiveIfContains(String field, String when, List<String> contains) implements RuleDefinition {
        public PositiveIfContains {
            contains = contains == null ? List.of() : List.copyOf(contains);
        }

        @Override
        public List<String> fields() {
            return List.of(field, when);
        }
    }

    /** When {@code when} contains any of {@code contains}, {@code field} must be present. */
    record PresentIfContains(String field, String when, List<String> contains) implements RuleDefinition {
        public PresentIfContains {
            contains = contains == null ? List.of() : List.copyOf(contains);
        }

        @Override
        public List<String> fields() {
            return List.of(field, when);
        }
    }

    /**
     * When {@code when} holds, the code in {@code field} must ({@code expected: true}) or must not
     * ({@code expected: false}) start with {@code prefix}; {@code warning: true} keeps the row.
     */
    record CodePrefix(String field, ConditionDefinition when, String prefix, boolean expected, boolean warning)
            implements RuleDefinition {
        @Override
        public List<String> fields() {
            return when == null ? List.of(field) : List.of(field, when.field());
        }
    }

    /** A decimal amount in 万元 at or above {@code threshold} is probably in 元: a warning. */
    record AmountUnit(List<String> amounts, java.math.BigDecimal threshold) implements RuleDefinition {
        public AmountUnit {
            amounts = amounts == null ? List.of() : List.copyOf(amounts);
        }

        @Override
        public List<String> fields() {
            return amounts;
        }
    }
}
