package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.MappingException;
import org.p2csync.mapping.MappingLoader;
import org.p2csync.state.StateStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/** Records deleted at the source under each delete policy, through map and commit on a real H2 state store. */
class DeletePolicyTest {
    private static final Path BASE = Path.of("src/test/resources/flow/customers.yaml");
    private static final String DEACTIVATE = "onDelete: { policy: deactivate, set: { OnHoldStatus: All } }";

    @TempDir
    Path dir;

    StateStore state;

    @BeforeEach
    void open() {
        state = StateStore.open(StateStore.h2(dir.resolve("state")));
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void deactivateUpsertsTheKeyWithTheSetFieldsAndRecordsTheNewHash() throws IOException {
        Mapping mapping = mapping(DEACTIVATE);
        syncOne(mapping, "g1", "C-1");

        Batch mapped = map(mapping, Item.deletedAtSource("g1", null), Item.deletedAtSource("never", null));

        Item deactivated = mapped.items().get(0);
        assertThat(deactivated.status()).isEqualTo(ItemStatus.READY);
        assertThat(deactivated.target().operation()).isEqualTo(TargetRecord.Operation.UPSERT);
        assertThat(deactivated.target().payload()).containsExactly(
                Map.entry("dataAreaId", "usmf"), Map.entry("CustomerAccount", "C-1"), Map.entry("OnHoldStatus", "All"));
        assertThat(mapped.items().get(1).status()).isEqualTo(ItemStatus.FILTERED);
        assertThat(mapped.items().get(1).reason()).isEqualTo("deleted at source; never synced, nothing to deactivate");

        commit(mapping, mapped.mapItems(i -> i.status() == ItemStatus.READY ? i.written() : i));
        assertThat(state.recordState("customers").hash("usmf|C-1")).contains(deactivated.hash());
        Batch again = new SkipUnchangedStep(state.recordState("customers"), null)
                .apply(map(mapping, Item.deletedAtSource("g1", null)));
        assertThat(again.items().get(0).status()).as("reported deleted twice: blocked once").isEqualTo(ItemStatus.UNCHANGED);
    }

    @Test
    void deleteSendsADeleteByKeyAndForgetsTheRecord() throws IOException {
        Mapping mapping = mapping("onDelete: { policy: delete }");
        syncOne(mapping, "g1", "C-1");

        Batch mapped = map(mapping, Item.deletedAtSource("g1", null));

        TargetRecord target = mapped.items().get(0).target();
        assertThat(target.operation()).isEqualTo(TargetRecord.Operation.DELETE);
        assertThat(target.key()).containsExactly(Map.entry("dataAreaId", "usmf"), Map.entry("CustomerAccount", "C-1"));
        commit(mapping, mapped.mapItems(Item::written));
        assertThat(state.recordState("customers").hash("usmf|C-1")).isEmpty();
        assertThat(state.recordState("customers").targetKeysBySource(List.of("g1"))).isEmpty();
    }

    @Test
    void ignoreLeavesTheTargetAlone() throws IOException {
        Mapping mapping = mapping("onDelete: ignore");
        syncOne(mapping, "g1", "C-1");

        Item item = map(mapping, Item.deletedAtSource("g1", null)).items().get(0);

        assertThat(item.status()).isEqualTo(ItemStatus.FILTERED);
        assertThat(item.reason()).isEqualTo("deleted at source; policy ignore");
    }

    @Test
    void policyMistakesAreNamedWithTheirLine() throws IOException {
        assertThatThrownBy(() -> mapping("onDelete: deactivate"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("customers.yaml:9: onDelete deactivate needs set:");
        assertThatThrownBy(() -> mapping("onDelete: { policy: remove }"))
                .hasMessageContaining(":9: onDelete policy must be deactivate, delete or ignore, not 'remove'");
        Path noTracking = Files.writeString(dir.resolve("customers.yaml"),
                Files.readString(BASE).replace(", changeTracking: true", ""));
        assertThatThrownBy(() -> new MappingLoader().load(noTracking))
                .hasMessageContaining(":9: onDelete needs a read that sees deletes: source.changeTracking: true, or"
                        + " no source.modified (a full read); a read by modified (modifiedon) never sees");
    }

    @Test
    void aSourceReadInFullSeesDeletesSoItMayHaveADeletePolicy() throws IOException {
        Path fullRead = Files.writeString(dir.resolve("customers.yaml"),
                Files.readString(BASE).replace(", modified: modifiedon, changeTracking: true", ""));

        Mapping mapping = new MappingLoader().load(fullRead);

        assertThat(mapping.readSpec().modifiedField()).isNull();
        assertThat(mapping.readSpec().changeTracking()).isFalse();
        assertThat(mapping.readSpec().select()).containsExactly("accountid", "accountnumber", "name");
        assertThat(mapping.onDelete().kind()).isEqualTo(org.p2csync.mapping.DeletePolicy.Kind.DEACTIVATE);
    }

    @Test
    void changeTrackingReachesTheReadSpec() throws IOException {
        assertThat(mapping(DEACTIVATE).readSpec().changeTracking()).isTrue();
        assertThat(mapping(DEACTIVATE).onDelete().set()).containsEntry("OnHoldStatus", "All");
    }

    private Mapping mapping(String onDelete) throws IOException {
        Path file = Files.writeString(dir.resolve("customers.yaml"), Files.readString(BASE).replace(DEACTIVATE, onDelete));
        return new MappingLoader().load(file);
    }

    /** Maps, "writes" and commits one account, as a first run would. */
    private void syncOne(Mapping mapping, String id, String number) {
        Item read = Item.read(id, number, Map.of("accountid", id, "accountnumber", number, "name", "n"));
        commit(mapping, map(mapping, read).mapItems(Item::written));
    }

    private Batch map(Mapping mapping, Item... items) {
        return new MapStep(mapping, SyncedKeys.of(state)).apply(
                new Batch("customers", "run", List.of(items), Cursor.START, false));
    }

    private void commit(Mapping mapping, Batch batch) {
        new CommitStep(state.recordState(mapping.area()), state.errors(), state.pending(), state.cursors(),
                new RunLedger(state.runs(), new RequestCounter()), new ObjectMapper(), null, null, ConflictRecorder.off(),
                state.held(), new SourceFingerprint(mapping.version())).apply(batch);
    }
}
