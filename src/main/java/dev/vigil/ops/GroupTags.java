package dev.vigil.ops;

import java.util.List;
import java.util.Optional;

/**
 * The values a {@code group} tag may take: the model groups named in configuration, nothing else. A
 * group name from anywhere else (a bundle's group, a record) is not a tag value: meters of it are
 * simply not moved, so no input can add a series.
 */
final class GroupTags {
    static final String TAG = "group";

    private final List<String> groups;

    GroupTags(List<String> configured) {
        this.groups = configured.stream()
                .filter(g -> g != null && !g.isBlank())
                .distinct()
                .toList();
    }

    /** The configured groups. */
    List<String> groups() {
        return groups;
    }

    /** {@code group} as a tag value, if it is a configured group. */
    Optional<String> tag(String group) {
        return groups.contains(group) ? Optional.of(group) : Optional.empty();
    }
}
