package org.desist.dashboard;

import java.awt.Rectangle;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A chart as an SVG element to put inside a page: drawn by JFreeSVG, then made fit for the pages' Content Security
 * Policy (style-src 'self' allows no inline style), so every {@code style="prop: value"} JFreeSVG writes becomes a
 * presentation attribute ({@code prop="value"}), which the policy does not govern. The element is an image with a
 * title and a description (the chart's figures in words), a fixed viewBox and the width of its column.
 */
public final class SvgChart {
    static final int WIDTH = 360;
    static final int HEIGHT = 210;
    private static final String SVG = "http://www.w3.org/2000/svg";

    private SvgChart() {}

    /** @param id unique on the page: the prefix of the chart's clip paths, and of its title's and description's ids */
    public static String of(JFreeChart chart, String id, String title, String description) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        graphics.setDefsKeyPrefix(id + "-");
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        String drawn = graphics.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        return accessible(withoutInlineStyle(parse(drawn)), id, title, description);
    }

    private static Document parse(String svg) {
        try {
            // the JDK's own parser: newInstance() would search the classpath for another on every chart, which in
            // the packaged jar cost the programme page more than its figures (bench/programme-page.sh)
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception unreadable) {
            throw new IllegalStateException("JFreeSVG drew SVG that does not parse", unreadable);
        }
    }

    /** Each declaration of a style attribute as an attribute of its own; an attribute already there wins. */
    static Document withoutInlineStyle(Document svg) {
        List<Element> elements = new ArrayList<>();
        collect(svg.getDocumentElement(), elements);
        for (Element element : elements) {
            if (element.getLocalName().equals("style")) {
                element.getParentNode().removeChild(element);
                continue;
            }
            if (!element.hasAttribute("style")) {
                continue;
            }
            for (String declaration : element.getAttribute("style").split(";")) {
                int colon = declaration.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String property = declaration.substring(0, colon).trim();
                String value = declaration.substring(colon + 1).trim();
                if (!property.isEmpty() && !element.hasAttribute(property)) {
                    element.setAttribute(property, value);
                }
            }
            element.removeAttribute("style");
        }
        return svg;
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                collect((Element) children.item(i), into);
            }
        }
    }

    private static String accessible(Document svg, String id, String title, String description) {
        Element root = svg.getDocumentElement();
        root.removeAttribute("width");
        root.removeAttribute("height");
        root.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        root.setAttribute("width", "100%");
        root.setAttribute("class", "desist-chart");
        root.setAttribute("role", "img");
        root.setAttribute("aria-labelledby", id + "-title " + id + "-desc");
        root.setAttribute("data-test", "chart");
        Element desc = svg.createElementNS(SVG, "desc");
        desc.setAttribute("id", id + "-desc");
        desc.setTextContent(description);
        Element heading = svg.createElementNS(SVG, "title");
        heading.setAttribute("id", id + "-title");
        heading.setTextContent(title);
        root.insertBefore(desc, root.getFirstChild());
        root.insertBefore(heading, desc);
        try {
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(svg), new StreamResult(out));
            return out.toString();
        } catch (Exception unwritable) {
            throw new IllegalStateException("The chart's SVG could not be written", unwritable);
        }
    }
}
