package dev.activationlab.dataset;

import java.util.List;

/**
 * The datasets.
 *
 * @param datasets each with its name, description, input width and number of classes
 */
public record DatasetCatalogueResponse(List<Entry> datasets) {

    /**
     * @param name        the name for {@code GET /datasets/{name}} and {@code "dataset"}
     * @param description what the problem looks like
     * @param inputs      input width (2)
     * @param classes     number of classes (2)
     */
    public record Entry(String name, String description, int inputs, int classes) {
    }
}
