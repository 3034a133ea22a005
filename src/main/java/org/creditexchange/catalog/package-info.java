/** The catalog: items, fields, field types, rules and code tables, as declared in mappings/. */
package org.creditexchange.catalog;
