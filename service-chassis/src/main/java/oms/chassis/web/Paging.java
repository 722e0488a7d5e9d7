package oms.chassis.web;

/** The contract's bound on list pages: a client may page through the first 10,000 rows, no further. */
public final class Paging {

    public static final long MAX_WINDOW = 10_000;

    private Paging() {
    }

    /**
     * The row offset of the page.
     *
     * @throws ApiException 400 INVALID_REQUEST when {@code page × size} exceeds {@link #MAX_WINDOW}
     */
    public static long offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > MAX_WINDOW) {
            throw ApiException.invalid("page", "page × size must not exceed " + MAX_WINDOW);
        }
        return offset;
    }
}
