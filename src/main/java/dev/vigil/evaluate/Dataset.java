package dev.vigil.evaluate;

import dev.vigil.dataset.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A labelled dataset in the layout of {@code shared/data/README.md}: entity {@code E} is the pair
 * {@code E_train.csv} (no labels) and {@code E_test.csv} (with a {@code label} column). A
 * {@code timestamp} column is time, not a feature; every other column is a numeric feature.
 *
 * @param directory where the files were read from
 * @param entities the entities, sorted by name
 */
public record Dataset(Path directory, List<EntityData> entities) {
    private static final String TRAIN_SUFFIX = "_train.csv";
    private static final String TEST_SUFFIX = "_test.csv";

    /**
     * Loads every entity of {@code directory}.
     *
     * @throws IOException if a file cannot be read, an entity lacks its test file, train and test
     *     disagree on features, or a cell is not a number
     */
    public static Dataset load(Path directory) throws IOException {
        List<EntityData> entities = new ArrayList<>();
        for (String name : entityNames(directory)) {
            entities.add(loadEntity(directory, name));
        }
        if (entities.isEmpty()) {
            throw new IOException(directory + ": no *" + TRAIN_SUFFIX + " files, not a dataset directory");
        }
        return new Dataset(directory, List.copyOf(entities));
    }

    /** Loads only the named entities of {@code directory}, in the order given. */
    public static Dataset load(Path directory, List<String> names) throws IOException {
        List<EntityData> entities = new ArrayList<>();
        for (String name : names) {
            entities.add(loadEntity(directory, name));
        }
        return new Dataset(directory, List.copyOf(entities));
    }

    /** Total number of test rows over all entities. */
    public int testRows() {
        return entities.stream().mapToInt(e -> e.labels().length).sum();
    }

    private static List<String> entityNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(TRAIN_SUFFIX))
                    .map(f -> f.substring(0, f.length() - TRAIN_SUFFIX.length()))
                    .sorted()
                    .toList();
        }
    }

    private static EntityData loadEntity(Path directory, String name) throws IOException {
        Path testFile = directory.resolve(name + TEST_SUFFIX);
        if (!Files.isRegularFile(testFile)) {
            throw new IOException("entity " + name + " has no " + testFile.getFileName());
        }
        TableColumns train = TableColumns.of(CsvTable.read(directory.resolve(name + TRAIN_SUFFIX)), false);
        TableColumns test = TableColumns.of(CsvTable.read(testFile), true);
        if (!train.featureNames().equals(test.featureNames())) {
            throw new IOException("entity " + name + ": train features " + train.featureNames()
                    + " differ from test features " + test.featureNames());
        }
        long[] testTimes = test.timestampsAfter(train.timestamps());
        return new EntityData(
                name,
                train.featureNames(),
                train.values(),
                train.timestamps(),
                test.values(),
                testTimes,
                test.labels());
    }
}
