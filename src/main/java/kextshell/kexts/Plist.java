package kextshell.kexts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an XML property list (Info.plist) into Java values: String, Long, Boolean, byte[],
 * List and insertion-ordered Map. External entities and DTD fetching are off: a plist is data.
 */
public final class Plist {
    private Plist() {
    }

    public static Object parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            Document doc = b.parse(new ByteArrayInputStream(xml));
            Element plist = doc.getDocumentElement();
            Element top = firstElement(plist);
            return top == null ? null : value(top);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("malformed property list: " + e.getMessage(), e);
        }
    }

    private static Object value(Element e) throws IOException {
        switch (e.getTagName()) {
            case "dict":
                return dict(e);
            case "array":
                List<Object> list = new ArrayList<>();
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element c) {
                        list.add(value(c));
                    }
                }
                return list;
            case "string":
                return e.getTextContent();
            case "integer":
                String t = e.getTextContent().trim();
                return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "data":
                return java.util.Base64.getMimeDecoder().decode(e.getTextContent().trim());
            default:
                throw new IOException("unsupported plist element <" + e.getTagName() + ">");
        }
    }

    private static Map<String, Object> dict(Element e) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String key = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            if (c.getTagName().equals("key")) {
                key = c.getTextContent();
            } else if (key != null) {
                map.put(key, value(c));
                key = null;
            }
        }
        return map;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                return c;
            }
        }
        return null;
    }
}
