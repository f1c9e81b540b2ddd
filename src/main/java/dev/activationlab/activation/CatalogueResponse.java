package dev.activationlab.activation;

import java.util.List;

/** @param activations every activation of the catalogue, sorted by name */
public record CatalogueResponse(List<ActivationView> activations) {
}
