package vn.ansinh.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.Header;

/**
 * Bearer tokens for tests, signed RS256 with a key pair made for this JVM; the service under test
 * verifies them against the public key exactly as it verifies the identity provider's in
 * production ({@link #quarkusConfig()}). Requests through REST Assured carry a province officer's
 * token unless they set their own Authorization header ({@link #useByDefault()}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://sso.test.ansinh.local/realms/ansinh";
    public static final String AUDIENCE = "ansinh";
    public static final String DEFAULT_USER = "test-officer";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;
    private static Path publicKeyFile;
    private static boolean defaultInstalled;

    private TestTokens() {
    }

    /** Where the service under test finds the key and which issuer it trusts. */
    public static synchronized Map<String, String> quarkusConfig() {
        keys();
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A token for {@code name} with these roles, province-wide. */
    public static Token of(String name, String... roles) {
        return new Token(name, List.of(roles));
    }

    /** The Authorization header of a token for {@code name} with these roles, province-wide. */
    public static Header as(String name, String... roles) {
        return of(name, roles).header();
    }

    /** REST Assured requests without an Authorization header of their own carry a province officer's. */
    public static synchronized void useByDefault() {
        if (defaultInstalled) {
            return;
        }
        String bearer = "Bearer " + of(DEFAULT_USER, "province-officer").sign();
        Filter filter = (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", bearer);
            }
            return context.next(request, response);
        };
        RestAssured.filters(filter);
        defaultInstalled = true;
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                publicKeyFile = Files.createTempFile("ansinh-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** One token being made; each call returns a changed copy. */
    public static final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private PrivateKey signer;
        private String issuer = ISSUER;
        private Duration lifetime = Duration.ofMinutes(30);

        private Token(String name, List<String> roles) {
            claims.put("sub", name);
            claims.put("preferred_username", name);
            claims.put("groups", roles);
        }

        /** Limits the caller to an area (commune, district or province code). */
        public Token area(String area) {
            claims.put("area", area);
            return this;
        }

        /** OAuth2 scopes, e.g. personal:citizen-id. */
        public Token scopes(String... scopes) {
            claims.put("scope", String.join(" ", scopes));
            return this;
        }

        /** The OAuth2 client (azp) the token was issued to. */
        public Token client(String client) {
            claims.put("azp", client);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Negative for a token that has already expired. */
        public Token lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Signed with a key the service does not know. */
        public Token signedByStranger() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                signer = generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public Header header() {
            return new Header("Authorization", "Bearer " + sign());
        }

        public String sign() {
            Instant now = Instant.now();
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("iss", issuer);
            body.put("aud", AUDIENCE);
            body.put("iat", now.getEpochSecond());
            body.put("exp", now.plus(lifetime).getEpochSecond());
            try {
                String signingInput = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                        + "." + base64(JSON.writeValueAsBytes(body));
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(signer != null ? signer : keys().getPrivate());
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + base64(rsa.sign());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String base64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
