package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResponseTest {
    static final String MIXED = "--batchresponse_1\r\n"
            + "Content-Type: application/http\r\n"
            + "Content-Transfer-Encoding: binary\r\n"
            + "Content-ID: 1\r\n"
            + "\r\n"
            + "HTTP/1.1 204 No Content\r\n"
            + "OData-Version: 4.0\r\n"
            + "\r\n"
            + "\r\n"
            + "--batchresponse_1\r\n"
            + "Content-Type: application/http\r\n"
            + "Content-Transfer-Encoding: binary\r\n"
            + "Content-ID: 2\r\n"
            + "\r\n"
            + "HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: application/json; odata.metadata=minimal\r\n"
            + "\r\n"
            + "{\"error\":{\"code\":\"0x80040237\",\"message\":\"Name: Жук is too long\"}}\r\n"
            + "--batchresponse_1\r\n"
            + "Content-Type: application/http\r\n"
            + "Content-Transfer-Encoding: binary\r\n"
            + "\r\n"
            + "HTTP/1.1 429 Too Many Requests\r\n"
            + "Retry-After: 3\r\n"
            + "\r\n"
            + "Rate limit exceeded\r\n"
            + "--batchresponse_1--\r\n";

    @Test
    void mixedStatusesArePerOperationWithTheODataErrorMessage() {
        List<BatchResponse.Part> parts = BatchResponse.parse("multipart/mixed; boundary=batchresponse_1",
                MIXED.getBytes(StandardCharsets.UTF_8));

        assertThat(parts).extracting(BatchResponse.Part::status).containsExactly(204, 400, 429);
        assertThat(parts).extracting(BatchResponse.Part::contentId).containsExactly("1", "2", null);
        assertThat(parts.get(0).isSuccess()).isTrue();
        assertThat(parts.get(1).errorMessage()).isEqualTo("Name: Жук is too long (0x80040237)");
        assertThat(parts.get(2).errorMessage()).isEqualTo("Rate limit exceeded");
        assertThat(parts.get(2).retryAfter()).isEqualTo("3");
    }

    @Test
    void anFnoWriteRefusalNamesWhatItsEntitySaid() {
        BatchResponse.Part part = new BatchResponse.Part(null, 400, "{\"error\":{\"code\":\"\",\"message\":"
                + "\"An error has occurred.\",\"innererror\":{\"message\":\"The length of 'OrganizationName' exceeded 100\","
                + "\"type\":\"Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException\"}}}", null);
        assertThat(part.errorMessage()).isEqualTo("An error has occurred. The length of 'OrganizationName' exceeded 100");
    }

    @Test
    void changeSetResponsesAreFlattenedInOrder() {
        String body = "--b\r\n"
                + "Content-Type: multipart/mixed; boundary=\"cs\"\r\n"
                + "\r\n"
                + "--cs\r\n"
                + "Content-Type: application/http\r\n\r\n"
                + "HTTP/1.1 201 Created\r\n\r\n{\"id\":1}\r\n"
                + "--cs\r\n"
                + "Content-Type: application/http\r\n\r\n"
                + "HTTP/1.1 201 Created\r\n\r\n{\"id\":2}\r\n"
                + "--cs--\r\n"
                + "--b--\r\n";

        List<BatchResponse.Part> parts =
                BatchResponse.parse("multipart/mixed;boundary=b", body.getBytes(StandardCharsets.UTF_8));

        assertThat(parts).extracting(BatchResponse.Part::body).containsExactly("{\"id\":1}", "{\"id\":2}");
    }

    @Test
    void aResponseThatIsNotMultipartIsAClearError() {
        assertThatThrownBy(() -> BatchResponse.parse("application/json", new byte[0]))
                .isInstanceOf(ODataException.class)
                .hasMessageContaining("not multipart");
    }
}
