package dev.activationlab.plot;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG image parsed with the JDK's XML parser, for tests. */
public record SvgDocument(Element root) {

    public static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /**
     * Parses bytes as namespace-aware XML. A DOCTYPE is refused: a chart must parse without
     * fetching anything.
     */
    public static SvgDocument parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        return new SvgDocument(document.getDocumentElement());
    }

    /** The text of every {@code <text>} element, in document order. */
    public List<String> texts() {
        NodeList nodes = root.getElementsByTagNameNS(SVG_NAMESPACE, "text");
        List<String> texts = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The number of elements of a kind, e.g. {@code path}. */
    public int count(String localName) {
        return root.getElementsByTagNameNS(SVG_NAMESPACE, localName).getLength();
    }

    /** A pixel size written as "800.0" or "800". */
    public double width() {
        return Double.parseDouble(root.getAttribute("width"));
    }

    public double height() {
        return Double.parseDouble(root.getAttribute("height"));
    }
}
