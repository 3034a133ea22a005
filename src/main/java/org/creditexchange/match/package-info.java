/**
 * The subject registry (主体库) and subject matching (比对): organisations with their codes of every generation and
 * former names, natural persons by keyed ID hash; the set-based match step that links each staged row to its
 * subject; re-matching after a registry update; the registry import.
 */
package org.creditexchange.match;
