package dev.vigil.cli;

import dev.vigil.contract.avro.ModelBundle;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Prints the versions of a model group, one line each, marking the one in use. */
final class VersionTable {
    private static final String FORMAT = "%-1s %8s  %-14s  %-24s  %9s  %12s  %-16s  %s%n";

    private final PrintWriter out;

    VersionTable(PrintWriter out) {
        this.out = out;
    }

    void print(List<ModelBundle> versions, Optional<ModelBundle> current) {
        out.printf(FORMAT, "", "VERSION", "VARIANT", "CREATED", "SAMPLES", "VAL_LOSS", "KEY", "ROLLBACK");
        for (int i = 0; i < versions.size(); i++) {
            ModelBundle bundle = versions.get(i);
            boolean inUse = i == versions.size() - 1
                    && current.isPresent()
                    && current.get().getVersion() == bundle.getVersion();
            out.printf(
                    FORMAT,
                    inUse ? "*" : "",
                    bundle.getVersion(),
                    bundle.getVariant(),
                    bundle.getCreatedAt(),
                    bundle.getTraining().getSamples(),
                    String.format("%.6g", bundle.getTraining().getValidationLoss()),
                    bundle.getKeyId() == null ? "unsigned" : bundle.getKeyId(),
                    bundle.getRollback() ? "yes" : "");
        }
        if (versions.isEmpty()) {
            out.println("(no versions published)");
        }
    }
}
