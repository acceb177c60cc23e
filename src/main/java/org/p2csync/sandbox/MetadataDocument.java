package org.p2csync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders a service's CSDL ($metadata, EDMX 4.0) and its JSON service document from the declarations. */
final class MetadataDocument {
    private MetadataDocument() {}

    static ODataResponse metadata(ServiceModel model) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n")
                .append("  <edmx:DataServices>\n")
                .append("    <Schema Namespace=\"").append(model.namespace())
                .append("\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n");
        for (EntitySetDef set : model.entitySets()) {
            x.append("      <EntityType Name=\"").append(set.typeName()).append("\">\n        <Key>");
            set.key().forEach(k -> x.append("<PropertyRef Name=\"").append(k).append("\"/>"));
            x.append("</Key>\n");
            for (Property p : set.properties()) {
                x.append("        <Property Name=\"").append(p.name()).append("\" Type=\"").append(p.type().edmName()).append('"');
                if (p.maxLength() != null) {
                    x.append(" MaxLength=\"").append(p.maxLength()).append('"');
                }
                if (p.type() == EdmType.DECIMAL) {
                    x.append(" Precision=\"38\" Scale=\"10\"");
                }
                if (p.type() == EdmType.DATETIME) {
                    x.append(" Precision=\"3\"");
                }
                x.append(" Nullable=\"").append(p.nullable()).append("\"/>\n");
            }
            x.append("      </EntityType>\n");
        }
        x.append("      <EntityContainer Name=\"").append(model.containerName()).append("\">\n");
        for (EntitySetDef set : model.entitySets()) {
            x.append("        <EntitySet Name=\"").append(set.name()).append("\" EntityType=\"")
                    .append(model.namespace()).append('.').append(set.typeName()).append("\"/>\n");
        }
        x.append("      </EntityContainer>\n    </Schema>\n  </edmx:DataServices>\n</edmx:Edmx>\n");
        return new ODataResponse(200, Map.of("Content-Type", "application/xml"),
                x.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    static ODataResponse serviceDocument(ServiceModel model, String baseUrl) {
        var doc = Json.MAPPER.createObjectNode();
        doc.put("@odata.context", baseUrl + model.rootPath() + "$metadata");
        var value = doc.putArray("value");
        model.entitySets().forEach(s -> value.addObject().put("name", s.name()).put("kind", "EntitySet").put("url", s.name()));
        return ODataResponse.json(200, doc.toString().getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }
}
