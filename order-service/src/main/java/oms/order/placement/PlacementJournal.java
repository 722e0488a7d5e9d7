package oms.order.placement;

/** Keeps the placement's progress durable; called after every change of step. */
public interface PlacementJournal {

    void record(Placement placement);
}
