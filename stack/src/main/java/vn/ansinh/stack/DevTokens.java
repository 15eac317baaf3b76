package vn.ansinh.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local run's stand-in for the identity provider: an RSA key pair kept in the work directory
 * ({@code keys/}), whose public half the services are told to trust, and bearer tokens signed with
 * it for the demo's officers and agencies. Production trusts Keycloak's keys instead (deploy/).
 */
public final class DevTokens {

    public static final String ISSUER = "http://localhost/ansinh-local";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path publicKey;
    private final PrivateKey privateKey;

    private DevTokens(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The key pair of this work directory, made on first use. */
    public static DevTokens in(Path workDir) {
        Path keys = workDir.resolve("keys");
        Path publicKey = keys.resolve("jwt-public.pem");
        Path privateKey = keys.resolve("jwt-private.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(keys);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new DevTokens(publicKey, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a service needs to trust these tokens (environment variables). */
    public Map<String, String> serviceEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString(), "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /**
     * A signed token.
     *
     * @param area the officer's area, or null for the province
     * @param scope OAuth2 scopes separated by spaces (an agency's personal-data grants), or null
     */
    public String sign(String user, List<String> roles, String area, String scope, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", "ansinh");
        claims.put("sub", user);
        claims.put("preferred_username", user);
        claims.put("azp", user);
        claims.put("groups", roles);
        if (area != null) {
            claims.put("area", area);
        }
        if (scope != null) {
            claims.put("scope", scope);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        try {
            String input = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                    + base64(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Authorization header value for the suite's own tools (demo loader, benchmarks, system tests). */
    public String operator() {
        return "Bearer " + sign("he-thong", List.of("province-officer", "inspector"), null, null, Duration.ofHours(12));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
