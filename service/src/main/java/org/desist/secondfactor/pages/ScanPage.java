package org.desist.secondfactor.pages;

import java.net.URI;
import org.desist.secondfactor.SecondFactors;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The new secret to add to the app: as a QR code (inline SVG: no image fetched, no script) and as text in groups
 * of four for typing, with the field for a current code that confirms it.
 */
public final class ScanPage extends Page {
    /** An otpauth URI as the service makes them; anything else sent back by a form is not drawn. */
    private static final int LONGEST_URI = 512;

    private final String otpauthUri;
    private final String qrSvg;
    private final String secret;

    private ScanPage(Viewer viewer, String otpauthUri, String qrSvg, String secret) {
        super("secondfactor/scan.ftlh", viewer, "Add Desist to your authenticator app");
        this.otpauthUri = otpauthUri;
        this.qrSvg = qrSvg;
        this.secret = secret;
    }

    static ScanPage of(Viewer viewer, String otpauthUri) {
        String secret = secretOf(otpauthUri);
        if (secret == null) {
            return new ScanPage(viewer, null, null, null);
        }
        return new ScanPage(viewer, otpauthUri, SecondFactors.qrSvg(otpauthUri), secret);
    }

    /** The secret parameter of a TOTP URI (RFC 6238's otpauth://totp/...?secret=BASE32), or null. */
    static String secretOf(String otpauthUri) {
        if (otpauthUri == null || otpauthUri.length() > LONGEST_URI || !otpauthUri.startsWith("otpauth://totp/")) {
            return null;
        }
        String query;
        try {
            query = URI.create(otpauthUri).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("secret=") && parameter.substring(7).matches("[A-Z2-7]+=*")) {
                return parameter.substring(7);
            }
        }
        return null;
    }

    public String getOtpauthUri() {
        return otpauthUri;
    }

    /** SVG markup of the service's own making, drawn as it is. */
    public String getQrSvg() {
        return qrSvg;
    }

    /** The base32 secret in groups of four, as authenticator apps ask it to be typed. */
    public String getSecret() {
        return secret == null ? null : secret.replaceAll("=+$", "").replaceAll("(.{4})(?!$)", "$1 ");
    }
}
