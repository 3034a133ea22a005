package org.creditexchange.match;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldTypeName;
import org.creditexchange.catalog.code.OrgCodeCheckDigit;
import org.creditexchange.catalog.code.UsccCheckDigit;

/**
 * The comparison forms an organisation row is matched by ({@link SubjectMatcher}), worked out once, when the row is
 * staged, so that matching is SQL only and never rewrites staged rows to prepare them.
 *
 * @param nameNorm  the subject name's comparison form ({@link SubjectNames#normalize})
 * @param orgCode   the 组织机构代码: the item's org-code field, else positions 9–17 of a valid USCC; null when neither
 *                  (or longer than any code)
 * @param regNumber the registration number (the item's reg-number field, stripped, upper-case); null when none
 */
public record MatchForms(String nameNorm, String orgCode, String regNumber) {

    /** The widths of {@code match_org_code} and {@code match_reg_number}. */
    static final int ORG_CODE_MAX = 32;
    static final int REG_NUMBER_MAX = 64;

    /** Works out the forms of an item's rows. */
    public static final class Rule {

        private final Optional<String> orgCodeField;
        private final Optional<String> regNumberField;

        public Rule(CatalogItemDefinition item) {
            this.orgCodeField = item.fieldKeyOfType(FieldTypeName.ORG_CODE);
            this.regNumberField = item.fieldKeyOfType(FieldTypeName.REG_NUMBER);
        }

        /**
         * The forms of an organisation row.
         *
         * @param subjectName the row's subject name as staged
         * @param uscc        its 统一社会信用代码 as staged ({@code ""} when none)
         * @param values      its canonical values by field key, as staged
         */
        public MatchForms of(String subjectName, String uscc, Map<String, String> values) {
            String orgCode = orgCodeField.map(f -> OrgCodeCheckDigit.normalize(values.get(f))).orElse("");
            if (orgCode.isEmpty() && UsccCheckDigit.isValid(uscc)) {
                orgCode = UsccCheckDigit.orgCodePart(uscc);
            }
            String regNumber = regNumberField.map(f -> text(values.get(f)).strip().toUpperCase(Locale.ROOT)).orElse("");
            return new MatchForms(SubjectNames.normalize(subjectName), fitting(orgCode, ORG_CODE_MAX),
                    fitting(regNumber, REG_NUMBER_MAX));
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Null for an empty value and for one longer than its column: no registered code is that long. */
    private static String fitting(String s, int max) {
        return s == null || s.isEmpty() || s.length() > max ? null : s;
    }
}
