package org.desist.identityprovider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import org.desist.refusal.StartRefused;

/**
 * The client's private key for private_key_jwt: an unencrypted PKCS#8 PEM file ("BEGIN PRIVATE KEY"), RSA of 3,072
 * bits or more or EC on P-256, P-384 or P-521.
 */
final class ClientKeys {
    private static final int RSA_BITS = 3072;
    private static final int EC_BITS = 256;

    private ClientKeys() {}

    static PrivateKey read(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StartRefused("identityProvider.privateKeyFile cannot be read: " + file);
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new StartRefused(
                    "identityProvider.privateKeyFile must hold a PKCS#8 PEM key (BEGIN PRIVATE KEY): " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
        for (String algorithm : new String[] {"RSA", "EC"}) {
            PrivateKey key;
            try {
                key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                continue; // not this algorithm (or an EC curve Java does not know, as P-224): try the next
            }
            return strongEnough(key, file);
        }
        throw new StartRefused(
                "identityProvider.privateKeyFile must hold an RSA key of at least 3,072 bits or an EC key on P-256,"
                        + " P-384 or P-521: " + file);
    }

    /**
     * ASVS V11.2.3 asks for at least 128 bits of security: RSA of 3,072 bits or more (2,048 gives 112), EC on a
     * curve of 256 bits or more. Says the size, never the key.
     */
    private static PrivateKey strongEnough(PrivateKey key, Path file) {
        if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < RSA_BITS) {
            throw new StartRefused(String.format(
                    Locale.ROOT,
                    "identityProvider.privateKeyFile holds a %,d-bit RSA key: at least 3,072 bits are needed (128 bits"
                            + " of security), or an EC key on P-256 or larger: %s",
                    rsa.getModulus().bitLength(),
                    file));
        }
        if (key instanceof ECPrivateKey ec && ec.getParams().getOrder().bitLength() < EC_BITS) {
            throw new StartRefused("identityProvider.privateKeyFile holds an EC key on a "
                    + ec.getParams().getOrder().bitLength()
                    + "-bit curve: P-256, P-384 or P-521 is needed (128 bits of security): " + file);
        }
        return key;
    }
}
