package org.creditexchange.ingest.validate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.creditexchange.catalog.code.IdNumberMasking;

/**
 * The Chinese texts of reason codes, from {@code i18n/reasons.properties}: {@code CODE.message} and
 * {@code CODE.hint}, {@link MessageFormat} patterns whose arguments the caller supplies, and {@code CODE.title}, a
 * short name of the problem for reports that count problems by code. Every string argument
 * has embedded ID numbers masked; values of ID-number fields (which may fail the check digit) the caller masks.
 */
public final class ReasonMessages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/reasons", Locale.ROOT);

    private ReasonMessages() {
    }

    /** The message for {@code code}; throws IllegalStateException for a code without text (a bug). */
    public static String message(String code, Object... args) {
        return format(code + ".message", args);
    }

    /** The fix hint for {@code code}, {@code ""} when the bundle has none. */
    public static String hint(String code, Object... args) {
        return BUNDLE.containsKey(code + ".hint") ? format(code + ".hint", args) : "";
    }

    /** The short Chinese name of {@code code} (e.g. 必填项未填写), the code itself when the bundle has none. */
    public static String title(String code) {
        return code != null && BUNDLE.containsKey(code + ".title") ? BUNDLE.getString(code + ".title")
                : code == null ? "" : code;
    }

    /** A reason about {@code field} (key and title; both {@code ""} for the whole row). */
    public static Reason reason(String field, String title, String code, Severity severity, Object... args) {
        return new Reason(field, title, code, severity, message(code, args), hint(code, args));
    }

    /** A quoted value stays readable and bounded: a 30,000-character cell is not echoed whole. */
    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…（共" + s.length() + "字）";
    }

    private static String format(String key, Object... args) {
        try {
            String pattern = BUNDLE.getString(key);
            if (args.length == 0) {
                return pattern;
            }
            // Whatever a clerk typed is echoed back: an ID number typed into any column is masked here, once for all.
            Object[] masked = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                masked[i] = args[i] instanceof String s ? shorten(IdNumberMasking.maskEmbedded(s)) : args[i];
            }
            return new MessageFormat(pattern, Locale.ROOT).format(masked);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key, e);
        }
    }
}
