package org.creditexchange.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.SftpComponent;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.creditexchange.CxProperties;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.SftpChannelDefinition;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Builds Camel sftp endpoints for a channel, one per use and never registered in the Camel context (the caller
 * starts and stops it). A remote path is taken as written: absolute from the server's root, relative from the login
 * directory (Camel on its own would make every path relative). The host key is checked strictly against the channel's known_hosts file and nothing else
 * (no user known_hosts, never a new key accepted), the Camel consumer does not reconnect on its own (the
 * {@code collect} step retries), and secrets are set on the configuration rather than written into the URI, so
 * they appear in no endpoint name or log.
 */
@Component
public class SftpEndpointFactory {

    /** File names never taken: Office lock files (~$…), partial uploads and editor temp files (hidden files never are). */
    static final String EXCLUDE = "^(~\\$|~).*|.*\\.(tmp|part|partial|filepart|crdownload|swp)$";

    private final CamelContext camel;
    private final CxProperties properties;
    private final Environment environment;

    public SftpEndpointFactory(CamelContext camel, CxProperties properties, Environment environment) {
        this.camel = camel;
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * An endpoint consuming the channel's remote directory: local copies go to {@code localWork}; a landed file is
     * moved to the file named by the header {@link SftpCollector#MOVE_TO} (or deleted); nothing happens to a file
     * whose processing failed.
     *
     * @throws SftpChannelException when a secret is not set or the known_hosts or key file is missing
     */
    SftpEndpoint forCollecting(ConnectorDefinition unit, SftpChannelDefinition channel, Path localWork) throws Exception {
        Map<String, Object> options = common();
        options.put("localWorkDirectory", localWork.toString());
        options.put("startScheduler", false);
        options.put("autoCreate", false);
        options.put("sortBy", "file:modified");
        options.put("exclude", EXCLUDE);
        if (!channel.includePatterns().isEmpty()) {
            options.put("antInclude", String.join(",", channel.includePatterns()));
            options.put("antFilterCaseSensitive", false);
        }
        if (channel.afterLanding() == SftpChannelDefinition.AfterLanding.DELETE) {
            options.put("delete", true);
        } else {
            options.put("move", "${header." + SftpCollector.MOVE_TO + "}");
        }
        return create(unit, channel, channel.remotePath(), options);
    }

    /**
     * An endpoint uploading into the channel's feedback directory: each file is written under a hidden temporary
     * name and renamed when complete, replacing a file of the same name.
     *
     * @throws SftpChannelException when a secret is not set or the known_hosts or key file is missing
     */
    SftpEndpoint forFeedback(ConnectorDefinition unit, SftpChannelDefinition channel) throws Exception {
        Map<String, Object> options = common();
        options.put("autoCreate", true);
        options.put("fileExist", "Override");
        options.put("tempFileName", ".${file:onlyname}.part");
        // The previous copy stays readable until the new one is complete.
        options.put("eagerDeleteTargetFile", false);
        return create(unit, channel, channel.feedbackPath(), options);
    }

    /** The server as shown in messages: {@code sftp://user@host:port}. */
    static String server(SftpChannelDefinition channel) {
        return "sftp://" + channel.username() + "@" + channel.host() + ":" + channel.port();
    }

    private static Map<String, Object> common() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("stepwise", false);
        options.put("maximumReconnectAttempts", 0);
        options.put("throwExceptionOnConnectFailed", true);
        options.put("useUserKnownHostsFile", false);
        options.put("autoCreateKnownHostsFile", false);
        options.put("strictHostKeyChecking", "yes");
        options.put("synchronous", true);
        return options;
    }

    private SftpEndpoint create(ConnectorDefinition unit, SftpChannelDefinition channel, String directory,
                                Map<String, Object> options) throws Exception {
        Path knownHosts = properties.resolveData(channel.knownHosts());
        if (!Files.isRegularFile(knownHosts)) {
            throw new SftpChannelException(unit.code(), channel.id(), server(channel), "the known-hosts file "
                    + knownHosts + " does not exist: the server's host key cannot be checked, so it is not contacted");
        }
        String password = null;
        String passphrase = null;
        Path privateKey = null;
        if (channel.passwordEnv() != null && !channel.passwordEnv().isBlank()) {
            password = secret(unit, channel, "password-env", channel.passwordEnv());
        }
        if (channel.usesPrivateKey()) {
            privateKey = properties.resolveData(channel.privateKey());
            if (!Files.isRegularFile(privateKey)) {
                throw new SftpChannelException(unit.code(), channel.id(), server(channel), "the private key file "
                        + privateKey + " does not exist");
            }
            if (channel.passphraseEnv() != null && !channel.passphraseEnv().isBlank()) {
                passphrase = secret(unit, channel, "passphrase-env", channel.passphraseEnv());
            }
        }
        SftpComponent component = camel.getComponent("sftp", SftpComponent.class);
        String query = options.entrySet().stream()
                .map(e -> e.getKey() + "=RAW(" + e.getValue() + ")")
                .collect(Collectors.joining("&"));
        String uri = "sftp://" + channel.host() + ":" + channel.port() + "?" + query;
        SftpEndpoint endpoint = (SftpEndpoint) component.createEndpoint(uri);
        SftpConfiguration configuration = endpoint.getConfiguration();
        // Set here, not in the URI: Camel would silently make /outbox relative to the login directory.
        configuration.setDirectory(directory);
        configuration.setDirectoryName(directory);
        configuration.setUsername(channel.username());
        configuration.setPassword(password);
        configuration.setKnownHostsFile(knownHosts.toString());
        if (privateKey != null) {
            configuration.setPrivateKeyFile(privateKey.toString());
            configuration.setPrivateKeyPassphrase(passphrase);
        }
        return endpoint;
    }

    private String secret(ConnectorDefinition unit, SftpChannelDefinition channel, String key, String name)
            throws SftpChannelException {
        String value = environment.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new SftpChannelException(unit.code(), channel.id(), server(channel), "the environment variable "
                    + name + " (" + key + ") is not set");
        }
        return value;
    }
}
