package org.creditexchange.catalog;

import java.util.List;

/**
 * Which fields of a catalog item say who the record is about.
 *
 * @param kindField      the field holding the subject category (行政相对人类别), may be null when the item has one kind
 * @param personKinds    canonical categories that mean a natural person (their records go to the personal store)
 * @param nameField      the subject's name
 * @param codeField      the organisation's 统一社会信用代码
 * @param idNumberField  the natural person's ID number
 */
public record SubjectDefinition(String kindField, List<String> personKinds, String nameField, String codeField,
                                String idNumberField) {

    public SubjectDefinition {
        personKinds = personKinds == null ? List.of() : List.copyOf(personKinds);
    }
}
