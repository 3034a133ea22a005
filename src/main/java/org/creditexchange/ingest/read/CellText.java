package org.creditexchange.ingest.read;

/** The one adjustment readers make to a cell's text; everything else is left for cleansing. */
final class CellText {

    private CellText() {
    }

    /**
     * The text without trailing carriage returns, which are an artefact of CRLF line ends pasted
     * into a cell rather than anything the clerk meant.
     *
     * @param text a cell text, or null for a missing cell
     * @return the text, {@code ""} for null
     */
    static String asRead(String text) {
        if (text == null) {
            return "";
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }
}
