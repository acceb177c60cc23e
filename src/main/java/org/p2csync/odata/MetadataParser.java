package org.p2csync.odata;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.p2csync.sync.FieldInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a CSDL $metadata document into entity set -> properties (type and MaxLength), following BaseType chains
 * (Dataverse entity types derive from crmbaseentity) and namespace aliases.
 */
final class MetadataParser {
    private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";

    /** The document arrived but is not CSDL we can read; retrying will not help. */
    static final class InvalidMetadataException extends RuntimeException {
        InvalidMetadataException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    ServiceCatalog parse(InputStream xml) throws IOException {
        Document doc = read(xml);
        Map<String, String> aliases = new HashMap<>();
        Map<String, Element> types = new HashMap<>();
        NodeList schemas = doc.getElementsByTagNameNS(EDM, "Schema");
        for (int i = 0; i < schemas.getLength(); i++) {
            Element schema = (Element) schemas.item(i);
            String namespace = schema.getAttribute("Namespace");
            if (!schema.getAttribute("Alias").isEmpty()) {
                aliases.put(schema.getAttribute("Alias"), namespace);
            }
            for (Element type : children(schema, "EntityType")) {
                types.put(namespace + "." + type.getAttribute("Name"), type);
            }
        }
        Map<String, Map<String, FieldInfo>> sets = new LinkedHashMap<>();
        NodeList entitySets = doc.getElementsByTagNameNS(EDM, "EntitySet");
        for (int i = 0; i < entitySets.getLength(); i++) {
            Element set = (Element) entitySets.item(i);
            sets.put(set.getAttribute("Name"), properties(set.getAttribute("EntityType"), types, aliases));
        }
        return new ServiceCatalog(sets);
    }

    private static Map<String, FieldInfo> properties(
            String typeName, Map<String, Element> types, Map<String, String> aliases) {
        Element type = types.get(resolve(typeName, aliases));
        if (type == null) {
            return Map.of();
        }
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        if (!type.getAttribute("BaseType").isEmpty()) {
            fields.putAll(properties(type.getAttribute("BaseType"), types, aliases));
        }
        for (Element property : children(type, "Property")) {
            String maxLength = property.getAttribute("MaxLength");
            String name = property.getAttribute("Name");
            Integer max;
            try {
                max = maxLength.isEmpty() || maxLength.equalsIgnoreCase("max") ? null : Integer.valueOf(maxLength);
            } catch (NumberFormatException e) {
                throw new InvalidMetadataException("$metadata: property " + name + " of " + type.getAttribute("Name")
                        + " has MaxLength '" + maxLength + "', not a number", e);
            }
            fields.put(name, new FieldInfo(name, property.getAttribute("Type"), max));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String resolve(String qualified, Map<String, String> aliases) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return qualified;
        }
        String prefix = qualified.substring(0, dot);
        return aliases.getOrDefault(prefix, prefix) + qualified.substring(dot);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(EDM, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static Document read(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // $metadata comes from the network: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(xml);
        } catch (ParserConfigurationException | SAXException e) {
            throw new InvalidMetadataException("$metadata is not valid CSDL XML: " + e.getMessage(), e);
        }
    }
}
