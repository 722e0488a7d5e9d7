package oms.order.client;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A dependency answered with a 4xx: a business answer, not a failure of the dependency. */
public class DownstreamRejected extends RuntimeException {

    private final String dependency;
    private final int status;
    private final ProblemView problem;

    public DownstreamRejected(String dependency, int status, @Nullable ProblemView problem) {
        super(dependency + " answered " + status + (problem != null && problem.code() != null ? " " + problem.code() : ""));
        this.dependency = dependency;
        this.status = status;
        this.problem = problem != null ? problem : new ProblemView(null, null, null);
    }

    public String dependency() {
        return dependency;
    }

    public int status() {
        return status;
    }

    public boolean hasCode(String code) {
        return code.equals(problem.code());
    }

    @Nullable
    public String code() {
        return problem.code();
    }

    public String detail() {
        return problem.detail() != null ? problem.detail() : getMessage();
    }

    public List<String> skus() {
        return problem.skus() != null ? problem.skus() : List.of();
    }
}
