package io.switchboard.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The JRE's trust store, /etc/ssl/certs/java/cacerts, from the CA certificates of Debian's ca-certificates package:
 * what ca-certificates-java's maintainer script builds: a JKS store with the customary password "changeit". The
 * JRE reads it without a password (no integrity check), as on any Debian system.
 */
final class JavaTrustStore {

    private JavaTrustStore() {
    }

    static byte[] of(Map<String, byte[]> pemFiles) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Map.Entry<String, byte[]> pem : pemFiles.entrySet()) {
                String name = Path.of(pem.getKey()).getFileName().toString().replaceFirst("\\.crt$", "");
                store.setCertificateEntry("debian:" + name.toLowerCase(Locale.ROOT) + ".pem",
                        x509.generateCertificate(new ByteArrayInputStream(pem.getValue())));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, "changeit".toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the trust store", e);
        }
    }
}
