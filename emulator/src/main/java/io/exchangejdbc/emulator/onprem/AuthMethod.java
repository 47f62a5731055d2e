package io.exchangejdbc.emulator.onprem;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A sign-in scheme the gate can offer. */
public enum AuthMethod {
    /** Basic (RFC 7617). */
    BASIC,
    /** Digest with MD5 (RFC 7616). */
    DIGEST_MD5,
    /** Digest with SHA-256 (RFC 7616). */
    DIGEST_SHA256,
    /** NTLM with NTLMv2 responses. */
    NTLM,
    /** Negotiate: SPNEGO with Kerberos. */
    NEGOTIATE;

    /**
     * The methods named in a path segment: {@code basic}, {@code digest} (both algorithms),
     * {@code digest-md5}, {@code digest-sha256}, {@code ntlm}, {@code negotiate}, or {@code any};
     * several joined with {@code +}. Empty for an unknown name.
     */
    public static Set<AuthMethod> parse(String names) {
        Set<AuthMethod> out = EnumSet.noneOf(AuthMethod.class);
        for (String n : names.toLowerCase(Locale.ROOT).split("\\+")) {
            switch (n) {
                case "basic" -> out.add(BASIC);
                case "digest" -> {
                    out.add(DIGEST_SHA256);
                    out.add(DIGEST_MD5);
                }
                case "digest-md5" -> out.add(DIGEST_MD5);
                case "digest-sha256" -> out.add(DIGEST_SHA256);
                case "ntlm" -> out.add(NTLM);
                case "negotiate" -> out.add(NEGOTIATE);
                case "any" -> out.addAll(EnumSet.allOf(AuthMethod.class));
                default -> {
                    return EnumSet.noneOf(AuthMethod.class);
                }
            }
        }
        return out;
    }
}
