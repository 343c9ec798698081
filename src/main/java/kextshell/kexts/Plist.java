package kextshell.kexts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an XML property list (Info.plist) into Java values: String, Long, Boolean, byte[], List
 * and insertion-ordered Map. It is a small recursive reader for the plist subset of XML
 * (elements, text, the five predefined entities, comments, the prolog and DOCTYPE) rather than a
 * DOM parser: loading javax.xml costs over 100 ms at start-up, and these files are the kexts'
 * own resources. External entities do not exist here at all, so nothing is ever fetched.
 */
public final class Plist {
    private final String s;
    private int pos;

    private Plist(String s) {
        this.s = s;
    }

    public static Object parse(byte[] xml) throws IOException {
        Plist p = new Plist(new String(xml, StandardCharsets.UTF_8));
        p.skipMisc();
        String root = p.openTag();
        if (!root.equals("plist")) {
            throw p.error("expected <plist>, found <" + root + ">");
        }
        p.skipMisc();
        Object value = p.peekClose() ? null : p.value(p.openTag());
        p.skipMisc();
        p.closeTag("plist");
        return value;
    }

    private Object value(String tag) throws IOException {
        switch (tag) {
            case "dict/":
                return new LinkedHashMap<String, Object>();
            case "array/":
                return new ArrayList<Object>();
            case "string/":
                return "";
            case "true/":
                return Boolean.TRUE;
            case "false/":
                return Boolean.FALSE;
            case "dict":
                return dict();
            case "array":
                return array();
            case "string":
                return text("string");
            case "integer":
                return integer(text("integer").trim());
            case "data":
                return Base64.getMimeDecoder().decode(text("data").trim());
            default:
                throw error("unsupported plist element <" + tag + ">");
        }
    }

    private Map<String, Object> dict() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipMisc();
            if (peekClose()) {
                closeTag("dict");
                return map;
            }
            String tag = openTag();
            if (!tag.equals("key")) {
                throw error("expected <key> in <dict>, found <" + tag + ">");
            }
            String key = text("key");
            skipMisc();
            map.put(key, value(openTag()));
        }
    }

    private List<Object> array() throws IOException {
        List<Object> list = new ArrayList<>();
        while (true) {
            skipMisc();
            if (peekClose()) {
                closeTag("array");
                return list;
            }
            list.add(value(openTag()));
        }
    }

    private Long integer(String t) throws IOException {
        try {
            return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("bad <integer> " + t);
        }
    }

    /** Character data up to the closing tag, with entities decoded. */
    private String text(String tag) throws IOException {
        int end = s.indexOf("</" + tag + ">", pos);
        if (end < 0) {
            throw error("unclosed <" + tag + ">");
        }
        String raw = s.substring(pos, end);
        pos = end + tag.length() + 3;
        return raw.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** Reads {@code <name ...>}; a self-closing tag comes back as {@code name/}. */
    private String openTag() throws IOException {
        if (!s.startsWith("<", pos) || s.startsWith("</", pos)) {
            throw error("expected an element");
        }
        int end = s.indexOf('>', pos);
        if (end < 0) {
            throw error("unterminated tag");
        }
        String body = s.substring(pos + 1, end).trim();
        pos = end + 1;
        boolean selfClosing = body.endsWith("/");
        String name = body.replace("/", "").trim();
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                name = name.substring(0, i);
                break;
            }
        }
        return selfClosing ? name + "/" : name;
    }

    private boolean peekClose() {
        return s.startsWith("</", pos);
    }

    private void closeTag(String name) throws IOException {
        String want = "</" + name + ">";
        if (!s.startsWith(want, pos)) {
            throw error("expected " + want);
        }
        pos += want.length();
    }

    /** Skips white space, comments, the XML declaration and the DOCTYPE. */
    private void skipMisc() throws IOException {
        while (true) {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            String close;
            if (s.startsWith("<?", pos)) {
                close = "?>";
            } else if (s.startsWith("<!--", pos)) {
                close = "-->";
            } else if (s.startsWith("<!DOCTYPE", pos)) {
                close = ">";
            } else {
                return;
            }
            int end = s.indexOf(close, pos);
            if (end < 0) {
                throw error("unterminated " + close);
            }
            pos = end + close.length();
        }
    }

    private IOException error(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return new IOException("malformed property list at line " + line + ": " + what);
    }
}
