package org.claimdesk.system;

import io.quarkus.qute.TemplateExtension;

/**
 * Every page link, in one place: Java redirects call these methods and templates use {@code {route:name}}.
 */
@TemplateExtension(namespace = "route")
public final class Routes {

    private Routes() {
    }

    public static String dashboard() {
        return "/";
    }

    public static String login() {
        return "/login";
    }

    public static String loginCheck() {
        return "/j_security_check";
    }

    public static String logout() {
        return "/logout";
    }

    public static String myAccount() {
        return "/account";
    }

    public static String myPassword() {
        return "/account/password";
    }

    public static String accounts() {
        return "/admin/accounts";
    }

    public static String newAccount() {
        return "/admin/accounts/new";
    }

    public static String account(Long id) {
        return "/admin/accounts/" + id;
    }

    public static String accountRole(Long id) {
        return account(id) + "/role";
    }

    public static String accountActive(Long id) {
        return account(id) + "/active";
    }

    public static String accountPassword(Long id) {
        return account(id) + "/password";
    }

    public static String stylesheet() {
        return "/static/claimdesk.css";
    }
}
