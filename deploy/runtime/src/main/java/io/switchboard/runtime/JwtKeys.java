package io.switchboard.runtime;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * The RSA key pair of a local Switchboard: the services verify agents' tokens with the public key, and
 * {@code deploy/local/token} signs them with the private key. Created once per state folder, never committed.
 */
public final class JwtKeys {

    public static final String ISSUER = "https://switchboard.local";
    /** Every service checks that a token is meant for Switchboard ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "switchboard";

    private final Path publicKey;
    private final Path privateKey;

    private JwtKeys(Path dir) {
        this.publicKey = dir.resolve("publicKey.pem");
        this.privateKey = dir.resolve("privateKey.pem");
    }

    /** The key pair under {@code dir}, generated on first use. */
    public static synchronized JwtKeys in(Path dir) {
        JwtKeys keys = new JwtKeys(dir);
        if (!Files.exists(keys.privateKey) || !Files.exists(keys.publicKey)) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    /** A signed token for {@code subject} in {@code groups}, valid for {@code lifetime}. */
    public String token(String subject, Set<String> groups, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .expiresIn(lifetime)
                .sign(readPrivateKey());
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            privateKey.toFile().setReadable(false, false);
            privateKey.toFile().setReadable(true, true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PrivateKey readPrivateKey() {
        try {
            String base64 = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("not an RSA private key: " + privateKey, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
