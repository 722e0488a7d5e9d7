package oms.chassis.openapi;

/** Problem documents the shared response annotations show as examples. */
final class Examples {

    static final String INVALID_REQUEST = """
            {"type": "https://oms.example/problems/invalid-request", "title": "Bad Request", "status": 400,
             "detail": "quantity: must be greater than or equal to 1", "code": "INVALID_REQUEST",
             "errors": [{"field": "quantity", "message": "must be greater than or equal to 1"}]}""";

    static final String REQUEST_TOO_LARGE = """
            {"type": "https://oms.example/problems/request-too-large", "title": "Request Entity Too Large",
             "status": 413, "detail": "The body is larger than 65536 bytes", "code": "REQUEST_TOO_LARGE"}""";

    private Examples() {
    }
}
