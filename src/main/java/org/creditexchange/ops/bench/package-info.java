/**
 * The {@code bench} command's parts: synthetic 行政处罚 rows and their registry, PostgreSQL's own {@code COPY} of the
 * same rows as the reference figure, and the engine's full path measured against it in the same run.
 */
package org.creditexchange.ops.bench;
