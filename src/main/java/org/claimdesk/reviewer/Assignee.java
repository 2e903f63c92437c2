package org.claimdesk.reviewer;

/**
 * Someone claims can be assigned to, as the forms and filters list them: an active reviewer or administrator, by id
 * and username only, read without loading (and later checking) whole accounts.
 */
public record Assignee(Long id, String username) {
}
