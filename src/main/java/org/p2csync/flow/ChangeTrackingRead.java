package org.p2csync.flow;

import org.p2csync.sync.Cursor;
import org.p2csync.sync.DeltaLinkExpired;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.SourcePage;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dataverse change tracking. Without a delta link yet a run reads everything with change tracking asked for; later
 * runs read the stored delta link and get what changed since, deleted records included. The last page's delta link
 * becomes the cursor. Pages before the last end at the cursor the run started from, so an interrupted run starts
 * over from there (a full read again, or the same delta link): next links are no stable resume point. Re-read
 * records cost nothing to write, their hashes are unchanged. A delta link the service no longer knows (its token
 * expired) is logged and the run restarts once with a full read.
 */
final class ChangeTrackingRead implements ReadStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTrackingRead.class);

    private final String area;
    private final ReadSpec spec;
    private final SourceReader source;
    private Cursor start;

    ChangeTrackingRead(String area, ReadSpec spec, Cursor stored, SourceReader source) {
        if (spec.compositeId()) {
            // Dataverse change tracking names records by one GUID; the mapping loader allows it for crm sources only
            throw new IllegalArgumentException(area + ": change tracking needs a single-field source id, not "
                    + spec.idFields());
        }
        this.area = area;
        this.spec = spec;
        this.source = source;
        this.start = stored instanceof Cursor.DeltaLink ? stored : Cursor.START;
    }

    @Override
    public Cursor start() {
        return start;
    }

    @Override
    public SourcePage first() {
        if (start instanceof Cursor.DeltaLink delta) {
            try {
                return source.readDelta(delta.link());
            } catch (DeltaLinkExpired expired) {
                LOG.warn("{}: the service no longer knows the stored delta link ({}); reading {} in full again,"
                        + " unchanged records cost no write", area, expired.getMessage(), spec.entitySet());
                start = Cursor.START;
            }
        }
        return source.readTracked();
    }

    @Override
    public boolean tracked() {
        return true;
    }

    @Override
    public Cursor endOf(SourcePage page) {
        if (!page.isLast()) {
            return start;
        }
        if (page.deltaLink() == null) {
            throw new IllegalStateException(area + ": the last page of the change-tracking read of "
                    + spec.entitySet() + " has no @odata.deltaLink; is change tracking enabled for this table?");
        }
        return new Cursor.DeltaLink(page.deltaLink());
    }
}
