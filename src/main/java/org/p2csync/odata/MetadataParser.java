package org.p2csync.odata;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.p2csync.sync.Access;
import org.p2csync.sync.EntitySetCatalog;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.EnumInfo;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.NavigationInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a CSDL $metadata document into entity sets with their keys, properties (type, MaxLength, nullability, enum
 * type and members, write access where annotations say it) and single-valued navigation properties with the entity
 * sets they lead to. BaseType chains (Dataverse entity types derive from crmbaseentity) and namespace aliases are
 * followed, across every schema of the document.
 */
final class MetadataParser {
    private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";

    /** The document arrived but is not CSDL we can read; retrying will not help. */
    static final class InvalidMetadataException extends RuntimeException {
        InvalidMetadataException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    EntitySetCatalog parse(InputStream xml) throws IOException {
        Document doc = read(xml);
        Types types = new Types();
        NodeList schemas = doc.getElementsByTagNameNS(EDM, "Schema");
        for (int i = 0; i < schemas.getLength(); i++) {
            types.add((Element) schemas.item(i));
        }
        Map<String, String> setTypes = new LinkedHashMap<>();
        Map<String, Element> setElements = new LinkedHashMap<>();
        // type -> the entity sets of that type or a type derived from it, for navigation targets found by type
        Map<String, Set<String>> setsOfType = new HashMap<>();
        NodeList entitySets = doc.getElementsByTagNameNS(EDM, "EntitySet");
        for (int i = 0; i < entitySets.getLength(); i++) {
            Element set = (Element) entitySets.item(i);
            String name = set.getAttribute("Name");
            String type = types.resolve(set.getAttribute("EntityType"));
            setTypes.put(name, type);
            setElements.put(name, set);
            types.ancestry(type).forEach(t -> setsOfType.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(name));
        }
        // a document without any navigation property (a trimmed one, the sandbox's) says nothing about navigation
        boolean navigationKnown = doc.getElementsByTagNameNS(EDM, "NavigationProperty").getLength() > 0;
        Map<String, EntitySetInfo> sets = new LinkedHashMap<>();
        setElements.forEach((name, set) -> {
            String type = setTypes.get(name);
            sets.put(name, new EntitySetInfo(name, types.keys(type), types.properties(type),
                    navigation(type, bindings(set), setsOfType, types), navigationKnown));
        });
        return new EntitySetCatalog(sets);
    }

    /** {@code NavigationPropertyBinding} of an entity set: navigation property name -> target entity set. */
    private static Map<String, String> bindings(Element set) {
        Map<String, String> out = new HashMap<>();
        for (Element binding : children(set, "NavigationPropertyBinding")) {
            // Path may carry a type cast (mscrm.derived/nav), Target a container (Container/set)
            out.put(lastSegment(binding.getAttribute("Path")), lastSegment(binding.getAttribute("Target")));
        }
        return out;
    }

    private static Map<String, NavigationInfo> navigation(String type, Map<String, String> bindings,
            Map<String, Set<String>> setsOfType, Types types) {
        Map<String, NavigationInfo> out = new LinkedHashMap<>();
        for (Element nav : types.navigationProperties(type)) {
            String navType = nav.getAttribute("Type");
            if (navType.startsWith("Collection(")) {
                continue; // only single-valued properties can be bound with @odata.bind
            }
            String name = nav.getAttribute("Name");
            String target = types.resolve(navType);
            Set<String> targets = new LinkedHashSet<>();
            if (bindings.containsKey(name)) {
                targets.add(bindings.get(name));
            }
            // a navigation to a base type (Dataverse ownerid: principal) may point into any set of a derived type
            targets.addAll(setsOfType.getOrDefault(target, Set.of()));
            out.put(name, new NavigationInfo(name, List.copyOf(targets), target, Access.UNKNOWN));
        }
        return out;
    }

    /** The entity and enum types of every schema of the document, by qualified name, with the schemas' aliases. */
    private static final class Types {
        private final Map<String, String> aliases = new HashMap<>();
        private final Map<String, Element> entityTypes = new HashMap<>();
        private final Map<String, Element> enumTypes = new HashMap<>();

        void add(Element schema) {
            String namespace = schema.getAttribute("Namespace");
            if (!schema.getAttribute("Alias").isEmpty()) {
                aliases.put(schema.getAttribute("Alias"), namespace);
            }
            for (Element type : children(schema, "EntityType")) {
                entityTypes.put(namespace + "." + type.getAttribute("Name"), type);
            }
            for (Element type : children(schema, "EnumType")) {
                enumTypes.put(namespace + "." + type.getAttribute("Name"), type);
            }
        }

        String resolve(String qualified) {
            int dot = qualified.lastIndexOf('.');
            if (dot < 0) {
                return qualified;
            }
            String prefix = qualified.substring(0, dot);
            return aliases.getOrDefault(prefix, prefix) + qualified.substring(dot);
        }

