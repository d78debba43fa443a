package io.nightwatch.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues and checks bearer tokens. A token is {@code nw_} + 32 random bytes (base64url); only its SHA-256 is
 * stored — tokens carry 256 bits of entropy, so a fast hash is enough (no password stretching needed). A token
 * found active is remembered for {@link #DEFAULT_CACHE_TTL} (so a burst of requests, such as Prometheus posting
 * alerts, costs no database round trip per request): revoking or rotating through this server takes effect at once,
 * through another process (the CLI, another api-server) within that time. Unknown tokens are never cached.
 */
public final class TokenService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    /** How long an active token is remembered without asking the database again. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);

    private final TokenRepository tokens;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Caller> active;

    public TokenService(TokenRepository tokens) {
        this(tokens, DEFAULT_CACHE_TTL, Ticker.systemTicker());
    }

    /** With the cache's time to live and clock given (tests). */
    public TokenService(TokenRepository tokens, Duration cacheTtl, Ticker ticker) {
        this.tokens = tokens;
        this.active = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).ticker(ticker).build();
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
        active.invalidateAll(); // a rotation retires the previous token of this name
        return new IssuedToken(name, role, token);
    }

    /** The caller of a presented token, if it is known and not revoked. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith("nw_") || token.length() > 128) {
            return Optional.empty();
        }
        String hash = hash(token);
        Caller cached = active.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = tokens.findActive(hash);
        caller.ifPresent(c -> {
            tokens.touch(c.tokenId());
            active.put(hash, c);
        });
        return caller;
    }

    /** Revokes the active token called {@code name}; false if there is none. It stops working here at once. */
    public boolean revoke(String name) {
        boolean revoked = tokens.revoke(name);
        active.invalidateAll();
        return revoked;
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
