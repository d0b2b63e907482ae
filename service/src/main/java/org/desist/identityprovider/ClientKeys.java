package org.desist.identityprovider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.desist.refusal.StartRefused;

/** The client's private key for private_key_jwt: an unencrypted PKCS#8 PEM file ("BEGIN PRIVATE KEY"), RSA or EC. */
final class ClientKeys {
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
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new StartRefused("identityProvider.privateKeyFile holds neither an RSA nor an EC key: " + file);
    }
}
