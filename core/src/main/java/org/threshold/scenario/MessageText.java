package org.threshold.scenario;

import java.util.Locale;

/** How messages about a scenario file show the values a user wrote. */
final class MessageText {

    /** Values longer than this are shortened in messages. */
    static final int SHOWN_LENGTH = 60;

    private MessageText() {
    }

    /** A value as a message shows it: on one line (line breaks and other control characters escaped), and cut when long. */
    static String shown(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return text.length() <= max ? sb.toString() : sb + "... (" + text.length() + " characters)";
    }

    /** A value as a message shows it, cut after {@value #SHOWN_LENGTH} characters. */
    static String shown(String text) {
        return shown(text, SHOWN_LENGTH);
    }
}
