package org.p2csync.sandbox;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The privileges the simulated CRM's application user lacks, for the metadata Web API's changes: creating a column
 * needs prvCreateAttribute, creating an alternate key prvCreateEntityKey, deleting one prvDeleteEntityKey (a System
 * Customizer has them all). By default it lacks none. A request that needs a missing one is answered as Dataverse
 * answers it: 403 with code 0x80040220 and "Principal user (...) is missing prvX privilege ... for entity 'x'".
 */
final class Privileges {
    /** The sandbox's application user (the demo client's), as Dataverse names the principal in the refusal. */
    private static final String USER = SeedCatalog.guid("systemuser:" + SandboxIds.CLIENT_ID);

    private final Set<String> denied = ConcurrentHashMap.newKeySet();

    void deny(Set<String> privileges) {
        denied.clear();
        denied.addAll(privileges);
    }

    Set<String> denied() {
        return Set.copyOf(denied);
    }

    /** The 403 a request gets when the user lacks the privilege it needs; empty when it may go on. */
    Optional<ODataResponse> refusal(ODataRequest request) {
        String resource = QueryOptions.decode(request.resource(), false);
        if (denied.isEmpty() || !MetadataApi.handles(resource)) {
            return Optional.empty();
        }
        String method = request.method();
        boolean keys = resource.contains("/Keys");
        String privilege = method.equals("POST") && resource.endsWith("/Attributes") ? "prvCreateAttribute"
                : method.equals("POST") && resource.endsWith("/Keys") ? "prvCreateEntityKey"
                : method.equals("DELETE") && keys ? "prvDeleteEntityKey"
                : null;
        if (privilege == null || !denied.contains(privilege)) {
            return Optional.empty();
        }
        String entity = keys ? "entitykey" : "attribute";
        return Optional.of(ODataResponse.error(ServiceKind.DATAVERSE, 403, "0x80040220", "Principal user (Id=" + USER
                + ", type=8, roleCount=1, accessMode='4 Non-interactive'), is missing " + privilege + " privilege (Id="
                + SeedCatalog.guid("privilege:" + privilege) + ") for entity '" + entity + "'. context.Caller=" + USER
                + ". Consider adding missed privilege to one of the principal (user/team) roles."));
    }
}
