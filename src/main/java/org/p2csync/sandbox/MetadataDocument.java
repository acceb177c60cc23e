package org.p2csync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.p2csync.schema.EnumType;

/**
 * Renders a service's CSDL ($metadata, EDMX 4.0) and its JSON service document from the declarations. F&amp;O: its
 * enum types as {@code EnumType} in the service namespace, used as property types, and no MaxLength (the real
 * F&amp;O publishes none). Dataverse: MaxLength on strings, and a {@code NavigationProperty} per single-valued
 * navigation property whose target the sandbox serves; the owner lookup points at the abstract {@code principal}
 * type, as in Dataverse, which the sandbox declares without serving it; its Active alternate keys as the
 * {@code OData.Community.Keys.V1.AlternateKeys} annotation.
 */
final class MetadataDocument {
    private MetadataDocument() {}

    static byte[] render(ServiceModel model) {
        StringBuilder x = new StringBuilder();
        String ns = model.namespace();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n")
                .append("  <edmx:DataServices>\n")
                .append("    <Schema Namespace=\"").append(ns)
                .append("\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n");
        for (EnumType e : model.enumTypes()) {
            x.append("      <EnumType Name=\"").append(xml(e.shortName())).append("\">\n");
            e.members().forEach((member, value) -> x.append("        <Member Name=\"").append(xml(member))
                    .append("\" Value=\"").append(value).append("\"/>\n"));
            x.append("      </EnumType>\n");
        }
        boolean principal = false;
        for (EntitySetDef set : model.entitySets()) {
            x.append("      <EntityType Name=\"").append(set.typeName()).append("\">\n        <Key>");
            set.key().forEach(k -> x.append("<PropertyRef Name=\"").append(k).append("\"/>"));
            x.append("</Key>\n");
            for (Property p : set.properties()) {
                property(x, model, p);
            }
            for (EntitySetDef.Navigation n : set.navigations().values()) {
                if (n.targetType() == null) {
                    continue;
                }
                principal |= n.targetType().equals(DataverseSets.PRINCIPAL_TYPE);
                String referenced = n.targetType().equals(DataverseSets.PRINCIPAL_TYPE) ? "ownerid"
                        : model.entitySet(n.targetSets().get(0)).orElseThrow().key().get(0);
                x.append("        <NavigationProperty Name=\"").append(n.name()).append("\" Type=\"").append(ns)
                        .append('.').append(n.targetType()).append("\">\n")
                        .append("          <ReferentialConstraint Property=\"").append(n.lookupProperty())
                        .append("\" ReferencedProperty=\"").append(referenced).append("\"/>\n")
                        .append("        </NavigationProperty>\n");
            }
            alternateKeys(x, set);
            x.append("      </EntityType>\n");
        }
        if (principal) {
            x.append("      <EntityType Name=\"").append(DataverseSets.PRINCIPAL_TYPE).append("\" Abstract=\"true\">\n")
                    .append("        <Key><PropertyRef Name=\"ownerid\"/></Key>\n")
                    .append("        <Property Name=\"ownerid\" Type=\"Edm.Guid\" Nullable=\"false\"/>\n")
                    .append("      </EntityType>\n");
        }
        x.append("      <EntityContainer Name=\"").append(model.containerName()).append("\">\n");
        for (EntitySetDef set : model.entitySets()) {
            x.append("        <EntitySet Name=\"").append(set.name()).append("\" EntityType=\"")
                    .append(ns).append('.').append(set.typeName()).append("\"/>\n");
        }
        x.append("      </EntityContainer>\n    </Schema>\n  </edmx:DataServices>\n</edmx:Edmx>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Dataverse announces a table's (Active) alternate keys in $metadata with the community vocabulary's annotation
     * ("Web API EntityType reference: Alternate Keys"), one record per key, each property by its path.
     */
    private static void alternateKeys(StringBuilder x, EntitySetDef set) {
        if (set.alternateKeys().isEmpty()) {
            return;
        }
        x.append("        <Annotation Term=\"OData.Community.Keys.V1.AlternateKeys\">\n          <Collection>\n");
        for (List<String> key : set.alternateKeys()) {
            x.append("            <Record Type=\"OData.Community.Keys.V1.AlternateKey\">\n")
                    .append("              <PropertyValue Property=\"Key\">\n                <Collection>\n");
            for (String property : key) {
                x.append("                  <Record Type=\"OData.Community.Keys.V1.PropertyRef\">\n")
                        .append("                    <PropertyValue Property=\"Alias\" String=\"").append(property)
                        .append("\"/>\n                    <PropertyValue Property=\"Name\" PropertyPath=\"")
                        .append(property).append("\"/>\n                  </Record>\n");
            }
            x.append("                </Collection>\n              </PropertyValue>\n            </Record>\n");
        }
        x.append("          </Collection>\n        </Annotation>\n");
    }

    private static void property(StringBuilder x, ServiceModel model, Property p) {
        x.append("        <Property Name=\"").append(p.name()).append("\" Type=\"").append(p.type().edmName()).append('"');
        if (p.maxLength() != null && model.kind() == ServiceKind.DATAVERSE) {
            x.append(" MaxLength=\"").append(p.maxLength()).append('"');
        }
        switch (p.type().kind()) {
            case DECIMAL -> x.append(" Precision=\"38\" Scale=\"10\"");
            case DATETIME -> x.append(" Precision=\"3\"");
            default -> { }
        }
        if (!p.nullable()) {
            x.append(" Nullable=\"false\"");
        }
        x.append("/>\n");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    static ODataResponse serviceDocument(ServiceModel model, String baseUrl) {
        var doc = Json.MAPPER.createObjectNode();
        doc.put("@odata.context", baseUrl + model.rootPath() + "$metadata");
        var value = doc.putArray("value");
        model.entitySets().forEach(s -> value.addObject().put("name", s.name()).put("kind", "EntitySet").put("url", s.name()));
        return ODataResponse.json(200, doc.toString().getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }
}
