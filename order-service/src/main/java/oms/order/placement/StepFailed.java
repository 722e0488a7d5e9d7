package oms.order.placement;

/** A step got an answer that is not a business rejection and not expected (a 409 or a mismatch): the order FAILS. */
class StepFailed extends RuntimeException {

    StepFailed(String detail) {
        super(detail);
    }
}
