package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.RequestCounter;

class ODataComponentTest {
    private final CamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void register() {
        RequestCounter counter = new RequestCounter();
        camel.addComponent("dataverse", new ODataComponent(
                ServiceConfig.of("crm", Dialect.DATAVERSE, "http://127.0.0.1:9/api/data/v9.2/", "http://127.0.0.1:9/t",
                        "c", "s"), counter));
        camel.addComponent("fno", new ODataComponent(
                ServiceConfig.of("erp", Dialect.FNO, "http://127.0.0.1:9/data/", "http://127.0.0.1:9/t", "c", "s"),
                counter));
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void optionsHaveTheirDefaultsAndCanBeSet() {
        ODataEndpoint defaults = camel.getEndpoint("dataverse:accounts?area=accounts", ODataEndpoint.class);
        ODataEndpoint set = camel.getEndpoint(
                "fno:CustomersV3?area=accounts&pageSize=100&overlap=PT5S&batchSize=200&crossCompany=false",
                ODataEndpoint.class);

        assertThat(defaults.getEntitySet()).isEqualTo("accounts");
        assertThat(defaults.getPageSize()).as("the most Dataverse serves").isEqualTo(5000);
        assertThat(defaults.getBatchSize()).isEqualTo(1000);
        assertThat(defaults.getOverlap()).isEqualTo(Duration.ZERO);
        assertThat(defaults.isCrossCompany()).isFalse();
        assertThat(camel.getEndpoint("fno:CustomersV3?area=accounts", ODataEndpoint.class).isCrossCompany()).isTrue();
        assertThat(camel.getEndpoint("fno:CustomersV3?area=accounts", ODataEndpoint.class).getPageSize())
                .as("the most F&O serves").isEqualTo(10_000);
        assertThat(set.getPageSize()).isEqualTo(100);
        assertThat(set.getOverlap()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.getBatchSize()).isEqualTo(200);
        assertThat(set.isCrossCompany()).isFalse();
    }

    @Test
    void badOptionsAreRejectedByName() {
        assertThatThrownBy(() -> camel.getEndpoint("fno:CustomersV3?area=a&batchSize=1001"))
                .hasStackTraceContaining("batchSize must be 1..1000");
        assertThatThrownBy(() -> camel.getEndpoint("fno:CustomersV3?area=a&pageSiz=10"))
                .hasStackTraceContaining("pageSiz");
        assertThatThrownBy(() -> camel.getEndpoint("fno:CustomersV3?area=a&overlap=5s"))
                .hasStackTraceContaining("5s");
        assertThatThrownBy(() -> camel.getEndpoint("fno:?area=a")).hasStackTraceContaining("names no entity set");
    }

    @Test
    void camelsSchedulerOptionsApplyUnchanged() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dataverse:accounts?area=a&scheduler=quartz&scheduler.cron=0+0/5+*+*+*+?")
                        .routeId("quartz").autoStartup(false).log("never");
                from("dataverse:contacts?area=c&delay=60000&initialDelay=1000&repeatCount=3")
                        .routeId("timer").autoStartup(false).log("never");
            }
        });
        camel.start();

        ODataEndpoint timer = (ODataEndpoint) camel.getRoute("timer").getEndpoint();
        assertThat(timer.getDelay()).isEqualTo(60000);
        assertThat(timer.getRepeatCount()).isEqualTo(3);
        camel.getRouteController().startRoute("quartz");
        ScheduledPollConsumer quartz = (ScheduledPollConsumer) camel.getRoute("quartz").getConsumer();
        assertThat(quartz.getScheduler().getClass().getSimpleName()).isEqualTo("QuartzScheduledPollConsumerScheduler");
    }
}
