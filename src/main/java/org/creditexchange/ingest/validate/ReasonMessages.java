package org.creditexchange.ingest.validate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Chinese texts of reason codes, from {@code i18n/reasons.properties}: {@code CODE.message} and
 * {@code CODE.hint}, {@link MessageFormat} patterns whose arguments the caller supplies. Arguments that could
 * hold a personal ID number must be masked by the caller.
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

    /** A reason about {@code field} (key and title; both {@code ""} for the whole row). */
    public static Reason reason(String field, String title, String code, Severity severity, Object... args) {
        return new Reason(field, title, code, severity, message(code, args), hint(code, args));
    }

    private static String format(String key, Object... args) {
        try {
            String pattern = BUNDLE.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key, e);
        }
    }
}
