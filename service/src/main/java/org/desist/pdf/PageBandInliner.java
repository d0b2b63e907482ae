package org.desist.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Puts the shared page head and foot into a master before it is compiled. The masters use them as
 * subreports ({@code <expression>$P{PAGE_HEADER}</expression>}), which keeps one copy of each and keeps
 * every template valid on its own; but Jasper fills a page-band subreport afresh on every page, which
 * profiling showed to be half of the time spent filling a summary. Since those parts are one band of
 * elements with no data of their own, their elements can stand in the master's band instead, moved to
 * where the subreport stood and with the subreport's parameter expressions in place of their own
 * parameters. The document printed is the same.
 */
final class PageBandInliner {
    private static final Pattern PARAMETER = Pattern.compile("\\$P\\{(\\w+)}");
    private final Map<String, String> partsByParameter;
    private final Function<String, InputStream> open;

    /**
     * @param partsByParameter the master's parameter holding each part → the part's template file
     * @param open             opens a template file
     */
    PageBandInliner(Map<String, String> partsByParameter, Function<String, InputStream> open) {
        this.partsByParameter = partsByParameter;
        this.open = open;
    }

    /** The master's JRXML with each page-band subreport of a known part replaced by the part's elements. */
    byte[] inline(InputStream master) throws IOException {
        try {
            Document document = parse(master);
            for (String band : List.of("pageHeader", "pageFooter")) {
                for (Element bandElement : children(document.getDocumentElement(), band)) {
                    for (Element subreport : subreports(bandElement)) {
                        String part = partsByParameter.get(parameterOf(subreport));
                        if (part != null) {
                            replace(subreport, part);
                        }
                    }
                }
            }
            return serialise(document);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not inline the page parts of a report template", e);
        }
    }

    private void replace(Element subreport, String part) throws Exception {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Element parameter : children(subreport, "parameter")) {
            arguments.put(
                    parameter.getAttribute("name"),
                    text(children(parameter, "expression").get(0)));
        }
        Document partDocument;
        try (InputStream in = open.apply(part)) {
            partDocument = parse(in);
        }
        Element root = partDocument.getDocumentElement();
        if (!children(root, "field").isEmpty() || !children(root, "variable").isEmpty()) {
            throw new IllegalStateException(part + " has data of its own: it cannot stand in a page band");
        }
        List<Element> bands = children(children(root, "detail").get(0), "band");
        if (bands.size() != 1) {
            throw new IllegalStateException(part + " must have exactly one detail band to be inlined");
        }
        int dx = Integer.parseInt(subreport.getAttribute("x"));
        int dy = Integer.parseInt(subreport.getAttribute("y"));
        Node parent = subreport.getParentNode();
        for (Element element : children(bands.get(0), "element")) {
            Element copy = (Element) subreport.getOwnerDocument().importNode(element, true);
            copy.setAttribute("x", String.valueOf(dx + Integer.parseInt(element.getAttribute("x"))));
            copy.setAttribute("y", String.valueOf(dy + Integer.parseInt(element.getAttribute("y"))));
            substitute(copy, arguments, part);
            parent.insertBefore(copy, subreport);
        }
        parent.removeChild(subreport);
    }

    /** Each {@code $P{NAME}} of the part becomes the expression the master passed for it. */
    private static void substitute(Element element, Map<String, String> arguments, String part) {
        for (Element expression : descendants(element)) {
            if (!expression.getTagName().endsWith("xpression")) {
                continue;
            }
            String text = text(expression);
            Matcher used = PARAMETER.matcher(text);
            while (used.find()) {
                if (!arguments.containsKey(used.group(1))) {
                    throw new IllegalStateException(part + " uses a parameter its master does not pass: " + text);
                }
            }
            expression.setTextContent(
                    used.replaceAll(match -> Matcher.quoteReplacement("(" + arguments.get(match.group(1)) + ")")));
        }
    }

    private static String parameterOf(Element subreport) {
        List<Element> expressions = children(subreport, "expression");
        return expressions.isEmpty() ? null : text(expressions.get(0)).replaceAll("^\\$P\\{(\\w+)}$", "$1");
    }

    private static List<Element> subreports(Element band) {
        return children(band, "element").stream()
                .filter(e -> "subreport".equals(e.getAttribute("kind")))
                .toList();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
                found.addAll(descendants(element));
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }

    /**
     * Writes the document back with each element's {@code kind} first: Jasper's loader reads an element's
     * kind to choose its type and fails on elements whose kind comes after other attributes, while the
     * DOM keeps attributes in alphabetical order.
     */
    private static byte[] serialise(Document document) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(document.getDocumentElement(), xml);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Node node, StringBuilder xml) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                xml.append('<').append(element.getTagName());
                List<Attr> attributes = new ArrayList<>();
                for (int i = 0; i < element.getAttributes().getLength(); i++) {
                    attributes.add((Attr) element.getAttributes().item(i));
                }
                attributes.sort(Comparator.comparing(
                        (Attr attribute) -> !attribute.getName().equals("kind")));
                attributes.forEach(attribute -> xml.append(' ')
                        .append(attribute.getName())
                        .append("=\"")
                        .append(escape(attribute.getValue()).replace("\"", "&quot;"))
                        .append('"'));
                if (!element.hasChildNodes()) {
                    xml.append("/>");
                    return;
                }
                xml.append('>');
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, xml);
                }
                xml.append("</").append(element.getTagName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> xml.append(escape(node.getNodeValue()));
            default -> {}
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
