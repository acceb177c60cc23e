package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRequestTest {

    @Test
    void independentOperationsAreTopLevelHttpPartsWithContentIds() {
        BatchRequest batch = new BatchRequest()
                .add(new BatchRequest.Operation("PATCH", "https://h/data/CustomersV3(x)", "{\"Name\":\"Жук\"}"))
                .add(new BatchRequest.Operation("PATCH", "/data/CustomersV3(y)", "{}"));
        String boundary = batch.contentType().substring("multipart/mixed; boundary=".length());
        String body = new String(batch.body(), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("--" + boundary + "\r\n"
                + "Content-Type: application/http\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: 1\r\n"
                + "\r\n"
                + "PATCH https://h/data/CustomersV3(x) HTTP/1.1\r\n"
                + "Accept: application/json\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "\r\n"
                + "{\"Name\":\"Жук\"}\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/http\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: 2\r\n"
                + "\r\n"
                + "PATCH /data/CustomersV3(y) HTTP/1.1\r\n"
                + "Accept: application/json\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "\r\n"
                + "{}\r\n"
                + "--" + boundary + "--\r\n");
        assertThat(batch.size()).isEqualTo(2);
    }

    @Test
    void changeSetIsANestedMultipartWithOneBoundary() {
        BatchRequest batch = new BatchRequest().addChangeSet(List.of(
                new BatchRequest.Operation("POST", "/data/SalesOrderHeadersV2", "{\"a\":1}"),
                new BatchRequest.Operation("POST", "/data/SalesOrderLines", "{\"b\":2}")));
        String body = new String(batch.body(), StandardCharsets.UTF_8);

        String changeSet = body.substring(body.indexOf("boundary=") + 9, body.indexOf("\r\n", body.indexOf("boundary=")));
        assertThat(changeSet).startsWith("changeset_");
        assertThat(body.split("--" + changeSet + "\r\n", -1)).hasSize(3);
        assertThat(body).contains("Content-ID: 1\r\n", "Content-ID: 2\r\n", "--" + changeSet + "--\r\n")
                .endsWith("--\r\n");
        assertThat(batch.size()).isEqualTo(2);
    }
}
