package org.threshold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the valid names nearest to a mistyped one, for "Maybe you meant ..." hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The valid names nearest to {@code typed}, best first; at most {@code max}, none that are far off. */
    public static List<String> nearest(String typed, Collection<String> valid, int max) {
        String t = typed.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String v : valid) {
            String lv = v.toLowerCase(Locale.ROOT);
            int d = distance(t, lv);
            boolean close = d <= Math.max(2, Math.max(t.length(), lv.length()) / 3)
                    || (t.length() >= 3 && (lv.contains(t) || t.contains(lv)));
            if (close) {
                scored.add(new Scored(v, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(max).map(Scored::name).toList();
    }

    /** A sentence "Maybe you meant 'x'." or "Valid keys: a, b, c." when nothing is near. */
    public static String hint(String typed, Collection<String> valid, String what) {
        List<String> near = nearest(typed, valid, 3);
        if (!near.isEmpty()) {
            return "Maybe you meant " + quoteAll(near, " or ") + ".";
        }
        if (valid.size() <= 12) {
            return "Valid " + what + ": " + String.join(", ", valid) + ".";
        }
        return "Valid " + what + " include " + String.join(", ", valid.stream().limit(8).toList()) + " (" + valid.size()
                + " in all; the README lists them).";
    }

    private static String quoteAll(List<String> names, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return sb.toString();
    }

    /** Damerau-Levenshtein distance (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
