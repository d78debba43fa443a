package io.nightwatch.functions.incidents.enrich;

import java.io.Serializable;
import java.util.Map;

/**
 * Where the service catalog comes from (the {@code services} table in production). The enrichment operator
 * creates its own loader when it opens and reloads it periodically; {@link #load()} must be thread-confined.
 */
public interface ServiceCatalog extends Serializable {

    /** An empty catalog. */
    ServiceCatalog NONE = Map::of;

    /** Every known service by name. */
    Map<String, ServiceInfo> load() throws Exception;
}
