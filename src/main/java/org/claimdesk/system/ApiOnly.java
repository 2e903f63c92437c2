package org.claimdesk.system;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Keeps the JSON API in the OpenAPI document: the HTML pages are JAX-RS resources too, but they take forms and answer
 * pages, and describing them as an API would invite scripts to post forms. Registered by {@code mp.openapi.filter}.
 */
public class ApiOnly implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!Problems.isApi(path)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        // tags that only pages used go too
        Set<String> used = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream()).map(Operation::getTags)
                .filter(tags -> tags != null).flatMap(List::stream).collect(Collectors.toSet());
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream().filter(tag -> used.contains(tag.getName())).toList());
        }
    }
}
