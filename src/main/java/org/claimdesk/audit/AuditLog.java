package org.claimdesk.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admins' page of the audit log: what admins did, newest first, a page at a time. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditLog {

    static final int PAGE_SIZE = 50;
    /** Deeper than any desk's log will reach; a larger number is a typo or a probe. */
    static final int MAX_PAGE = 100_000;

    /** One page of entries, with the links to its neighbours (null at the ends). */
    public record Page(List<AuditEntry> entries, int number, String newer, String older) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page);
    }

    @GET
    public TemplateInstance index(@RestQuery String page) {
        int number = pageNumber(page);
        List<AuditEntry> fetched = AuditEntry.<AuditEntry> find(
                "from AuditEntry e left join fetch e.actor order by e.at desc, e.id desc")
                .range((number - 1) * PAGE_SIZE, number * PAGE_SIZE).list();
        boolean more = fetched.size() > PAGE_SIZE;
        List<AuditEntry> entries = more ? fetched.subList(0, PAGE_SIZE) : fetched;
        return Templates.index(new Page(entries, number, number > 1 ? Routes.auditLog(number - 1) : null,
                more ? Routes.auditLog(number + 1) : null));
    }

    static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 1 && number <= MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ClientError.badRequest("The page number must be a whole number from 1 to " + MAX_PAGE + ".");
    }
}