        private String base(String type) {
            Element element = entityTypes.get(type);
            return element == null || element.getAttribute("BaseType").isEmpty() ? null
                    : resolve(element.getAttribute("BaseType"));
        }

        /** The type and its ancestors, the type first. */
        List<String> ancestry(String type) {
            Set<String> chain = new LinkedHashSet<>();
            String t = type;
            while (t != null && chain.add(t)) { // a cycle of BaseTypes stops instead of looping
                t = base(t);
            }
            return List.copyOf(chain);
        }

        /** The key of the nearest type in the BaseType chain that declares one (CSDL: derived types inherit it). */
        List<String> keys(String type) {
            for (String t : ancestry(type)) {
                Element element = entityTypes.get(t);
                List<Element> key = element == null ? List.of() : children(element, "Key");
                if (!key.isEmpty()) {
                    return children(key.get(0), "PropertyRef").stream().map(r -> r.getAttribute("Name")).toList();
                }
            }
            return List.of();
        }

        /** The type's properties, inherited ones first. */
        Map<String, FieldInfo> properties(String type) {
            Map<String, FieldInfo> fields = new LinkedHashMap<>();
            for (Element element : chain(type)) {
                for (Element property : children(element, "Property")) {
                    FieldInfo info = property(property, element.getAttribute("Name"));
                    fields.put(info.name(), info);
                }
            }
            return fields;
        }

        List<Element> navigationProperties(String type) {
            List<Element> out = new ArrayList<>();
            chain(type).forEach(element -> out.addAll(children(element, "NavigationProperty")));
            return out;
        }

        /** The type and its ancestors, the root first. */
        private List<Element> chain(String type) {
            List<Element> out = new ArrayList<>();
            for (String t : ancestry(type)) {
                Element element = entityTypes.get(t);
                if (element != null) {
                    out.add(0, element);
                }
            }
            return out;
        }

        private FieldInfo property(Element property, String typeName) {
            String name = property.getAttribute("Name");
            String maxLength = property.getAttribute("MaxLength");
            Integer max;
            try {
                max = maxLength.isEmpty() || maxLength.equalsIgnoreCase("max") ? null : Integer.valueOf(maxLength);
            } catch (NumberFormatException e) {
                throw new InvalidMetadataException("$metadata: property " + name + " of " + typeName
                        + " has MaxLength '" + maxLength + "', not a number", e);
            }
            String type = property.getAttribute("Type");
            Element enumType = enumTypes.get(resolve(type));
            EnumInfo enumInfo = enumType == null ? null : enumInfo(resolve(type), enumType);
            boolean nullable = !property.getAttribute("Nullable").equalsIgnoreCase("false");
            return new FieldInfo(name, enumInfo == null ? type : enumInfo.name(), max, nullable, access(property),
                    enumInfo, Map.of());
        }

        /** Members in document order; a member without Value takes its position (CSDL 4.0, 10.2.2). */
        private static EnumInfo enumInfo(String name, Element enumType) {
            Map<String, Long> members = new LinkedHashMap<>();
            List<Element> list = children(enumType, "Member");
            for (int i = 0; i < list.size(); i++) {
                String value = list.get(i).getAttribute("Value");
                try {
                    members.put(list.get(i).getAttribute("Name"), value.isEmpty() ? i : Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new InvalidMetadataException("$metadata: member " + list.get(i).getAttribute("Name")
                            + " of enum " + name + " has Value '" + value + "', not a number", e);
                }
            }
            return new EnumInfo(name, members);
        }
    }

    /**
     * What a property's own annotations say about writing it: OData Core's Computed (read-only) and Immutable (set on
     * create only), F&amp;O's AllowEdit / AllowEditOnCreate. Without such an annotation nothing is known: a document
     * that annotates some properties does not say the others are writable.
     */
    private static Access access(Element property) {
        Map<String, Boolean> terms = new HashMap<>();
        for (Element annotation : children(property, "Annotation")) {
            terms.put(lastSegment(annotation.getAttribute("Term").replace('.', '/')), bool(annotation));
        }
        if (Boolean.TRUE.equals(terms.get("Computed"))) {
            return Access.READ_ONLY;
        }
        if (Boolean.FALSE.equals(terms.get("AllowEdit"))) {
            return Boolean.FALSE.equals(terms.get("AllowEditOnCreate")) ? Access.READ_ONLY : Access.CREATE_ONLY;
        }
        if (Boolean.TRUE.equals(terms.get("Immutable"))) {
            return Access.CREATE_ONLY;
        }
        return Access.UNKNOWN;
    }

    /** A Boolean annotation's value: its Bool attribute or element; a tag term written without a value is true. */
    private static boolean bool(Element annotation) {
        if (annotation.hasAttribute("Bool")) {
            return Boolean.parseBoolean(annotation.getAttribute("Bool").strip());
        }
        List<Element> value = children(annotation, "Bool");
        return value.isEmpty() || Boolean.parseBoolean(value.get(0).getTextContent().strip());
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
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
