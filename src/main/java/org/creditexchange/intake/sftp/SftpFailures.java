package org.creditexchange.intake.sftp;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Says in a line what went wrong talking to an SFTP server, from the causes Camel and JSch wrap. */
final class SftpFailures {

    private SftpFailures() {
    }

    /** The reason, most telling cause first; the technical message follows in brackets. */
    static String explain(Throwable failure) {
        String detail = innermost(failure).toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JSchChangedHostKeyException) {
                return "the server's host key has CHANGED from the one in known-hosts: refused (someone may be "
                        + "impersonating the server; confirm the new key with its administrator before replacing it) ["
                        + detail + "]";
            }
            if (t instanceof JSchUnknownHostKeyException) {
                return "the server's host key is not in known-hosts: refused (add it after confirming its fingerprint "
                        + "with the server's administrator) [" + detail + "]";
            }
            if (t instanceof JSchHostKeyException) {
                return "the server's host key was refused [" + detail + "]";
            }
            if (t instanceof ConnectException) {
                return "the server refused the connection or is down [" + detail + "]";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host [" + detail + "]";
            }
            if (t instanceof SocketTimeoutException) {
                return "the server did not answer in time [" + detail + "]";
            }
            if (t instanceof SftpException s && s.id == 2) {
                return "no such file or directory on the server [" + detail + "]";
            }
            if (t.getMessage() != null && t.getMessage().contains("Auth fail")) {
                return "login refused: wrong user name, password or key [" + detail + "]";
            }
        }
        if (failure.getMessage() == null) {
            return detail;
        }
        return innermost(failure) == failure ? failure.getMessage() : failure.getMessage() + " [" + detail + "]";
    }

    private static Throwable innermost(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
