/** The credit store: merging accepted rows, keyed hashing of personal ID numbers, export. */
package org.creditexchange.store;
