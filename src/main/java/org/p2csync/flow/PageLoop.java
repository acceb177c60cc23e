package org.p2csync.flow;

import org.p2csync.sync.SourceReader;
import org.p2csync.sync.SourcePage;

/**
 * The one page loop of every read: the strategy's first page, then the service's next links as given, each page
 * handed on (and committed) before the next is read. The last page is the one without a next link; what a completed
 * read still owes follows it.
 */
final class PageLoop {
    private final SourceReader source;

    PageLoop(SourceReader source) {
        this.source = source;
    }

    void read(ReadStrategy strategy, RunInProgress run) throws Exception {
        SourcePage page = strategy.first();
        run.expect(page.total());
        while (true) {
            strategy.read(page);
            run.hand(page.items(), strategy.endOf(page), page.isLast() && !strategy.continuesAfterLastPage());
            if (page.isLast()) {
                break;
            }
            page = source.readNext(page.nextLink(), strategy.tracked());
        }
        run.readDone();
        strategy.complete(run);
    }
}
