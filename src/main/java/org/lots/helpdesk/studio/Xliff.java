package org.lots.helpdesk.studio;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * XLIFF 2.0 as CONTRACT section 10 has it: one {@code <unit id="KEY">} per text, {@code <source>} in the fallback
 * language, {@code <target>} in the file's language, the segment's {@code state} for the review status. Read with the
 * JDK's DOM parser in secure processing mode with DOCTYPEs refused outright, so no entity (external or a billion
 * laughs) is ever expanded.
 */
final class Xliff {

    static final String NS = "urn:oasis:names:tc:xliff:document:2.0";
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** One text of an XLIFF file; {@code target} null when absent, {@code problem} set when the unit is unusable. */
    record Unit(String id, String target, String state, String problem) {}

    record Parsed(String srcLang, String trgLang, List<Unit> units) {}

    record ExportUnit(String id, String source, String target, String state, String note) {}

    private Xliff() {}

    static String write(String srcLang, String trgLang, String original, List<ExportUnit> units) {
        try {
            StringWriter out = new StringWriter(64 * 1024);
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.setDefaultNamespace(NS);
            x.writeStartElement(NS, "xliff");
            x.writeDefaultNamespace(NS);
            x.writeAttribute("version", "2.0");
            x.writeAttribute("srcLang", srcLang);
            x.writeAttribute("trgLang", trgLang);
            x.writeCharacters("\n  ");
            x.writeStartElement(NS, "file");
            x.writeAttribute("id", "f1");
            x.writeAttribute("original", original);
            for (ExportUnit u : units) {
                x.writeCharacters("\n    ");
                x.writeStartElement(NS, "unit");
                x.writeAttribute("id", u.id());
                if (u.note() != null) {
                    x.writeCharacters("\n      ");
                    x.writeStartElement(NS, "notes");
                    x.writeStartElement(NS, "note");
                    x.writeCharacters(u.note());
                    x.writeEndElement();
                    x.writeEndElement();
                }
                x.writeCharacters("\n      ");
                x.writeStartElement(NS, "segment");
                x.writeAttribute("state", u.state());
                x.writeCharacters("\n        ");
                text(x, "source", u.source());
                if (u.target() != null) {
                    x.writeCharacters("\n        ");
                    text(x, "target", u.target());
                }
                x.writeCharacters("\n      ");
                x.writeEndElement();
                x.writeCharacters("\n    ");
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(NS, name);
        // Leading/trailing spaces and line breaks are part of a text: tools must keep them.
        if (!text.equals(text.strip()) || text.contains("\n")) x.writeAttribute(XMLConstants.XML_NS_URI, "space", "preserve");
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** @throws StudioErrors.Invalid (400) for anything that is not an XLIFF 2 document */
    static Parsed read(byte[] body) {
        if (body == null || body.length == 0) throw new StudioErrors.Invalid("the body is empty: send an XLIFF 2.0 file");
        if (body.length > MAX_BYTES) throw new StudioErrors.Invalid("the file is larger than " + MAX_BYTES + " bytes");
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new StudioErrors.Invalid("not an XLIFF 2.0 file: " + oneLine(e.getMessage()));
        } catch (java.io.IOException | ParserConfigurationException e) {
            throw new StudioErrors.Invalid("not an XLIFF 2.0 file: " + oneLine(e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        if (!"xliff".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
            throw new StudioErrors.Invalid("not an XLIFF 2.0 file: the root must be <xliff xmlns=\"" + NS + "\">");
        }
        if (!root.getAttribute("version").startsWith("2.")) {
            throw new StudioErrors.Invalid("not an XLIFF 2.0 file: version '" + root.getAttribute("version") + "'");
        }
        List<Unit> units = new ArrayList<>();
        NodeList list = root.getElementsByTagNameNS(NS, "unit");
        for (int i = 0; i < list.getLength(); i++) units.add(unit((Element) list.item(i)));
        return new Parsed(root.getAttribute("srcLang"), root.getAttribute("trgLang"), units);
    }

    private static Unit unit(Element unit) {
        String id = unit.getAttribute("id");
        StringBuilder target = new StringBuilder();
        boolean hasTarget = false;
        String state = null;
        for (Node n = unit.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !NS.equals(e.getNamespaceURI())) continue;
            if (!e.getLocalName().equals("segment") && !e.getLocalName().equals("ignorable")) continue;
            if (e.getLocalName().equals("segment")) {
                String s = e.getAttribute("state").isEmpty() ? "initial" : e.getAttribute("state");
                state = state == null || rank(s) < rank(state) ? s : state; // a unit is as far as its least done segment
            }
            for (Node t = e.getFirstChild(); t != null; t = t.getNextSibling()) {
                if (t instanceof Element te && NS.equals(te.getNamespaceURI()) && te.getLocalName().equals("target")) {
                    for (Node c = te.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element) {
                            return new Unit(id, null, state, "inline markup <" + c.getLocalName() + "> is not supported: write the text as plain text with its {placeholders}");
                        }
                    }
                    target.append(te.getTextContent());
                    hasTarget = true;
                }
            }
        }
        if (state == null) return new Unit(id, null, null, "no <segment>");
        return new Unit(id, hasTarget ? target.toString() : null, state, null);
    }

    static int rank(String state) {
        return switch (state) {
            case "initial" -> 0;
            case "translated" -> 1;
            case "reviewed" -> 2;
            case "final" -> 3;
            default -> -1;
        };
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors are thrown, nothing printed
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        return b;
    }

    /** "sv", "sv-SE", "SV_se" -> "sv". */
    static String primary(String tag) {
        return tag == null ? "" : tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
