package org.p2csync.app;

/** Where one system is and how to authenticate to it. The secret never appears in toString. */
public record ServiceSettings(String url, String tokenUrl, String clientId, String clientSecret) {
    @Override
    public String toString() {
        return "ServiceSettings[url=" + url + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "unset" : "****") + "]";
    }
}
