package org.creditexchange.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The loaded catalog: every catalog item and every code table, by id. */
public final class Catalog {

    private final Map<String, CatalogItemDefinition> items;
    private final Map<String, CodeTable> codeTables;

    public Catalog(Map<String, CatalogItemDefinition> items, Map<String, CodeTableDefinition> codeTables) {
        this.items = new TreeMap<>(items);
        // Looked up for every coded value of every row: hashed, not ordered.
        Map<String, CodeTable> tables = new HashMap<>();
        codeTables.forEach((id, def) -> tables.put(id, new CodeTable(def)));
        this.codeTables = tables;
    }

    public Optional<CatalogItemDefinition> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** The title of item {@code id} as clerks know it (行政处罚 …): the id itself when unknown, "" for none. */
    public String title(String id) {
        return id == null ? "" : item(id).map(CatalogItemDefinition::title).orElse(id);
    }

    public Collection<CatalogItemDefinition> items() {
        return items.values();
    }

    /** The code table with this id; the configuration check guarantees every referenced table exists. */
    public CodeTable codeTable(String id) {
        CodeTable t = codeTables.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no code table " + id);
        }
        return t;
    }

    public boolean hasCodeTable(String id) {
        return codeTables.containsKey(id);
    }
}
