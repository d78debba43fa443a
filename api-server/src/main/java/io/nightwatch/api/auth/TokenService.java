package io.nightwatch.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues and checks bearer tokens. A token is {@code nw_} + 32 random bytes (base64url); only its SHA-256 is
 * stored — tokens carry 256 bits of entropy, so a fast hash is enough (no password stretching needed).
 */
public final class TokenService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private final TokenRepository tokens;
    private final SecureRandom random = new SecureRandom();

    public TokenService(TokenRepository tokens) {
        this.tokens = tokens;
    }

    /** Creates (or rotates) the token called {@code name} with {@code role}; the plaintext is returned once. */
    public IssuedToken create(String name, Role role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "token name must be 1-64 characters of letters, digits, '_', '.', '@' or '-', starting with a letter or digit");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "nw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.upsert(name, role, hash(token));
        return new IssuedToken(name, role, token);
    }

    /** The caller of a presented token, if it is known and not revoked. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith("nw_") || token.length() > 128) {
            return Optional.empty();
        }
        Optional<Caller> caller = tokens.findActive(hash(token));
        caller.ifPresent(c -> tokens.touch(c.tokenId()));
        return caller;
    }

    /** Whether a token is known and active (used to reuse a saved demo token). */
    public boolean isActive(String token) {
        return token != null && tokens.findActive(hash(token)).isPresent();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
