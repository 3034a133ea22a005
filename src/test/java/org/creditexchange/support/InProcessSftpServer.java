package org.creditexchange.support;

import com.jcraft.jsch.JSch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.common.file.root.RootedFileSystemProvider;
import org.apache.sshd.common.file.root.RootedPath;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server in the test's JVM (Apache MINA SSHD) on a free loopback port, serving a temporary folder as its
 * root, as a chrooted account on a front-end machine sees it: the login directory is {@value #HOME}, not the root, so
 * relative and absolute remote paths differ. Password and public-key logins, a host key generated for the run.
 */
public final class InProcessSftpServer implements AutoCloseable {

    /** The login directory, inside the served root. */
    public static final String HOME = "/home/cx";

    private final SshServer server;
    private final Path root;
    private final KeyPair hostKey;
    private final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();

    private InProcessSftpServer(SshServer server, Path root, KeyPair hostKey) {
        this.server = server;
        this.root = root;
        this.hostKey = hostKey;
    }

    /** Starts a server on 127.0.0.1 whose user {@code username} logs in with {@code password} or an authorized key. */
    public static InProcessSftpServer start(Path root, String username, String password) {
        try {
            Files.createDirectories(root);
            KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            SshServer sshd = SshServer.setUpDefaultServer();
            InProcessSftpServer s = new InProcessSftpServer(sshd, root, hostKey);
            sshd.setHost("127.0.0.1");
            sshd.setPort(0);
            sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            sshd.setPasswordAuthenticator((user, pw, session) -> username.equals(user) && password.equals(pw));
            sshd.setPublickeyAuthenticator((user, key, session) -> username.equals(user)
                    && s.authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            Files.createDirectories(root.resolve(HOME.substring(1)));
            sshd.setFileSystemFactory(new FileSystemFactory() {
                @Override
                public Path getUserHomeDir(SessionContext session) {
                    return null;
                }

                @Override
                public FileSystem createFileSystem(SessionContext session) {
                    return new RootedFileSystem(new RootedFileSystemProvider(), root, Map.of()) {
                        @Override
                        public RootedPath getDefaultDir() {
                            return getPath(HOME);
                        }
                    };
                }
            });
            sshd.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The folder served as {@code /}. */
    public Path root() {
        return root;
    }

    /** The server's line in an OpenSSH known_hosts file. */
    public String knownHostsLine() {
        return knownHostsLine(port(), hostKey.getPublic());
    }

    /** A known_hosts line for this server's address that names another key: the server looks changed. */
    public String otherKnownHostsLine() throws GeneralSecurityException {
        return knownHostsLine(port(), KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic());
    }

    private static String knownHostsLine(int port, PublicKey key) {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key) + "\n";
    }

    /**
     * Generates a client key pair (as ssh-keygen would), writes its private key in PEM to {@code privateKeyFile},
     * encrypted when {@code passphrase} is given, and authorizes its public key.
     */
    public void authorizeNewKey(Path privateKeyFile, String passphrase) throws Exception {
        com.jcraft.jsch.KeyPair pair = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.ECDSA, 256);
        try {
            ByteArrayOutputStream key = new ByteArrayOutputStream();
            if (passphrase == null) {
                pair.writePrivateKey(key);
            } else {
                pair.writePrivateKey(key, passphrase.getBytes(StandardCharsets.UTF_8));
            }
            Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
            Files.write(privateKeyFile, key.toByteArray());
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            pair.writePublicKey(pub, "cx-test");
            authorizedKeys.add(AuthorizedKeyEntry.parseAuthorizedKeyEntry(pub.toString(StandardCharsets.US_ASCII).strip())
                    .resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
        } finally {
            pair.dispose();
        }
    }

    /** A loopback port nobody listens on (just released). */
    public static int unusedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
