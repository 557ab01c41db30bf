package org.threshold.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed document value with the place it was read from. */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

    /** Line, from 1; 0 where unknown. */
    int line();

    /** Column, from 1; 0 where unknown. */
    int column();

    /** What kind of value this is, in words, for messages. */
    String describe();

    /** A mapping, with the place of each key. */
    record MapNode(int line, int column, LinkedHashMap<String, Node> entries, Map<String, int[]> keyPlaces)
            implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(int line, int column, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A single value: text, number, boolean or null. */
    record Scalar(int line, int column, Kind kind, String text, double number) implements Node {
        enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the text '" + MessageText.shown(text) + "'";
                case INTEGER, FLOAT -> "the number " + MessageText.shown(text);
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "nothing (null)";
            };
        }
    }
}
