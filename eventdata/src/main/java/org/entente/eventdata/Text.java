package org.entente.eventdata;

/** Small text helpers shared by the readers and writers. */
final class Text {

    private Text() {
    }

    /** The text as one tab-separated cell: tabs and line breaks become blanks. */
    static String cell(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** At most {@code max} characters, with "..." when cut. */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** Whether a cell holds no value: blank, or ICEWS's and R's {@code NA}. */
    static boolean isMissing(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("null");
    }

    /** A number without a useless ".0": {@code 1.0 -> "1"}, {@code 3.4 -> "3.4"}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
