package org.p2csync.sandbox;

import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests below one service root: the service document, $metadata, $batch, entity sets by collection or
 * key, and on Dataverse the metadata Web API ({@link MetadataApi}) and the documents' state messages
 * ({@link DocumentMessages}). Requests to one service run one at a time (see {@link SimulatedService}); each first
 * lets the org's key indexes progress.
 */
final class ServiceEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoint.class);

    private final SimulatedService service;
    private final BatchProcessor batch;
    /** $metadata is rendered once per served model (an org's customizations change it). */
    private ServiceModel metadataOf;
    private byte[] metadata;

    ServiceEndpoint(SimulatedService service, int maxBatchRequests, SandboxMetrics metrics) {
        this.service = service;
        this.batch = new BatchProcessor(this, maxBatchRequests, metrics);
    }

    SimulatedService service() {
        return service;
    }

    ODataResponse handle(ODataRequest request) {
        service.lock().lock();
        try {
            service.advanceOrg();
            String resource = request.resource();
            if (service.kind() == ServiceKind.FNO) {
                ODataResponse noRoute = UrlKeyCharacters.fnoRoute(resource, request.baseUrl()
                        + service.model().rootPath() + QueryOptions.decode(resource, false));
                if (noRoute != null) {
                    return noRoute;
                }
            }
            if (resource.isEmpty()) {
                requireMethod(request, "GET");
                return MetadataDocument.serviceDocument(service.model(), request.baseUrl());
            }
            if (resource.equals("$metadata")) {
                requireMethod(request, "GET");
                return new ODataResponse(200, Map.of("Content-Type", "application/xml"), metadata(), false);
            }
            if (resource.equals("$batch")) {
                requireMethod(request, "POST");
                return batch.process(request);
            }
            return resource(request);
        } catch (ODataError e) {
            return ODataResponse.error(service.kind(), e);
        } catch (SQLException | RuntimeException e) {
            // A bug or a database failure is a 500 the client can see, not a silently dropped connection.
            LOG.warn("{} {} {} failed", service.model().system(), request.method(), request.resource(), e);
            return ODataResponse.error(service.kind(), 500, "InternalServerError", "The simulated " + service.model().system()
                    + " could not process the request: " + e.getMessage());
        } finally {
            service.lock().unlock();
        }
    }

    /** One entity-set request; the caller holds the service lock. Failures come back as error responses. */
    ODataResponse resource(ODataRequest request) {
        try {
            return dispatch(request);
        } catch (ODataError e) {
            return ODataResponse.error(service.kind(), e);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{} {} {} failed", service.model().system(), request.method(), request.resource(), e);
            return ODataResponse.error(service.kind(), 500, "InternalServerError", "The simulated " + service.model().system()
                    + " could not process the request: " + e.getMessage());
        }
    }

    private byte[] metadata() {
        if (metadataOf != service.model()) {
            metadataOf = service.model();
            metadata = MetadataDocument.render(metadataOf);
        }
        return metadata;
    }

    private ODataResponse dispatch(ODataRequest request) throws SQLException {
        String resource = request.resource();
        if (service.kind() == ServiceKind.DATAVERSE) {
            if (MetadataApi.handles(resource)) {
                return service.inTransaction(() -> new MetadataApi(service).handle(request));
            }
            if (DocumentMessages.handles(resource)) {
                return service.inTransaction(() -> new DocumentMessages(service).handle(request));
            }
            if (UrlKeyCharacters.rawSlashInKey(resource)) {
                throw UrlKeyCharacters.querySyntax(); // odata.net splits the path at the slash
            }
        }
        if (resource.contains("/")) {
            throw ODataError.badRequest("Navigation and property paths are not supported: " + resource);
        }
        int open = resource.indexOf('(');
        String setName = QueryOptions.decode(open < 0 ? resource : resource.substring(0, open), false);
        EntitySetDef set = service.model().requireEntitySet(setName);
        EntityWriter writer = new EntityWriter(service, set);
        String method = request.method();
        if (open < 0) {
            return switch (method) {
                case "GET" -> CollectionReader.read(service, set, request);
                case "POST" -> writer.create(request);
                default -> throw new ODataError(405, "MethodNotAllowed", method + " is not allowed on a collection");
            };
        }
        if (!resource.endsWith(")")) {
            throw ODataError.badRequest("Cannot read the key in '" + resource + "'");
        }
        Map<String, Object> key = KeyPredicate.parse(service.kind(), set, resource.substring(open + 1, resource.length() - 1));
        return switch (method) {
            case "GET" -> writer.get(key, request);
            case "PATCH", "PUT" -> writer.upsert(key, request);
            case "DELETE" -> writer.delete(key, request);
            default -> throw new ODataError(405, "MethodNotAllowed", method + " is not allowed on an entity");
        };
    }

    private static void requireMethod(ODataRequest request, String method) {
        if (!request.method().equals(method)) {
            throw new ODataError(405, "MethodNotAllowed", request.method() + " is not allowed here");
        }
    }
}
