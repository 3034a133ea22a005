/** The sftp channel: files pulled from a unit's SFTP directory by the collect step, feedback uploaded back. */
package org.creditexchange.intake.sftp;
